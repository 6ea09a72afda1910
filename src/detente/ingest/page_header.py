"""The lines above an article's body: title, byline, dateline, site name, section labels.

They are read for the facts they state (title, outlet, publication date) and then
dropped; a line not recognised as any of them stays in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from detente.ingest import chrome_rules as rules
from detente.ingest.date_order import DAY_FIRST, NumericDateOrder
from detente.ingest.date_words import date_words
from detente.ingest.dates import StatedDate, find_date, is_time_line, read_date_line
from detente.ingest.header_lines import (
    MAX_TITLE_WORDS,
    headline_and_outlet,
    is_headline,
    is_label,
    is_masthead,
    is_short_label,
    site_name,
    without_wire_tag,
)
from detente.ingest.line_tests import active, bare, compile_rules, is_sentence, matches
from detente.models import PublishedSource

_BYLINE = compile_rules(rules.BYLINE_LINES)
# Parts of one chrome line: items between bars or dots, or columns set apart by wide gaps.
_META_SEPARATOR = re.compile(r"\s+[|•·–—/-]\s+|\s{3,}|\t+")
_DATE_JOINER = re.compile(r"[\s,|·•–—-]*(?:\b(?:on|published|posted|dated)\s*:?)?[\s,|·•–—-]*$", re.I)
_AGENCIES = {name.casefold() for name in rules.AGENCIES}
_LABELLED = re.compile(r"(?:originally |first )?(?:published|posted|dated?)\b", re.I)

MAX_HEADER_LINES = 20  # non-blank lines before the body in which a header is looked for


@dataclass
class PageFacts:
    """What the page chrome states about the article."""

    title: str | None = None
    published: date | None = None
    source_name: str | None = None
    revised: date | None = None  # stated only as "Updated: ...": used when nothing else dates the page
    published_source: PublishedSource = "explicit"  # "inferred" when the year was not stated with it

    def note_date(self, stated: StatedDate) -> None:
        if stated.revision:
            self.revised = self.revised or stated.value
        else:
            self.published = self.published or stated.value


def _header_indices(lines: list[str], keep: list[bool], order: NumericDateOrder) -> list[int]:
    """Kept lines before the first body sentence; none when no body starts near the top.

    One sentence directly above a byline or date line is the headline, not the body
    ("Is a new bloc on the horizon?" then "By ..."), so the header goes on past it.
    """
    header: list[int] = []
    indices = active(lines, keep)
    sentence_title_seen = False
    for position, index in enumerate(indices):
        line = lines[index].strip()
        if is_sentence(line):
            following = bare(lines[indices[position + 1]]) if position + 1 < len(indices) else ""
            if sentence_title_seen or not _is_sentence_title(bare(line), following, order):
                return header
            sentence_title_seen = True
        header.append(index)
        if len(header) > MAX_HEADER_LINES:
            return []
    return []


def _is_sentence_title(line: str, following: str, order: NumericDateOrder) -> bool:
    return (
        len(line.split()) <= MAX_TITLE_WORDS
        and len(line) <= 200
        and (matches(_BYLINE, following) is not None or read_date_line(following, order) is not None)
    )


def read_header(
    lines: list[str], keep: list[bool], facts: PageFacts, order: NumericDateOrder = DAY_FIRST
) -> list[str]:
    """Read and drop the title, dateline, byline, site name and section labels above the body.

    When the title came with the page (HTML metadata), the text is already an extract
    and its short opening lines are sub-headings, so only labels of plain text go.
    Returns the header's lines, for a dateline that needs the year they state.
    """
    title_given = facts.title is not None
    expect_byline_name = False
    header = _header_indices(lines, keep, order)
    banner = _date_bar(lines, header, facts, order)
    for position, index in enumerate(header):
        line = bare(lines[index])
        keep[index] = False
        if index == banner:
            continue
        if expect_byline_name:
            expect_byline_name = False
            _note_byline(line, facts)
            continue
        if _read_meta_line(line, facts, order, top=position == 0):
            continue
        meta = _read_meta(line, facts, order)
        if meta:
            expect_byline_name = meta == "byline without name"
            continue
        if (position == 0 or line.isupper()) and is_masthead(line):
            facts.source_name = facts.source_name or line
            continue
        if facts.title and line.casefold() == facts.title.casefold():
            continue
        headline, outlet = headline_and_outlet(line)
        if not facts.title and (is_headline(headline) or is_sentence(line)):
            facts.title = without_wire_tag(headline)
            facts.source_name = facts.source_name or outlet
            continue
        if not title_given and is_label(line):
            continue
        keep[index] = True  # not recognised as chrome: it stays in the text
    return [bare(lines[index]) for index in header]


def _date_bar(lines: list[str], header: list[int], facts: PageFacts, order: NumericDateOrder) -> int | None:
    """The header's first date line when it is a site's date bar, showing today rather than the article's day.

    It is one when it has a date bar's shape (`banner_dates` in the data: "Fri. Sep 29th,
    2023") and stands at the very top, or when a later header line states another date
    (a clock bar "28 Nov 2024" above "Saturday 30 June 2018 - 14:51"): the date nearer
    the article is the article's. A labelled date ("Published: ...") is never a bar.
    """
    dated = [(index, _stated_date(bare(lines[index]), facts, order)) for index in header]
    dated = [(index, stated) for index, stated in dated if stated is not None]
    if not dated:
        return None
    first, stated = dated[0]
    line = bare(lines[first])
    if stated.revision or _LABELLED.match(line):
        return None
    if first == header[0] and any(shape.fullmatch(line) for shape in date_words().banner_shapes):
        return first
    later = [other for _, other in dated[1:] if not other.revision]
    return first if later and later[0].value != stated.value else None


def _stated_date(line: str, facts: PageFacts, order: NumericDateOrder) -> StatedDate | None:
    """The date a header line states, read as the header reader reads it, without noting anything."""
    scratch = PageFacts(title=facts.title)
    if not (_read_meta_line(line, scratch, order, top=False) or _read_meta(line, scratch, order)):
        return None
    if scratch.published:
        return StatedDate(scratch.published)
    return StatedDate(scratch.revised, revision=True) if scratch.revised else None


def _read_meta_line(line: str, facts: PageFacts, order: NumericDateOrder, *, top: bool) -> bool:
    """A line of several chrome items: "By AFP | Updated: 15 Nov 2025", "BAY TIMES - World - 9 May 2025".

    Every item must be chrome (date, byline, site name, masthead, short label) and at
    least one must state something; otherwise the line may be a headline and is left.
    """
    segments = [segment for segment in _META_SEPARATOR.split(line) if segment.strip()]
    if len(segments) < 2:
        return False
    scratch = PageFacts(title=facts.title)
    stated = False
    for segment in segments:
        segment = segment.strip()
        kind = _read_meta(segment, scratch, order)
        if kind:
            stated = stated or kind != "time"  # a clock time beside a headline states nothing
        elif (top or segment.isupper()) and is_masthead(segment):
            scratch.source_name = scratch.source_name or segment
        elif not is_short_label(segment):
            return False
    if not stated:
        return False
    facts.source_name = facts.source_name or scratch.source_name
    if scratch.published:
        facts.note_date(StatedDate(scratch.published))
    if scratch.revised:
        facts.note_date(StatedDate(scratch.revised, revision=True))
    return True


def _read_meta(text: str, facts: PageFacts, order: NumericDateOrder) -> str | None:
    """Note a date, byline or site-name header line; say which it was, or None."""
    stated = read_date_line(text, order)
    if stated:
        facts.note_date(stated)
        return "date"
    if is_time_line(text):
        return "time"
    dated = _byline_with_date(text, order)
    if dated:
        byline, stated = dated
        facts.note_date(stated)
        return _read_byline(byline, facts)
    byline = matches(_BYLINE, text)
    if byline:
        return _read_byline(byline, facts)
    site = site_name(text)
    if site:
        facts.source_name = facts.source_name or site
        return "site"
    return None


def _read_byline(byline: re.Match[str], facts: PageFacts) -> str:
    name = byline.groupdict().get("name")
    if not name:
        return "byline without name"
    _note_byline(name, facts)
    return "byline"


def _byline_with_date(text: str, order: NumericDateOrder) -> tuple[re.Match[str], StatedDate] | None:
    """ "By Jane Doe, March 3, 2025", "By Jane Doe on 3 March 2025", or the date first, as blog
    themes print it: "March 3, 2025 by Jane Doe"."""
    found = find_date(text, order)
    if not found:
        return None
    before, after = text[: found[1].start()].strip(), text[found[1].end() :].strip()
    if after and before:
        return None
    byline = matches(_BYLINE, _DATE_JOINER.sub("", before).strip() if before else after.lstrip(" ,|·•–—-"))
    return (byline, StatedDate(found[0])) if byline else None


def _note_byline(name: str, facts: PageFacts) -> None:
    """A byline names an outlet only when it is a news agency, not a person or a desk."""
    name = name.strip(" ,;|-")
    if facts.source_name or any(word in name.casefold().split() for word in rules.DESK_WORDS):
        return
    if name.casefold() in _AGENCIES or re.fullmatch(r"[A-Z]{2,6}", name):
        facts.source_name = name
