"""A wire story's opening line states the date and the agency.

"ISLAMABAD, Dec 15, 2022 (APP):", "BEIJING, March 5 (Xinhua) --", "MOSCOW, March 5. /TASS/.",
"WASHINGTON (AP) —": a capitalised place, then (within a short prefix ending at the agency
or the first dash or colon) the rest, on the body's first line or the one after a kept
sub-heading. A whole date may open the line instead of the place, set off by a semicolon,
colon, bar or dash ("16 Sep 2022; AGENCY: ..."). A place in ordinary case ("Abuja, 21
November 2024 (Agency) -") counts only with a whole date after it. The dateline stays in
the text: it names the place.

A dateline without a year ("JAKARTA, March 3 (Wire) -") dates the article only when the
header above it states exactly one year ("Press Release No. 241/2025"); the date is then
`inferred`, since the page never states it whole. Without such a year it dates nothing.
"""

from __future__ import annotations

import re
from datetime import date

from detente.ingest.date_order import DAY_FIRST, NumericDateOrder
from detente.ingest.dates import DATE_EXPRESSION, first_date_in, month_and_day_in
from detente.ingest.line_tests import active, is_sentence
from detente.ingest.page_header import PageFacts

_DATELINE_PLACE = re.compile(r"[A-Z][A-Z .'-]{2,40}(?:,|\s*\(|\s*/|:)")
# "Bucharest, 15 April 2025 —": a place in ordinary case is a dateline only with a whole date after it
_PLACE_AND_DATE = re.compile(rf"[A-Z][\w'.-]+(?:\s[A-Z][\w'.-]+){{0,2}},\s*(?i:{DATE_EXPRESSION})")
# "16 Sep 2022; MEMO: Egyptian ...", "12 March 2024 - The ministry ...": the date opens the line
_DATE_FIRST = re.compile(rf"(?i:{DATE_EXPRESSION})\s*(?:[;:|]|--|\s[-–—]|[–—])\s*(?=\S)")
_DATELINE_AGENCY = re.compile(
    r"\((?P<paren>[A-Za-z][A-Za-z .&-]{1,30})\)|/(?P<slash>[A-Za-z][A-Za-z .&-]{1,30})/"
)
_DATELINE_SEPARATOR = re.compile(r"\s(?:--|[-–—])\s|:\s")
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20\d{2})(?!\d)")
DATELINE_MAX = 100  # a dateline is a short opening, never a clause deep in the sentence


def read_dateline(
    lines: list[str],
    keep: list[bool],
    facts: PageFacts,
    header: list[str] | None = None,
    order: NumericDateOrder = DAY_FIRST,
) -> None:
    first = _opening_line(lines, keep)
    if first is None:
        return
    date_first = _DATE_FIRST.match(first)
    if date_first:
        if not facts.published:
            facts.published = first_date_in(date_first.group(0), order)
        return
    head = first[:DATELINE_MAX]
    separator = _DATELINE_SEPARATOR.search(head)
    agency = _DATELINE_AGENCY.search(head, 0, separator.start() if separator else len(head))
    if agency:
        prefix = head[: agency.end()]
    elif separator:
        prefix = head[: separator.start()]
    elif placed := _PLACE_AND_DATE.match(head):  # "Quito, October 2, 2023. The government ..."
        prefix = placed.group(0)
    else:
        return
    if not facts.published:
        facts.published = first_date_in(prefix, order)
        if not facts.published:
            _date_with_header_year(prefix, header or [], facts)
    if agency and not facts.source_name:
        facts.source_name = (agency.group("paren") or agency.group("slash")).strip()


def _opening_line(lines: list[str], keep: list[bool]) -> str | None:
    """The body's first line when it opens with a place; past a kept menu or sub-heading, never a sentence."""
    for index in active(lines, keep)[:3]:  # past a kept menu line and a title
        line = lines[index].strip()
        if _DATELINE_PLACE.match(line) or _PLACE_AND_DATE.match(line) or _DATE_FIRST.match(line):
            return line
        if is_sentence(line):
            return None
    return None


def _date_with_header_year(prefix: str, header: list[str], facts: PageFacts) -> None:
    month_day = month_and_day_in(prefix)
    years = {int(year) for line in header for year in _YEAR.findall(line)}
    if month_day is None or len(years) != 1:
        return
    try:
        facts.published = date(years.pop(), *month_day)
    except ValueError:
        return
    facts.published_source = "inferred"
