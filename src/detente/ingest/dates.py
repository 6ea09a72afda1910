"""Publication dates written the ways news pages write them.

The matchers are strict on purpose: a date counts only when a whole line (or a
"Published ..." statement) is a date, so dates of events inside the body are never
mistaken for the publication date. All-numeric dates with slashes or dashes
("06/11/2025") are read day or month first by `NumericDateOrder`; dotted ones
("21.05.2025") are always day first; "2025/08/14" and "2025.08.14" are always year,
month, day.
Two-digit years ("06/11/25") are not read: too easily a reference number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from detente.ingest.date_order import DAY_FIRST, NumericDateOrder
from detente.ingest.date_words import (
    connector_pattern,
    month_number,
    month_pattern,
    weekday_number,
    weekday_pattern,
)

_MONTH = month_pattern()
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = rf"(?:(?P<weekday>{weekday_pattern()})\.?,?\s+)?"
_OF = rf"(?:(?:{connector_pattern()})\s+)?"  # "18 of October of 2024", "18 de octubre de 2024"
# "GMT +3", "+05:00", "(UTC +04:00)", "(Kuwait time)", "(local time)"
_ZONE = (
    r"(?:\s*[A-Z]{2,5}(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|\s*[+-]\d{2}:?\d{2}"
    r"|\s*\((?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?\)|\s*\((?:[A-Za-z]+\s){1,2}time\))?"
)
_TIME = rf"(?:\s*(?:[-–—|,@•/]|at)?\s*\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?{_ZONE})?"
_ISO_TIME = r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"

# One date expression in several orders; `_build` reads whichever group set matched.
DATE_EXPRESSION = (
    rf"{_WEEKDAY}(?:"
    # "May 20, 2022", and "May 20,2022" as some outlets print it
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,\s*|\s+)(?P<y1>\d{{4}})"
    # also 03-Jul-2025 and "18 of October of 2024", as Spanish and Portuguese outlets write in English
    rf"|(?P<d2>{_DAY})(?:\s+{_OF}|-)(?P<m2>{_MONTH})(?:,\s*{_OF}|\s+{_OF}|-)(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}){_ISO_TIME}"
    rf"|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})"  # 21.05.2025: dots mean day first
    rf"|(?P<y6>\d{{4}})(?P<sep6>[/.])(?P<m6>\d{{1,2}})(?P=sep6)(?P<d6>\d{{1,2}})(?![\d/.])"  # 2025/08/14
    rf"|(?<![\d/])(?P<a5>\d{{1,2}})(?P<sep>[/-])(?P<b5>\d{{1,2}})(?P=sep)(?P<y5>\d{{4}})(?![\d/])"
    rf"){_TIME}"
)
_REVISION_LABEL = r"updated|last updated|modified|last modified|revised|last revised"
_LABEL = (
    rf"(?:(?P<label>{_REVISION_LABEL}|(?:originally |first )?published|posted"
    r"|(?:date|day) (?:published|posted)|(?:publication|publish(?:ed)?|release|posting) date|date|dated"
    r"|(?:press|news|media) release|communiqu[eé]|statement)"  # a ministry's "Press release 23.1.2025"
    r"\s*(?:on|at)?\s*[:|–—,-]?\s*(?:at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?\s*,?\s*)?)?"
)
# "17:42, 24 October 2024": the clock time first
_LEAD_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?\s*[,|–—-]?\s*)?"
# "23 May 2024 [16:05] - Defence", "07.08.2023 Russia", "Oct. 6, 2023 |", "Bogotá, November 15, 2025.":
# time, section, full stop
_LINE_TAIL = (
    r"(?:\s*\[\d{1,2}[:.]\d{2}\])?"
    r"(?:\s+(?:[|–—-]\s+)?(?-i:[A-Z][\w&]*(?:\s[A-Z&][\w&]*){0,2}))?"
    r"\s*[.|]?"
)
# "Baku, 16 April 2025"; a weekday ("Wed, 06/11/2025") is no place.
_PLACE = r"(?:(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,)[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*){0,2},\s*)?"
# "March 3, 2025 11:18 AM GMT Updated 2 hours ago": a revision note after the date adds nothing.
_REVISION_TAIL = rf"(?:\s*[|·•,;–—-]?\s*(?:{_REVISION_LABEL})\b.{{0,40}})?"
_DATE_LINE = re.compile(
    rf"\s*{_LABEL}{_LEAD_TIME}(?-i:{_PLACE}){DATE_EXPRESSION}{_REVISION_TAIL}{_LINE_TAIL}\s*", re.I
)
_DATE_ANYWHERE = re.compile(DATE_EXPRESSION, re.I)
_FOUR_DIGITS = re.compile(r"\d{4}")
_STATEMENT_LABEL = re.compile(rf"\b({_REVISION_LABEL}|published|posted|appeared|dated)\b", re.I)
_MONTH_DAY = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}))(?!\w)", re.I
)
_RELATIVE_TIME = re.compile(
    rf"\s*(?:(?:{_REVISION_LABEL}|published|posted)\s*:?\s*)?"
    r"(?:(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month)s?\s+ago|just now"
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)\s*",
    re.I,
)
_ISO_PREFIX = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class StatedDate:
    """A date a page states, and whether it is only a revision ("Updated: ...")."""

    value: date
    revision: bool = False


def _build(match: re.Match[str], order: NumericDateOrder) -> date | None:
    groups = match.groupdict()
    weekday = weekday_number(groups["weekday"]) if groups.get("weekday") else None
    if groups.get("y5"):
        return order.read(int(groups["a5"]), int(groups["b5"]), int(groups["y5"]), weekday)
    for month_key, day_key, year_key in (
        ("m1", "d1", "y1"),
        ("m2", "d2", "y2"),
        ("m3", "d3", "y3"),
        ("m4", "d4", "y4"),
        ("m6", "d6", "y6"),
    ):
        if groups.get(year_key):
            try:
                return date(int(groups[year_key]), _month(groups[month_key]), _day(groups[day_key]))
            except ValueError:
                return None
    return None


def _month(text: str) -> int:
    return int(text) if text.isdigit() else month_number(text) or 0


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def read_date_line(line: str, order: NumericDateOrder = DAY_FIRST) -> StatedDate | None:
    """The date when the whole line is one ("Thursday Dec 15 2022", "Updated: Nov 2, 2023 10:30 PKT").

    A place may lead it, as in a dateline of its own ("Baku, 16 April 2025").
    """
    match = _DATE_LINE.fullmatch(line)
    if not match:
        return None
    found = _build(match, order)
    return StatedDate(found, revision=_is_revision(match.group("label") or "")) if found else None


def parse_date_line(line: str, order: NumericDateOrder = DAY_FIRST) -> date | None:
    stated = read_date_line(line, order)
    return stated.value if stated else None


def find_date(text: str, order: NumericDateOrder = DAY_FIRST) -> tuple[date, re.Match[str]] | None:
    """The first date expression in the text, with where it stands."""
    if not _FOUR_DIGITS.search(text):  # every date read here has its year: spare the long scan
        return None
    for match in _DATE_ANYWHERE.finditer(text):
        found = _build(match, order)
        if found:
            return found, match
    return None


def first_date_in(text: str, order: NumericDateOrder = DAY_FIRST) -> date | None:
    """The first date expression in a short statement such as "Published in X, November 15th, 2025"."""
    found = find_date(text, order)
    return found[0] if found else None


def read_statement(text: str, order: NumericDateOrder = DAY_FIRST) -> StatedDate | None:
    """The date of a "Published ..."/"Updated ..." statement: its publication date before its revision.

    Each date takes the label last written before it ("Updated: X | Published: Y" gives Y).
    """
    stated: list[StatedDate] = []
    start = 0
    for match in _DATE_ANYWHERE.finditer(text):
        found = _build(match, order)
        if found:
            labels = _STATEMENT_LABEL.findall(text, start, match.start())
            stated.append(StatedDate(found, revision=bool(labels) and _is_revision(labels[-1])))
        start = match.end()
    return next((s for s in stated if not s.revision), stated[0]) if stated else None


def _is_revision(label: str) -> bool:
    return re.fullmatch(_REVISION_LABEL, label.casefold()) is not None


_REPORTED_ON = re.compile(
    rf"\b(?:said|announced|reported|stated|added|told\s+[\w ]{{1,30}}?)\s+on\s+(?P<date>{DATE_EXPRESSION})",
    re.I,
)


def reported_on(text: str, order: NumericDateOrder = DAY_FIRST) -> date | None:
    """The whole date a lead sentence says its news was told on ("..., the office said on Thursday,
    September 12, 2024"): the day the story was filed, for a page that states no other."""
    match = _REPORTED_ON.search(text)
    return _build(match, order) if match else None


def month_and_day_in(text: str) -> tuple[int, int] | None:
    """A month and day without a year, as in "JAKARTA, March 3 (Wire) -"."""
    match = _MONTH_DAY.search(text)
    if not match:
        return None
    month, day = match.group("m1") or match.group("m2"), match.group("d1") or match.group("d2")
    return _month(month), _day(day)


def is_time_line(line: str) -> bool:
    """A time without a date ("2 hours ago", "Updated 08:12"): page chrome that dates nothing."""
    return _RELATIVE_TIME.fullmatch(line) is not None


def parse_date_value(value: object, order: NumericDateOrder = DAY_FIRST) -> date | None:
    """A corpus field's date: ISO date or datetime, or a written-out date; None when unreadable.

    "06/11/2025" is read by `order`, the evidence of the record's own text.
    """
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
    return first_date_in(value, order)
