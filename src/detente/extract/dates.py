"""Date expressions in news text, resolved against the article's publication date.

News gives dates in many shapes: "Thursday, November 13, 2025", "4-9 August 2025",
"on Friday", "next month", "In 2019", "mid-2023". Each becomes a `DateMention` with
character offsets and an `EventDate` at the precision the text gives.

Rules the gold annotations follow (shared/gold/README.md):
- `start` is the first day of the period; `end` equals `start` unless the text
  gives a span ("from August 4 to 9, 2025").
- Relative and year-less dates are resolved against the publication date; with
  no publication date they stay `unknown` (start None). A year is never invented.
- A bare weekday ("on Thursday") is the latest such day on or before publication
  (the same day counts), or the first on or after it when the sentence speaks of
  the future ("will visit on Thursday"). "next"/"last" exclude the day itself.
- A year-less day or month ("on March 29", "in May") takes the year that puts it
  before publication when the sentence is in the past tense, after it when in the
  future tense, and otherwise the nearest one.
- Week phrases ("last week", "two weeks ago") cannot be pinned to a day, so they
  resolve to the month holding the day a week away, at month precision.

Own regexes over a small lexicon (`lexicons/dates.json`) instead of dateparser:
on 300 background-news sentences they ran about 40 times faster than
`dateparser.search.search_dates`, which also read "we", "£50m" and modal "may"
as dates; these refuse counts, sums of money and modal "may".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from detente.extract.lexicon import literal_alternation
from detente.models import EventDate

LEXICON_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "dates.json"
Tense = Literal["past", "future"] | None


@dataclass(frozen=True)
class DateMention:
    """One date expression: offsets into the text, its resolved value, and whether
    that value depended on the publication date."""

    start: int
    end: int
    value: EventDate
    relative: bool
    text: str


# Raw, unresolved readings of an expression. Resolution needs the publication
# date and the sentence's tense, and span merging needs the parts, so parsing and
# resolving are kept apart.
@dataclass(frozen=True)
class _Day:
    month: int
    day: int
    year: int | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class _DaySpan:
    first: _Day
    last: _Day


@dataclass(frozen=True)
class _Month:
    month: int
    year: int | None = None
    year_offset: int | None = None  # "May last year" -> -1


@dataclass(frozen=True)
class _MonthSpan:
    first: _Month
    last: _Month


@dataclass(frozen=True)
class _Year:
    year: int
    last: int | None = None


@dataclass(frozen=True)
class _Weekday:
    weekday: int
    modifier: str  # "", "last", "next", "this", or "last week", "this week", "next week"


@dataclass(frozen=True)
class _Shift:
    """A distance from publication: "yesterday" is (day, -1), "next month" (month, 1)."""

    unit: str
    amount: int


_Raw = _Day | _DaySpan | _Month | _MonthSpan | _Year | _Weekday | _Shift


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    raw: _Raw


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in `text`, in order, none overlapping."""
    if not isinstance(text, str):
        raise TypeError(f"find_dates: text must be a str, got {type(text).__name__}")
    published = _as_date(published)
    candidates = _merge_spans(text, _best_candidates(text))
    return [
        DateMention(
            c.start,
            c.end,
            _resolve(c.raw, published, lambda c=c: _tense(text, c, candidates)),
            _is_relative(c.raw),
            text[c.start : c.end],
        )
        for c in candidates
    ]


def resolve_weekday(weekday: int, published: date, direction: str = "past") -> date:
    """The weekday (Monday=0) nearest to publication in the given direction.

    "past": on or before publication; "future": on or after; "last": strictly
    before; "next": strictly after.
    """
    if not 0 <= weekday <= 6:
        raise ValueError(f"resolve_weekday: weekday must be 0 (Monday) to 6 (Sunday), got {weekday}")
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if direction == "past":
        return published - timedelta(days=back)
    if direction == "future":
        return published + timedelta(days=ahead)
    if direction == "last":
        return published - timedelta(days=back or 7)
    if direction == "next":
        return published + timedelta(days=ahead or 7)
    raise ValueError(f"resolve_weekday: direction must be past, future, last or next, got {direction!r}")


# ---------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        data = json.load(handle)
    if "version" not in data:
        raise ValueError(f"{LEXICON_PATH}: the date lexicon has no 'version' key")
    return data


def _alternation(words: list[str]) -> str:
    """Any of the words, case folded (the patterns are compiled case-insensitive)."""
    return literal_alternation(sorted({w.lower() for w in words}))


_Handler = Callable[[re.Match[str], str], _Raw | None]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], _Handler, str]]:
    """(pattern, handler, gate): a pattern runs only when its gate word occurs."""
    lex = _lexicon()
    full_names = _alternation(sorted(_full_month_names()))
    abbreviations = _alternation([m for m in lex["months"] if m not in _full_month_names()])
    month = rf"(?P<month>(?:{full_names})\b|(?:{abbreviations})\b\.?)"  # "Dec." but not "December."
    month2 = month.replace("?P<month>", "?P<month2>")
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    day2 = day.replace("?P<day>", "?P<day2>")
    year = r"(?P<year>(?:19|20)\d\d)\b(?!-[A-Za-z])"
    weekday_prefix = rf"(?:(?P<weekday>{_alternation(list(lex['weekdays']))})\b\.?,?\s+(?:the\s+)?)?"
    connector = r"\s*(?P<conn>-|–|—|to|through|till|until|and)\s*"
    qualifier = rf"(?:(?P<qual>{_alternation(lex['year_qualifiers'])})(?:-|\s+)(?:of\s+)?)?"
    periods = _alternation(list(lex["relative_periods"]))
    relative_days = _alternation(list(lex["relative_days"]))
    numbers = _alternation(list(lex["number_words"]))
    span_lead = r"(?:\b(?:from|between)\s+)?\b"
    table: list[tuple[str, _Handler, str]] = [
        (r"\b(?P<year>(?:19|20)\d\d)([-/.])(?P<mon>[01]\d)\2(?P<day>[0-3]\d)(?:\b|(?=T\d))", _iso, "year"),
        (r"\b(?P<a>[0-3]?\d)([-/.])(?P<b>[01]?\d)\2(?P<year>(?:19|20)\d\d)\b", _numeric, "year"),
        (r"(?<![\w$€£¥#.,-])(?P<year>(?:19|20)\d\d)[-–/](?P<short>\d\d)\b(?![-/.]\d)", _fiscal_year, "year"),
        (rf"{span_lead}{month}\s+{day}{connector}{day2}(?:,?\s*{year})?", _month_day_span, "month"),
        (
            rf"{span_lead}{day}{connector}{day2}\s+(?:of\s+)?{month2}(?:,?\s*{year})?",
            _day_month_span,
            "month",
        ),
        (rf"\b{weekday_prefix}{month}\s+{day}(?:\s*,?\s*{year})?", _month_day, "month"),
        (rf"\b{weekday_prefix}{day}\s+(?:of\s+)?{month}(?:,?\s*{year})?", _day_month, "month"),
        (rf"\b{qualifier}{month},?\s+{year}", _month_year, "month"),
        (rf"\b(?P<when>earlier|later)\s+this\s+year,?\s+in\s+{month}", _month_this_year, "month"),
        (rf"\b(?P<rel>last|this|next)\s+year,?\s+in\s+{month}", _month_relative_year, "month"),
        (rf"\b{month}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", _month_relative_year, "month"),
        (rf"\b{qualifier}{month}", _bare_month, "month"),
        (rf"(?<![\w$€£¥#.,]){qualifier}{year}", _year, "year"),
        (
            rf"\b(?:(?P<mod>last|next|this\s+coming|coming|this)\s+)?(?P<weekday>{_full_weekdays()})\b"
            r"(?:\s+(?:of\s+)?(?P<week>last|this|next)\s+week\b)?",
            _weekday,
            "weekday",
        ),
        (rf"\b(?P<phrase>{relative_days})\b", _relative_day, "relative"),
        (rf"\b(?P<phrase>{periods})\b", _relative_period, "relative"),
        (rf"\b(?P<n>\d{{1,2}}|{numbers})\s+(?P<unit>day|week|month|year)s?\s+ago\b", _ago, "relative"),
    ]
    return [(re.compile(p, re.IGNORECASE), handler, gate) for p, handler, gate in table]


def _full_weekdays() -> str:
    return "|".join(w for w in _lexicon()["weekdays"] if w.endswith("day"))


@lru_cache(maxsize=1)
def _gates() -> dict[str, re.Pattern[str]]:
    """One cheap scan per family of patterns; most sentences hold no date at all."""
    lex = _lexicon()
    relative = [*lex["relative_days"], *lex["relative_periods"], "ago"]
    return {
        "month": re.compile(rf"\b(?:{_alternation(list(lex['months']))})\b", re.IGNORECASE),
        "year": re.compile(r"(?:19|20)\d\d"),
        "weekday": re.compile(_full_weekdays(), re.IGNORECASE),
        "relative": re.compile(rf"\b(?:{_alternation([w.split()[-1] for w in relative])})\b", re.IGNORECASE),
    }


# ---------------------------------------------------------------- parsing


def _best_candidates(text: str) -> list[_Candidate]:
    """All readings, then the longest non-overlapping ones (earlier patterns win ties)."""
    found: list[tuple[int, int, int, _Raw]] = []
    open_gates = {name: bool(gate.search(text)) for name, gate in _gates().items()}
    for rank, (pattern, handler, gate) in enumerate(_patterns()):
        if not open_gates[gate]:
            continue
        for match in pattern.finditer(text):
            raw = handler(match, text)
            if raw is not None:
                found.append((match.start(), match.end(), rank, raw))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    chosen: list[_Candidate] = []
    taken = bytearray(len(text))  # a date-dense page has thousands of readings: no pairwise test
    for start, end, _, raw in found:
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(_Candidate(start, end, raw))
    return sorted(chosen, key=lambda c: c.start)


def _month_number(match: re.Match[str], group: str = "month") -> int:
    return int(_lexicon()["months"][match.group(group).rstrip(".").lower()])


def _month_ok(match: re.Match[str], group: str = "month") -> bool:
    """'May' and 'March' are dates only when capitalised ("may incorporate")."""
    word = match.group(group).rstrip(".")
    return word[0].isupper() or word.lower() not in ("may", "march", "mar")


def _weekday_number(match: re.Match[str]) -> int | None:
    name = match.group("weekday")
    return int(_lexicon()["weekdays"][name.rstrip(".").lower()]) if name else None


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: "February 29" stays possible
    except ValueError:
        return False
    return True


def _iso(match: re.Match[str], text: str) -> _Raw | None:
    year, month, day = int(match["year"]), int(match["mon"]), int(match["day"])
    return _Day(month, day, year) if _valid_day(year, month, day) else None


def _numeric(match: re.Match[str], text: str) -> _Raw | None:
    """dd/mm/yyyy, the order most outlets outside the US use; mm/dd/yyyy only when
    the second part is over 12 ("08/16/2025")."""
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    day, month = (b, a) if b > 12 else (a, b)
    return _Day(month, day, year) if _valid_day(year, month, day) else None


def _year_of(match: re.Match[str]) -> int | None:
    return int(match["year"]) if match.group("year") else None


def _span(first: _Day, last: _Day, match: re.Match[str]) -> _Raw | None:
    joined_by_and = match["conn"].lower() == "and" and not match.group(0).lower().startswith("between")
    if joined_by_and and last.day != first.day + 1:
        # "on March 3 and 5, 2024" names two days: keep the first, with the shared year.
        return first if _valid_day(first.year, first.month, first.day) else None
    if last.day <= first.day or not _valid_day(first.year, first.month, first.day):
        return None
    return _DaySpan(first, last) if _valid_day(last.year, last.month, last.day) else None


def _month_day_span(match: re.Match[str], text: str) -> _Raw | None:
    if not _month_ok(match):
        return None
    month, year = _month_number(match), _year_of(match)
    return _span(_Day(month, int(match["day"]), year), _Day(month, int(match["day2"]), year), match)


def _day_month_span(match: re.Match[str], text: str) -> _Raw | None:
    if not _month_ok(match, "month2"):
        return None
    month, year = _month_number(match, "month2"), _year_of(match)
    return _span(_Day(month, int(match["day"]), year), _Day(month, int(match["day2"]), year), match)


def _month_day(match: re.Match[str], text: str) -> _Raw | None:
    month, day, year = _month_number(match), int(match["day"]), _year_of(match)
    if not _month_ok(match) or not _valid_day(year, month, day):
        return None
    if _NAMED_AFTER.match(text, match.end()):
        return None  # "the August 1st Building", "6th of October Bridge": a place named for a date
    return _Day(month, day, year, _weekday_number(match))


_NAMED_AFTER = re.compile(
    r"\s+(?:Building|Road|Street|Square|Stadium|Avenue|Park|Hall|Bridge|Plaza|University|School|"
    r"Hospital|Airport|Palace|Barracks|Camp|City|Medal|Order)\b"
)
_DAY_NAMED_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?" + _NAMED_AFTER.pattern)


_day_month = _month_day


def _month_year(match: re.Match[str], text: str) -> _Raw | None:
    return _Month(_month_number(match), int(match["year"])) if _month_ok(match) else None


def _month_this_year(match: re.Match[str], text: str) -> _Raw | None:
    return _Month(_month_number(match), year_offset=0) if _month_ok(match) else None


def _month_relative_year(match: re.Match[str], text: str) -> _Raw | None:
    offset = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    return _Month(_month_number(match), year_offset=offset) if _month_ok(match) else None


def _bare_month(match: re.Match[str], text: str) -> _Raw | None:
    """A month alone must be capitalised and spelt out ("Nov Sad" is a place);
    'May' and 'March' also need a date word before them ("in May", "mid-March")."""
    word = match.group("month").rstrip(".")
    if not word[0].isupper() or word.lower() not in _full_month_names():
        return None
    if _NAMED_AFTER.match(text, match.end()) or _DAY_NAMED_AFTER.match(text, match.end()):
        return None  # "the August 1st Building", "the 6th of October Bridge"
    if word.lower() in _lexicon()["months_needing_context"] and not match.group("qual"):
        before = text[max(0, match.start() - 20) : match.start()]
        if not _cues()["month_context"].search(before):
            return None
    return _Month(_month_number(match))


@lru_cache(maxsize=1)
def _full_month_names() -> frozenset[str]:
    months: dict[str, int] = _lexicon()["months"]
    return frozenset(max((k for k in months if months[k] == n), key=len) for n in set(months.values()))


def _year(match: re.Match[str], text: str) -> _Raw | None:
    """A four-digit number is a year unless it counts something or is money."""
    lex = _lexicon()
    # Hyphens join a year only to another year ("2019-2021"): not "Vision-2030" nor "0300-2025-11".
    hyphen_before = not match.group("qual") and text[max(0, match.start() - 1) : match.start()] in "-–"
    if (
        hyphen_before
        and match.start() > 0
        and not _YEAR_THEN_HYPHEN.search(text, max(0, match.start() - 6), match.start())
    ):
        return None
    if re.match(r"[-–/.]\d", text[match.end() :]) and not _HYPHEN_THEN_YEAR.match(text, match.end()):
        return None
    before = text[max(0, match.start() - 24) : match.start()].split()
    if before and before[-1].lower() in lex["markers_before_numbers"]:
        return None
    if not match.group("qual") and before and _names_something(before[-1]):
        return None  # "Golden Dragon 2025", "Paris 2024": the year is part of a name
    after = text[match.end() : match.end() + 16]
    if re.match(r"\s*(?:%|\.\d|,\d{3}|:\d)", after):
        return None
    next_word = re.match(r"\s*([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in lex["count_words_after_numbers"]:
        return None
    return _Year(int(match["year"]))


def _names_something(word: str) -> bool:
    """A capitalised word that is no date word ("In", "Since") heads a name ('"Medusa 2025"' too)."""
    word = word.lstrip("\"“‘'(")
    return word[:1].isupper() and word.isalpha() and word.lower() not in _lexicon()["month_context_words"]


_YEAR_THEN_HYPHEN = re.compile(r"(?<!\d)(?:19|20)\d\d[-–]\Z")
_HYPHEN_THEN_YEAR = re.compile(r"[-–](?:19|20)\d\d\b")


def _fiscal_year(match: re.Match[str], text: str) -> _Raw | None:
    """ "2024-25" is a span of two years; "2024-31" is not a year at all."""
    year = int(match["year"])
    return _Year(year, year + 1) if int(match["short"]) == (year + 1) % 100 else None


def _weekday(match: re.Match[str], text: str) -> _Raw | None:
    if not match.group("weekday")[0].isupper():
        return None
    lex = _lexicon()
    following = re.match(r"\s*([A-Za-z]+)", text[match.end() : match.end() + 16])
    if following and following.group(1).lower() in lex["weekday_non_dates"]:
        return None  # "Friday prayers", "the Sunday Times"
    preceding = re.search(r"([A-Za-z]+)\s+$", text[max(0, match.start() - 16) : match.start()])
    if (
        not match.group("mod")
        and preceding
        and preceding.group(1).lower() in lex["weekday_non_date_prefixes"]
    ):
        return None  # "Good Friday", "Black Friday": named days, not last Friday
    modifier = re.sub(r"\s+", " ", (match.group("mod") or "").lower())
    modifier = {"this coming": "next", "coming": "next"}.get(modifier, modifier)
    if match.group("week"):
        modifier = f"{match['week'].lower()} week"  # "Thursday last week"
    return _Weekday(int(_lexicon()["weekdays"][match["weekday"].lower()]), modifier)


def _relative_day(match: re.Match[str], text: str) -> _Raw | None:
    phrase = match["phrase"]
    before = text[max(0, match.start() - 40) : match.start()].rstrip()
    if phrase[0].isupper() and before and re.search(r"\b[A-Z][\w.]*$", before) and before[-1] not in ".!?:":
        return None  # "Pakistan Today", "USA Today": titles of newspapers
    return _Shift("day", int(_lexicon()["relative_days"][phrase.lower()]))


def _relative_period(match: re.Match[str], text: str) -> _Raw | None:
    unit, amount = _lexicon()["relative_periods"][re.sub(r"\s+", " ", match["phrase"].lower())]
    return _Shift(unit, int(amount))


def _ago(match: re.Match[str], text: str) -> _Raw | None:
    n = match["n"].lower()
    amount = int(n) if n.isdigit() else int(_lexicon()["number_words"][n])
    return _Shift(match["unit"].lower(), -amount)


_SPAN_GAP = re.compile(r"\s*(?:-|–|—|to|through|till|until|and)\s*", re.IGNORECASE)
_SPAN_LEAD = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)


def _merge_spans(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Join "28 August to 2 September 2025", "from May to July", "2019-2021"."""
    merged: list[_Candidate] = []
    for cand in _share_years(text, candidates):
        prev = merged[-1] if merged else None
        joined = _join(text, prev, cand) if prev else None
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(cand)
    return merged


_LIST_GAP = re.compile(r"\s*(?:,|and|or|&)\s*(?:and\s+|or\s+)?", re.IGNORECASE)


def _share_years(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """In "March 3 and March 5, 2024" or "May and June 2024" the year covers the whole list."""
    shared = list(candidates)
    for i in range(len(shared) - 2, -1, -1):
        a, b = shared[i], shared[i + 1]
        if not _LIST_GAP.fullmatch(text[a.end : b.start]):
            continue
        if isinstance(a.raw, _Day) and isinstance(b.raw, _Day) and a.raw.year is None and b.raw.year:
            raw: _Raw = _Day(a.raw.month, a.raw.day, b.raw.year, a.raw.weekday)
        elif isinstance(a.raw, _Month) and isinstance(b.raw, _Month) and _plain(a.raw) and b.raw.year:
            raw = _Month(a.raw.month, b.raw.year)
        else:
            continue
        if isinstance(raw, _Day) and not _valid_day(raw.year, raw.month, raw.day):
            continue
        shared[i] = _Candidate(a.start, a.end, raw)
    return shared


def _join(text: str, a: _Candidate, b: _Candidate) -> _Candidate | None:
    gap = _SPAN_GAP.fullmatch(text[a.end : b.start])
    if not gap:
        return None
    window = max(0, a.start - 12)
    lead = _SPAN_LEAD.search(text, window, a.start)
    if gap.group(0).strip().lower() == "and" and not (lead and lead.group(1).lower() == "between"):
        return None
    raw: _Raw | None = None
    if isinstance(a.raw, _Day) and isinstance(b.raw, _Day):
        year = b.raw.year or a.raw.year
        first, last = _Day(a.raw.month, a.raw.day, a.raw.year or year), _Day(b.raw.month, b.raw.day, year)
        raw = _DaySpan(first, last) if (last.month, last.day) != (first.month, first.day) else None
    elif isinstance(a.raw, _Month) and isinstance(b.raw, _Month) and _plain(a.raw) and _plain(b.raw):
        year = b.raw.year or a.raw.year
        raw = _MonthSpan(_Month(a.raw.month, a.raw.year or year), _Month(b.raw.month, year))
    elif isinstance(a.raw, _Year) and isinstance(b.raw, _Year) and b.raw.year > a.raw.year:
        raw = _Year(a.raw.year, b.raw.year)
    if raw is None:
        return None
    return _Candidate(lead.start() if lead else a.start, b.end, raw)


def _plain(month: _Month) -> bool:
    """Not tied to "this/last/next year", so it can take the other end's year."""
    return month.year_offset is None


# ---------------------------------------------------------------- resolving


def _as_date(published: date | None) -> date | None:
    if published is None:
        return None
    if not isinstance(published, date):
        raise TypeError(f"find_dates: published must be a date or None, got {type(published).__name__}")
    if not MINYEAR < published.year < MAXYEAR:
        raise ValueError(
            f"find_dates: published {published.isoformat()} leaves no year either side to resolve in"
        )
    return published.date() if isinstance(published, datetime) else published


def _is_relative(raw: _Raw) -> bool:
    if isinstance(raw, _Day | _Month):
        return raw.year is None
    if isinstance(raw, _DaySpan | _MonthSpan):
        return raw.first.year is None
    return not isinstance(raw, _Year)


def _resolve(raw: _Raw, published: date | None, tense: Callable[[], Tense]) -> EventDate:
    if isinstance(raw, _Year):
        start = date(raw.year, 1, 1)
        return EventDate(start, date(raw.last, 1, 1) if raw.last else start, "year")
    if isinstance(raw, _Day | _DaySpan):
        return _resolve_days(raw, published, tense)
    if isinstance(raw, _Month | _MonthSpan):
        return _resolve_months(raw, published, tense)
    if published is None:
        return EventDate()
    if isinstance(raw, _Weekday) and raw.modifier.endswith(" week"):
        offset = {"last week": -1, "this week": 0, "next week": 1}[raw.modifier]
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        day = monday + timedelta(days=raw.weekday)
        return EventDate(day, day, "day")
    if isinstance(raw, _Weekday):
        direction = raw.modifier if raw.modifier in ("last", "next") else None
        direction = direction or ("future" if tense() == "future" else "past")
        day = resolve_weekday(raw.weekday, published, direction)
        return EventDate(day, day, "day")
    return _resolve_shift(raw, published)


def _resolve_days(raw: _Day | _DaySpan, published: date | None, tense: Callable[[], Tense]) -> EventDate:
    first, last = (raw.first, raw.last) if isinstance(raw, _DaySpan) else (raw, raw)
    if first.year is not None:
        start = date(first.year, first.month, first.day)
        end = date(last.year or first.year, last.month, last.day)
        if end < start:  # "December 28 to January 3, 2025": the span began the year before
            start = start.replace(year=start.year - 1)
        return EventDate(start, end, "day")
    if published is None:
        return EventDate()
    options = [
        date(y, first.month, first.day)
        for y in (published.year - 1, published.year, published.year + 1)
        if _valid_day(y, first.month, first.day)
    ]
    if first.weekday is not None:
        options = [d for d in options if d.weekday() == first.weekday] or options
    start = _pick(options, published, tense(), lambda d: abs((d - published).days))
    end_year = start.year if (last.month, last.day) >= (first.month, first.day) else start.year + 1
    end = date(end_year, last.month, last.day) if _valid_day(end_year, last.month, last.day) else start
    return EventDate(start, end, "day")


def _resolve_months(
    raw: _Month | _MonthSpan, published: date | None, tense: Callable[[], Tense]
) -> EventDate:
    first, last = (raw.first, raw.last) if isinstance(raw, _MonthSpan) else (raw, raw)
    if first.year is not None:
        start = date(first.year, first.month, 1)
        end = date(last.year or first.year, last.month, 1)
        if end < start:
            start = start.replace(year=start.year - 1)
        return EventDate(start, end, "month")
    if published is None:
        return EventDate()
    if first.year_offset is not None:
        start = date(published.year + first.year_offset, first.month, 1)
    else:
        here = date(published.year, published.month, 1)
        options = [date(y, first.month, 1) for y in (published.year - 1, published.year, published.year + 1)]
        start = _pick(options, here, tense(), lambda d: abs(_month_index(d) - _month_index(here)))
    end = date(start.year, last.month, 1)
    if end < start:
        end = end.replace(year=end.year + 1)
    return EventDate(start, end, "month")


def _pick(options: list[date], anchor: date, tense: Tense, distance: Callable[[date], int]) -> date:
    """The option on the side of `anchor` the tense points to; else the nearest
    (ties go to the past: news mostly reports what has happened)."""
    if tense == "past" and any(d <= anchor for d in options):
        return max(d for d in options if d <= anchor)
    if tense == "future" and any(d >= anchor for d in options):
        return min(d for d in options if d >= anchor)
    return min(options, key=lambda d: (distance(d), d > anchor))


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _add_months(day: date, months: int) -> date:
    index = _month_index(day) + months
    return date(index // 12, index % 12 + 1, 1)


def _resolve_shift(raw: _Shift, published: date) -> EventDate:
    if raw.unit == "day":
        day = published + timedelta(days=raw.amount)
        return EventDate(day, day, "day")
    if raw.unit == "week":
        month = _add_months(published + timedelta(weeks=raw.amount), 0)
        return EventDate(month, month, "month")
    if raw.unit == "month":
        month = _add_months(published, raw.amount)
        return EventDate(month, month, "month")
    year = date(published.year + raw.amount, 1, 1)
    return EventDate(year, year, "year")


_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“'A-Z0-9])|\n")
_SENTENCE_REACH = 400  # characters looked at on each side: a long sentence, not a page
_RIGHT_CUE_PENALTY = 20  # characters: a cue after the date must be this much nearer to win


def _tense(text: str, where: _Candidate, dates: list[_Candidate]) -> Tense:
    """The tense of the cue nearest the mention in its sentence: "future" for a
    modal with its verb ("will be held") or a plan word, "past" for a past-tense
    verb, None without cues. Date words ("next month") are no cues. Not a parse."""
    window = max(0, where.start - _SENTENCE_REACH)
    starts = [m.end() for m in _SENTENCE_END.finditer(text, window, where.start)]
    stop = _SENTENCE_END.search(text, where.end, where.end + _SENTENCE_REACH)
    begin = starts[-1] if starts else window
    finish = stop.end() if stop else min(len(text), where.end + _SENTENCE_REACH)
    sentence = list(text[begin:finish])
    for other in dates:
        for i in range(max(other.start, begin), min(other.end, finish)):
            sentence[i - begin] = " "
    masked = "".join(sentence)
    cues = _cues()
    future = [m.span() for m in cues["future"].finditer(masked)]
    reporting = _reporting_verbs()
    past = [
        m.span()
        for pattern in (cues["past"], cues["past_participle"])
        for m in pattern.finditer(masked)
        if m.group(0).lower() not in reporting  # "..., the army said": when it was told, not when it happens
        and not any(s < m.end() and m.start() < e for s, e in future)  # "expected to", "will be held"
    ]
    here = (where.start - begin, where.end - begin)

    def distance(span: tuple[int, int]) -> int:
        # The verb that governs a date mostly comes before it: "visited on May 3".
        return here[0] - span[1] if span[1] <= here[0] else span[0] - here[1] + _RIGHT_CUE_PENALTY

    scored = [(distance(span), 0) for span in future] + [(distance(span), 1) for span in past]
    if not scored:
        return None
    return "future" if min(scored)[1] == 0 else "past"  # a tie goes to the future cue


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(_lexicon()["reporting_verbs"])


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    lex = _lexicon()
    return {
        "month_context": re.compile(rf"\b(?:{_alternation(lex['month_context_words'])})\s+$", re.IGNORECASE),
        "future": re.compile(
            rf"(?:\b|(?='))(?:{_alternation(lex['future_modals'])})(?:\s+(?:not|be|have|been))*\s+[a-z]+\b"
            rf"|\b(?:{_alternation(lex['future_cues'])})\b",
            re.IGNORECASE,
        ),
        "past": re.compile(rf"\b(?:{_alternation(lex['past_cues'])})\b", re.IGNORECASE),
        "past_participle": re.compile(r"\b[a-z]{3,}ed\b"),  # lower case: not "United", "Ahmed"
    }
