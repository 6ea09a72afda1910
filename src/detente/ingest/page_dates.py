"""Publication dates a page states outside its header: where the header gives none.

Three places, each a statement by the page (so `explicit`), read only when the header,
the "Published" lines and the dateline have not dated the page:

- a lead that says its news happened "today, Friday, May 17, 2024": the day it was written;
- a page whose chrome and body were flattened onto one line, where a whole date is set off
  by a bar before the first sentence ("... World Stage Oct. 24, 2019 | 1:00 More than ...");
- a whole-line date closing the page right after the body's last sentence, as blogs and
  ministry pages print it under the article ("16 October 2011").

Dates of events inside the body are never read here: each rule needs a date the page
sets apart as its own (a "today", a bar, a line of its own after the text).
"""

from __future__ import annotations

import re
from datetime import date

from detente.ingest.date_order import NumericDateOrder
from detente.ingest.date_words import date_words
from detente.ingest.dates import DATE_EXPRESSION, find_date, first_date_in, read_date_line
from detente.ingest.line_tests import active, bare, is_sentence
from detente.ingest.page_header import PageFacts

OPENING_CHARS = 600  # "today, <date>" and a flattened header stand near the top of the text
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")
_BAR = re.compile(r"\s*\|")


def read_page_dates(lines: list[str], keep: list[bool], facts: PageFacts, order: NumericDateOrder) -> None:
    """Date the page from its body when nothing above the body did; drop a closing date line."""
    closing = _closing_date_line(lines, keep, order)
    if facts.published is not None:
        return
    opening = "\n".join(lines[i] for i in active(lines, keep))[:OPENING_CHARS]
    facts.published = _today_stated(opening, order) or _flattened_header_date(opening, order) or closing


def _today_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in date_words().today_words)
    return re.compile(rf"\b(?:{words})\s*[,(]\s*(?P<date>{DATE_EXPRESSION})", re.I)


_TODAY = _today_pattern()


def _today_stated(opening: str, order: NumericDateOrder) -> date | None:
    """ "met today, Friday, May 17, 2024, in Tapachula": the page says which day it was written on."""
    match = _TODAY.search(opening)
    return first_date_in(match.group("date"), order) if match else None


def _flattened_header_date(opening: str, order: NumericDateOrder) -> date | None:
    """A whole date set off by a bar on the first line, before any sentence has ended there."""
    first_line = opening.split("\n", 1)[0]
    if "|" not in first_line:  # no bar, no such date: spare the scan
        return None
    found = find_date(first_line[: first_line.rindex("|") + len(" | 12:34")], order)
    if found is None:
        return None
    value, match = found
    if _SENTENCE_END.search(first_line[: match.start()]):
        return None
    set_off = "|" in match.group(0) or _BAR.match(first_line[match.end() :]) is not None
    return value if set_off else None


def _closing_date_line(lines: list[str], keep: list[bool], order: NumericDateOrder) -> date | None:
    """A whole-line date right after the body's last sentence: the page's own date, printed under it.

    Only directly after body text: a date line closing a list of links dates another story.
    """
    kept = active(lines, keep)
    if len(kept) < 2 or not is_sentence(bare(lines[kept[-2]])):
        return None
    stated = read_date_line(bare(lines[kept[-1]]), order)
    if stated is None or stated.revision:
        return None
    keep[kept[-1]] = False
    return stated.value
