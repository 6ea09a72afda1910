"""Publication dates written the ways news pages write them.

The matchers are strict on purpose: a date counts only when a whole line (or a
"Published ..." statement) is a date, so dates of events inside the body are never
mistaken for the publication date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_ZONE = r"(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|\s*[+-]\d{2}:?\d{2})?"
_TIME = rf"(?:\s*(?:[-–—|,@•]|at)?\s*\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?{_ZONE})?"
_ISO_TIME = r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"

# One date expression, in three orders; `_build` reads whichever group set matched.
DATE_EXPRESSION = (
    rf"{_WEEKDAY}(?:"
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}){_ISO_TIME}"
    rf"|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})"  # 21.05.2025: dots mean day first
    rf"){_TIME}"
)
_LABEL = r"(?:(?:updated|published|posted|last updated|date)\s*(?:on)?\s*:?\s*)?"
_PLACE = r"(?:[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*){0,2},\s*)?"  # "Baku, 16 April 2025"
_DATE_LINE = re.compile(rf"\s*{_LABEL}(?-i:{_PLACE}){DATE_EXPRESSION}\s*", re.I)
_DATE_ANYWHERE = re.compile(DATE_EXPRESSION, re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)")
_ISO_PREFIX = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")


def _build(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    for month_key, day_key, year_key in (
        ("m1", "d1", "y1"),
        ("m2", "d2", "y2"),
        ("m3", "d3", "y3"),
        ("m4", "d4", "y4"),
    ):
        if groups.get(year_key):
            month_text = groups[month_key]
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
            day = int(re.sub(r"\D", "", groups[day_key]))
            try:
                return date(int(groups[year_key]), month, day)
            except ValueError:
                return None
    return None


def parse_date_line(line: str) -> date | None:
    """The date when the whole line is one ("Thursday Dec 15 2022", "Updated: Nov 2, 2023 10:30 PKT").

    A place may lead it, as in a dateline of its own ("Baku, 16 April 2025").
    """
    match = _DATE_LINE.fullmatch(line)
    return _build(match) if match else None


def first_date_in(text: str) -> date | None:
    """The first date expression in a short statement such as "Published in X, November 15th, 2025"."""
    match = _DATE_ANYWHERE.search(text)
    return _build(match) if match else None


def parse_date_value(value: object) -> date | None:
    """A corpus field's date: ISO date or datetime, or a written-out date; None when unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    iso = _ISO_PREFIX.match(value)
    if iso:
        try:
            return date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    return first_date_in(value)


def date_from_url(url: str | None) -> date | None:
    """A /2023/11/02/ style date in a URL path: a hint about publication, never a statement."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
