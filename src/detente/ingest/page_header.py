"""The lines above an article's body: title, byline, dateline, site name, section labels.

They are read for the facts they state (title, outlet, publication date) and then
dropped; a line not recognised as any of them stays in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from detente.ingest import chrome_rules as rules
from detente.ingest.dates import first_date_in, parse_date_line
from detente.ingest.line_tests import SENTENCE_END, active, bare, compile_rules, is_sentence, matches

_BYLINE = compile_rules(rules.BYLINE_LINES)
_META_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_AGENCIES = {name.casefold() for name in rules.AGENCIES}
_OUTLET_WORDS = frozenset(rules.OUTLET_WORDS)
_BANNER_WORDS = frozenset(rules.BANNER_WORDS)
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z .'-]{2,40}(?:,|\s*\(|\s*/|:)")
_DATELINE_AGENCY = re.compile(
    r"\((?P<paren>[A-Za-z][A-Za-z .&-]{1,30})\)|/(?P<slash>[A-Za-z][A-Za-z .&-]{1,30})/"
)
_DATELINE_SEPARATOR = re.compile(r"\s(?:--|[-–—])\s|:\s")
_DATELINE_MAX = 100  # a dateline is a short opening, never a clause deep in the sentence
_SITE_LINE = re.compile(r"(?P<abbr>[A-Z][A-Za-z]{1,7})\s+[-–—|]\s+(?P<name>[A-Z][^|–—]{3,80})")

MAX_HEADER_LINES = 20  # non-blank lines before the body in which a header is looked for


@dataclass
class PageFacts:
    """What the page chrome states about the article."""

    title: str | None = None
    published: date | None = None
    source_name: str | None = None


def _header_indices(lines: list[str], keep: list[bool]) -> list[int]:
    """Kept lines before the first body sentence; none when no body starts near the top."""
    header: list[int] = []
    for index in active(lines, keep):
        if is_sentence(lines[index].strip()):
            return header
        header.append(index)
        if len(header) > MAX_HEADER_LINES:
            return []
    return []


def read_header(lines: list[str], keep: list[bool], facts: PageFacts) -> None:
    """Read and drop the title, dateline, byline, site name and section labels above the body.

    When the title came with the page (HTML metadata), the text is already an extract
    and its short opening lines are sub-headings, so only labels of plain text go.
    """
    title_given = facts.title is not None
    expect_byline_name = False
    for position, index in enumerate(_header_indices(lines, keep)):
        line = bare(lines[index])
        keep[index] = False
        if expect_byline_name:
            expect_byline_name = False
            _note_byline(line, facts)
            continue
        segments = _META_SEPARATOR.split(line)
        if len(segments) > 1 and all(_read_meta(segment, facts) for segment in segments):
            continue  # "By AFP | Updated: 15 Nov 2025"
        meta = _read_meta(line, facts)
        if meta:
            expect_byline_name = meta == "byline without name"
            continue
        if (position == 0 or line.isupper()) and _is_masthead(line):
            facts.source_name = facts.source_name or line
            continue
        if facts.title and line.casefold() == facts.title.casefold():
            continue
        if not facts.title and _is_headline(line):
            facts.title = line
            continue
        if not title_given and _is_label(line):
            continue
        keep[index] = True  # not recognised as chrome: it stays in the text


def _read_meta(text: str, facts: PageFacts) -> str | None:
    """Note a date, byline or site-name header line; say which it was, or None."""
    found_date = parse_date_line(text)
    if found_date:
        facts.published = facts.published or found_date
        return "date"
    byline = matches(_BYLINE, text)
    if byline:
        name = byline.groupdict().get("name")
        if not name:
            return "byline without name"
        _note_byline(name, facts)
        return "byline"
    site = _site_name(text)
    if site:
        facts.source_name = facts.source_name or site
        return "site"
    return None


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
    """An outlet's name at the top of the page: "Tashkent Daily News", "STEPPE HERALD"."""
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
        3 <= len(words) <= 30
        and len(line) <= 200
        and not line.endswith((".", ":", ";", ","))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“")
        and line != line.lower()
        and line != line.upper()  # an all-capital line is a masthead or a section name
    )


def _is_label(line: str) -> bool:
    """A section name ("World", "Press Release"), masthead, or lower-case slug of the title."""
    if SENTENCE_END.search(line) or line.endswith(":"):  # "ISLAMABAD:" opens the body
        return False
    words = len(line.split())
    return words <= 3 or (words <= 12 and line in (line.lower(), line.upper()))


def read_dateline(lines: list[str], keep: list[bool], facts: PageFacts) -> None:
    """A wire opening states the date and the agency.

    "ISLAMABAD, Dec 15, 2022 (APP):", "BEIJING, March 5 (Xinhua) --",
    "MOSCOW, March 5. /TASS/.", "WASHINGTON (AP) —": a capitalised place, then
    (within a short prefix ending at the agency or the first dash or colon) the rest.
    """
    first = next((lines[i].strip() for i in active(lines, keep)), "")
    if not _DATELINE_PLACE.match(first):
        return
    head = first[:_DATELINE_MAX]
    separator = _DATELINE_SEPARATOR.search(head)
    agency = _DATELINE_AGENCY.search(head, 0, separator.start() if separator else len(head))
    if agency:
        prefix = head[: agency.end()]
    elif separator:
        prefix = head[: separator.start()]
    else:
        return
    facts.published = facts.published or first_date_in(prefix)
    if agency and not facts.source_name:
        facts.source_name = (agency.group("paren") or agency.group("slash")).strip()
