"""Which way to read an all-numeric date such as "06/11/2025": day first or month first.

Such a date names two days, so evidence from the page decides, strongest first:

1. a value above 12 can only be a day (13/06/2025, 06/13/2025);
2. a weekday written on the same line ("Thu 06/11/2025") fits only one reading;
3. the outlet's own written dates: "4 March" style (never used in the US) outnumbering
   "March 4" style means day first;
4. a weekday the text names ("on Thursday") is the publication day or the day before
   for only one reading;
5. US cues: American spelling ("defense", "center", "program") outweighing British
   spelling, with "March 4" style dates, means month first;
6. otherwise day first, the order of most of the world's outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Case-sensitive on purpose: a capital month name, so "may" the verb is no month.
_DAY_FIRST_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME}(?![a-z])")
_MONTH_FIRST_DATE = re.compile(rf"\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d])")
_WEEKDAY_NAME = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_WEEKDAY_NUMBER = {"Mon": 0, "Tues": 1, "Wednes": 2, "Thurs": 3, "Fri": 4, "Satur": 5, "Sun": 6}
# American and British spellings of words defence news uses; a plural "s" is allowed.
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("defense", "defence"),
    ("center", "centre"),
    ("centered", "centred"),
    ("program", "programme"),
    ("organization", "organisation"),
    ("labor", "labour"),
    ("honor", "honour"),
    ("neighbor", "neighbour"),
    ("neighboring", "neighbouring"),
    ("favor", "favour"),
    ("realize", "realise"),
    ("recognize", "recognise"),
    ("emphasize", "emphasise"),
    ("modernization", "modernisation"),
    ("authorized", "authorised"),
    ("organized", "organised"),
)
_AMERICAN = frozenset(word for us, _ in _SPELLINGS for word in (us, us + "s"))
_BRITISH = frozenset(word for _, gb in _SPELLINGS for word in (gb, gb + "s"))
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class _Evidence:
    day_first_dates: int = 0
    month_first_dates: int = 0
    weekdays_named: frozenset[int] = field(default_factory=frozenset)
    american_words: int = 0
    british_words: int = 0


class NumericDateOrder:
    """The page's evidence on day/month order.

    Counting it scans the whole page, and most pages hold no all-numeric date at all,
    so the text is only read when a date actually has two readings.
    """

    def __init__(self, text: str = "") -> None:
        self._text = text

    @classmethod
    def from_text(cls, text: str) -> NumericDateOrder:
        return cls(text)

    @cached_property
    def _evidence(self) -> _Evidence:
        text = self._text
        words = _WORD.findall(text.lower())
        return _Evidence(
            day_first_dates=len(_DAY_FIRST_DATE.findall(text)),
            month_first_dates=len(_MONTH_FIRST_DATE.findall(text)),
            weekdays_named=frozenset(_WEEKDAY_NUMBER[m.group(1)] for m in _WEEKDAY_NAME.finditer(text)),
            american_words=sum(1 for word in words if word in _AMERICAN),
            british_words=sum(1 for word in words if word in _BRITISH),
        )

    @property
    def day_first_dates(self) -> int:
        return self._evidence.day_first_dates

    @property
    def month_first_dates(self) -> int:
        return self._evidence.month_first_dates

    @property
    def weekdays_named(self) -> frozenset[int]:
        return self._evidence.weekdays_named

    @property
    def american_words(self) -> int:
        return self._evidence.american_words

    @property
    def british_words(self) -> int:
        return self._evidence.british_words

    def read(self, first: int, second: int, year: int, weekday: int | None = None) -> date | None:
        """The date "first/second/year" stands for on this page; None when neither reading is a date."""
        day_first = _valid(year, second, first)
        month_first = _valid(year, first, second)
        if day_first is None or month_first is None or day_first == month_first:
            return day_first or month_first
        if weekday is not None:
            fitting = [d for d in (day_first, month_first) if d.weekday() == weekday]
            if len(fitting) == 1:
                return fitting[0]
        return month_first if self._month_first(day_first, month_first) else day_first

    def _month_first(self, day_first: date, month_first: date) -> bool:
        if self.day_first_dates > self.month_first_dates:
            return False
        supported = [self._weekday_named_near(d) for d in (day_first, month_first)]
        if supported.count(True) == 1:
            return supported[1]
        return self.american_words > self.british_words and self.month_first_dates > self.day_first_dates

    def _weekday_named_near(self, day: date) -> bool:
        """The text names this day's weekday or the day before's ("on Thursday", reported Friday)."""
        return bool({day.weekday(), (day - timedelta(days=1)).weekday()} & self.weekdays_named)


DAY_FIRST = NumericDateOrder()  # no evidence: day first unless a value or a weekday says otherwise


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
