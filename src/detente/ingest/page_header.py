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
from detente.ingest.dates import StatedDate, find_date, is_time_line, read_date_line
from detente.ingest.line_tests import SENTENCE_END, active, bare, compile_rules, is_sentence, matches
from detente.models import PublishedSource

_BYLINE = compile_rules(rules.BYLINE_LINES)
_REFERENCE = compile_rules(rules.REFERENCE_LINES)
# Parts of one chrome line: items between bars or dots, or columns set apart by wide gaps.
_META_SEPARATOR = re.compile(r"\s+[|•·–—-]\s+|\s{3,}|\t+")
_DATE_JOINER = re.compile(r"[\s,|·•–—-]*(?:\b(?:on|published|posted|dated)\s*:?)?[\s,|·•–—-]*$", re.I)
_AGENCIES = {name.casefold() for name in rules.AGENCIES}
_OUTLET_WORDS = frozenset(rules.OUTLET_WORDS)
_BANNER_WORDS = frozenset(rules.BANNER_WORDS)
_DOMAIN = re.compile(r"(?:www\.)?[A-Za-z][\w-]{2,40}\.(?:com|net|org|info|news|co(?:\.[a-z]{2})?|[a-z]{2})")
_SITE_LINE = re.compile(r"(?P<abbr>[A-Z][A-Za-z]{1,7})\s+[-–—|]\s+(?P<name>[A-Z][^|–—]{3,80})")

MAX_HEADER_LINES = 20  # non-blank lines before the body in which a header is looked for
MAX_LABEL_WORDS = 5  # a label beside a date on one chrome line ("Arica edition", "Accra")
MAX_SENTENCE_TITLE_WORDS = 30  # a headline written as a sentence, recognised by the byline below it


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
        len(line.split()) <= MAX_SENTENCE_TITLE_WORDS
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
    for position, index in enumerate(header):
        line = bare(lines[index])
        keep[index] = False
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
        if (position == 0 or line.isupper()) and _is_masthead(line):
            facts.source_name = facts.source_name or line
            continue
        if facts.title and line.casefold() == facts.title.casefold():
            continue
        if not facts.title and (_is_headline(line) or is_sentence(line)):
            facts.title = line
            continue
        if not title_given and _is_label(line):
            continue
        keep[index] = True  # not recognised as chrome: it stays in the text
    return [bare(lines[index]) for index in header]


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
        if _read_meta(segment, scratch, order):
            stated = True
        elif (top or segment.isupper()) and _is_masthead(segment):
            scratch.source_name = scratch.source_name or segment
        elif not _is_short_label(segment):
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
    byline = matches(_BYLINE, text)
    if byline:
        return _read_byline(byline, facts)
    dated = _byline_with_date(text, order)
    if dated:
        byline, stated = dated
        facts.note_date(stated)
        return _read_byline(byline, facts)
    site = _site_name(text)
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
    """ "By Jane Doe, March 3, 2025" or "By Jane Doe on 3 March 2025": the date closes the line."""
    found = find_date(text, order)
    if not found or text[found[1].end() :].strip():
        return None
    lead = _DATE_JOINER.sub("", text[: found[1].start()])
    byline = matches(_BYLINE, lead.strip())
    return (byline, StatedDate(found[0])) if byline else None


def _note_byline(name: str, facts: PageFacts) -> None:
    """A byline names an outlet only when it is a news agency, not a person or a desk."""
    name = name.strip(" ,;|-")
    if facts.source_name or any(word in name.casefold().split() for word in rules.DESK_WORDS):
        return
    if name.casefold() in _AGENCIES or re.fullmatch(r"[A-Z]{2,6}", name):
        facts.source_name = name


def _site_name(line: str) -> str | None:
    """A "CPC - Caspian Policy Center" header: an acronym that spells the name beside it."""
    match = _SITE_LINE.fullmatch(line)
    if not match:
        return None
    name_words = re.split(r"[\s-]+", match.group("name"))
    words = [w for w in name_words if w.casefold() not in rules.ACRONYM_STOPWORDS]
    initials = "".join(word[0] for word in words if word)
    return match.group("name").strip() if initials.casefold() == match.group("abbr").casefold() else None


def _is_masthead(line: str) -> bool:
    """An outlet's name at the top of the page: "Tashkent Daily News", "STEPPE HERALD", "AsiaNews.com"."""
    if _DOMAIN.fullmatch(line):
        return True
    words = line.split()
    folded = [word.casefold() for word in words]
    return (
        1 <= len(words) <= 5
        and not any(ch.isdigit() for ch in line)
        and all(word[0].isupper() or word.casefold() in rules.ACRONYM_STOPWORDS for word in words)
        and folded[-1] in _OUTLET_WORDS
        and not _BANNER_WORDS.intersection(folded)
    )


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= MAX_SENTENCE_TITLE_WORDS
        and len(line) <= 200
        and not line.endswith((".", ":", ";", ","))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“")
        and line != line.lower()
        and line != line.upper()  # an all-capital line is a masthead or a section name
        and not matches(_REFERENCE, line)  # "Press Release No. 241/2025" files the page, names nothing
    )


def _is_label(line: str) -> bool:
    """A section name ("World", "Press Release"), masthead, reference number, or slug of the title."""
    if matches(_REFERENCE, line):
        return True
    if SENTENCE_END.search(line) or line.endswith(":"):  # "ISLAMABAD:" opens the body
        return False
    words = len(line.split())
    return words <= 3 or (words <= 12 and line in (line.lower(), line.upper()))


def _is_short_label(segment: str) -> bool:
    return len(segment.split()) <= MAX_LABEL_WORDS and not SENTENCE_END.search(segment)
