"""Remove page chrome from article text and keep the facts the chrome states.

Scraped text carries the page around the article: a header (section label, title,
byline, dateline), captions and credits, share/follow lines, and a tail of links to
other stories. Those lines must not reach extraction (a related headline is not an
event of this article), but the header and "Published in ..." lines state the title,
the outlet and the publication date, so they are read before they are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from detente.ingest import chrome_rules as rules
from detente.ingest.dates import DATE_EXPRESSION, first_date_in, parse_date_line


def _compile(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(f"(?:{p})", re.I) for p in patterns]


_TAIL = _compile(rules.TAIL_HEADINGS)
_LINK = _compile(rules.LINK_LINES)
_SHARE = _compile(rules.SHARE_LINES)
_CREDIT = _compile(rules.CREDIT_LINES)
_BYLINE = _compile(rules.BYLINE_LINES)
_PUBLISHED = _compile(rules.PUBLISHED_LINES)
_AGENCIES = {name.casefold() for name in rules.AGENCIES}
_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_DATELINE = re.compile(
    rf"(?P<city>[A-Z][A-Z .'-]{{2,40}}),?\s+(?:(?P<date>{DATE_EXPRESSION})\s*)?"
    r"(?:\((?P<agency>[A-Za-z][A-Za-z .-]{1,30})\))?\s*[:–—-]"
)
_SITE_LINE = re.compile(r"(?P<abbr>[A-Z][A-Za-z]{1,7})\s+[-–—|]\s+(?P<name>[A-Z][^|–—]{3,80})")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")

SHORT_LINE = 250  # chrome lines are short; a paragraph is never one
MAX_HEADER_LINES = 20  # non-blank lines before the body in which a header is looked for
TAIL_MIN_SHARE = 0.5  # a tail heading must come after at least this share of the body


@dataclass
class PageFacts:
    """What the page chrome states about the article."""

    title: str | None = None
    published: date | None = None
    source_name: str | None = None


@dataclass
class CleanText:
    text: str
    facts: PageFacts


def strip_chrome(raw: str, *, title: str | None = None) -> CleanText:
    """The article body without page chrome, and the title, date and outlet the chrome gave.

    A `title` already known (from HTML metadata) is only removed where it repeats, so no
    other short line near the top is taken for a title and dropped.
    """
    facts = PageFacts(title=title)
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    marker = _MARKER.match(text)
    if marker:
        facts.published = date.fromisoformat(marker.group(1))
        text = text[marker.end() :]
    lines = [line.rstrip() for line in text.split("\n")]
    keep = [True] * len(lines)
    _drop_chrome_lines(lines, keep, facts)
    _read_header(lines, keep, facts)
    _drop_repeated_lines(lines, keep)
    _cut_link_tail(lines, keep)
    _read_dateline(lines, keep, facts)
    body = "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return CleanText(body, facts)


def _active(lines: list[str], keep: list[bool]) -> list[int]:
    """Indices of kept lines that hold text."""
    return [i for i, line in enumerate(lines) if keep[i] and line.strip()]


def _matches(patterns: list[re.Pattern[str]], line: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.fullmatch(line)
        if match:
            return match
    return None


def _is_short(line: str) -> bool:
    return len(line) <= SHORT_LINE


def _drop_chrome_lines(lines: list[str], keep: list[bool], facts: PageFacts) -> None:
    """Share, credit, link and "Published in" lines wherever they stand."""
    for index in _active(lines, keep):
        line = lines[index].strip()
        if not _is_short(line):
            continue
        published = _matches(_PUBLISHED, line)
        if published and first_date_in(line):
            facts.published = facts.published or first_date_in(line)
            outlet = published.groupdict().get("outlet")
            if outlet and not facts.source_name:
                facts.source_name = outlet.strip()
            keep[index] = False
        elif _matches(_SHARE, line) or _matches(_CREDIT, line) or _matches(_LINK, line):
            keep[index] = False


def _is_sentence(line: str) -> bool:
    """Body text: a long line, or a sentence of several words."""
    return len(line) > 200 or (len(line.split()) >= 8 and bool(_SENTENCE_END.search(line)))


def _header_indices(lines: list[str], keep: list[bool]) -> list[int]:
    """Kept lines before the first body sentence; none when no body starts near the top."""
    header: list[int] = []
    for index in _active(lines, keep):
        if _is_sentence(lines[index].strip()):
            return header
        header.append(index)
        if len(header) > MAX_HEADER_LINES:
            return []
    return []


def _read_header(lines: list[str], keep: list[bool], facts: PageFacts) -> None:
    """Read and drop the title, dateline, byline, site name and section labels above the body."""
    header = _header_indices(lines, keep)
    expect_byline_name = False
    for index in header:
        line = lines[index].strip()
        keep[index] = False
        if expect_byline_name:
            expect_byline_name = False
            _note_byline(line, facts)
            continue
        found_date = parse_date_line(line)
        if found_date:
            facts.published = facts.published or found_date
            continue
        byline = _matches(_BYLINE, line)
        if byline:
            name = byline.groupdict().get("name")
            if name:
                _note_byline(name, facts)
            else:
                expect_byline_name = True
            continue
        site = _site_name(line)
        if site:
            facts.source_name = facts.source_name or site
            continue
        if facts.title and line.casefold() == facts.title.casefold():
            continue
        if not facts.title and _is_headline(line):
            facts.title = line
            continue
        if _is_label(line):
            continue
        keep[index] = True  # not recognised as chrome: it stays in the text


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


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 30
        and len(line) <= 200
        and not line.endswith((".", ":", ";", ","))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“")
        and line != line.lower()
    )


def _is_label(line: str) -> bool:
    """A section label or a lower-case slug of the title: short, no sentence, no capitals."""
    return len(line.split()) <= 12 and line == line.lower() and not _SENTENCE_END.search(line)


def _drop_repeated_lines(lines: list[str], keep: list[bool]) -> None:
    """A line printed twice in a row is a caption (image alt text and figure caption): drop both."""
    previous: int | None = None
    for index in _active(lines, keep):
        raw = lines[index]
        if previous is not None and _is_short(raw.strip()) and _same(lines[previous], raw):
            keep[previous] = keep[index] = False
        previous = index


def _same(first: str, second: str) -> bool:
    return " ".join(first.split()) == " ".join(second.split())


def _cut_link_tail(lines: list[str], keep: list[bool]) -> None:
    """Drop everything from a "More from ..." or "Related Articles" heading late in the page."""
    kept = _active(lines, keep)
    total = sum(len(lines[i]) for i in kept)
    seen = 0
    for index in kept:
        line = lines[index].strip()
        if total and seen / total >= TAIL_MIN_SHARE and _is_short(line) and _matches(_TAIL, line.rstrip(":")):
            for later in range(index, len(lines)):
                keep[later] = False
            return
        seen += len(lines[index])


def _read_dateline(lines: list[str], keep: list[bool], facts: PageFacts) -> None:
    """An "ISLAMABAD, Dec 15, 2022 (APP):" opening states the date and the agency."""
    first = next((lines[i] for i in _active(lines, keep)), "")
    match = _DATELINE.match(first.strip())
    if not match:
        return
    if match.group("date") and not facts.published:
        facts.published = first_date_in(match.group("date"))
    agency = match.group("agency")
    if agency and not facts.source_name:
        facts.source_name = agency.strip()
