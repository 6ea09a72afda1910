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
from detente.ingest.date_order import NumericDateOrder
from detente.ingest.dateline import read_dateline
from detente.ingest.dates import find_date, read_statement, reported_on
from detente.ingest.line_tests import (
    SENTENCE_END,
    active,
    bare,
    compile_rules,
    is_sentence,
    is_short,
    matches,
)
from detente.ingest.page_dates import read_page_dates
from detente.ingest.page_header import PageFacts, read_header
from detente.literal_gate import LiteralGate

_TAIL = compile_rules(rules.TAIL_HEADINGS)
_LINK = compile_rules(rules.LINK_LINES)
_SHARE = compile_rules(rules.SHARE_LINES)
_CREDIT = compile_rules(rules.CREDIT_LINES)
_NAVIGATION = compile_rules(rules.NAVIGATION_LINES)
_PUBLISHED = compile_rules(rules.PUBLISHED_LINES)
_INLINE_TAIL = re.compile("|".join(rules.INLINE_TAIL_MARKERS), re.I)
_INLINE_TAIL_GATE = LiteralGate([_INLINE_TAIL])
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)[\"'”’]?$")
_BULLET = re.compile(r"[•·*▪◦‣-]\s|\d{1,2}[.)]\s")
_CAPTION_CREDIT = re.compile(r"\s[—–-]\s*[A-Z][\w.&/ -]{1,30}$|\((?:photo|image|file)\b[^)]*\)$", re.I)
_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")

LEAD_CHARS = 400  # "..., the office said on Thursday, September 12, 2024" stands in the lead sentence
TAIL_MIN_SHARE = 0.5  # a tail heading must come after at least this share of the body
INLINE_TAIL_MIN_SHARE = 0.75  # an in-line "Prev Post" must come this late in the text
LINK_BLOCK_LINES = 4  # this many headline lines in a row, unpunctuated, make a link list
LINK_LINE = 120  # longest line a link list holds


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
    order = NumericDateOrder.from_text(text)
    marker = _MARKER.match(text)
    if marker:
        facts.published = date.fromisoformat(marker.group(1))
        text = text[marker.end() :]
    lines = [line.rstrip() for line in text.split("\n")]
    keep = [True] * len(lines)
    footer = _drop_chrome_lines(lines, keep, order)
    header = read_header(lines, keep, facts, order)
    facts.published = facts.published or footer.published
    facts.revised = facts.revised or footer.revised
    facts.source_name = facts.source_name or footer.source_name
    _drop_repeated_lines(lines, keep)
    _drop_link_blocks(lines, keep)
    _cut_link_tail(lines, keep)
    read_dateline(lines, keep, facts, header, order)
    read_page_dates(lines, keep, facts, order)
    if facts.published is None and facts.revised:  # a page that only says when it was updated
        facts.published, facts.published_source = facts.revised, "explicit"
    if facts.published is None:
        lead = next((line for line, kept in zip(lines, keep, strict=True) if kept and is_sentence(line)), "")
        told = reported_on(lead[:LEAD_CHARS], order)
        if told:
            facts.published, facts.published_source = told, "inferred"
    body = "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)
    body = _cut_inline_tail(re.sub(r"\n{3,}", "\n\n", body).strip())
    return CleanText(body, facts)


def _drop_chrome_lines(lines: list[str], keep: list[bool], order: NumericDateOrder) -> PageFacts:
    """Share, credit, link and "Published in" lines wherever they stand; returns what the latter state.

    A header's own date and outlet are preferred to a "Published in" statement, which may
    name where the piece first appeared rather than this page.
    """
    facts = PageFacts()
    for index in active(lines, keep):
        line = bare(lines[index])
        if not is_short(line):
            continue
        published = matches(_PUBLISHED, line)
        stated = read_statement(line, order) if published else None
        if published and stated:
            facts.note_date(stated)
            outlet = published.groupdict().get("outlet")
            if outlet and not facts.source_name:
                facts.source_name = outlet.strip()
            keep[index] = False
        elif any(matches(rule, line) for rule in (_SHARE, _CREDIT, _LINK)):
            keep[index] = False
        elif matches(_NAVIGATION, line) and not find_date(line, order):
            keep[index] = False  # "UB Monitor | Defence | 20 June 2025" is a header line, not a menu
    return facts


def _drop_repeated_lines(lines: list[str], keep: list[bool]) -> None:
    """A line printed twice in a row is scraping noise.

    A short one that is no full sentence, or that ends in a photo credit, is a caption
    (image alt text, then figure caption): both copies go. A repeated paragraph keeps
    its first copy.
    """
    previous: int | None = None
    for index in active(lines, keep):
        raw = lines[index]
        if previous is not None and _same(lines[previous], raw):
            keep[index] = False
            if _is_caption(raw.strip()):
                keep[previous] = False
        previous = index


def _is_caption(line: str) -> bool:
    return is_short(line) and (_CAPTION_CREDIT.search(line) is not None or not SENTENCE_END.search(line))


def _same(first: str, second: str) -> bool:
    return " ".join(first.split()) == " ".join(second.split())


def _drop_link_blocks(lines: list[str], keep: list[bool]) -> None:
    """Runs of short unpunctuated headlines are link lists (tickers, "latest" boxes), not prose.

    A run counts when no body sentence comes before it (it is what the header reader
    left at the top) or when its headlines are cut off with an ellipsis, the mark of a
    teaser list.
    """
    run: list[int] = []
    for index in [*range(len(lines)), len(lines)]:
        line = lines[index].strip() if index < len(lines) else ""
        if index < len(lines) and keep[index] and line and _is_link_line(line):
            run.append(index)
            continue
        if len(run) >= LINK_BLOCK_LINES and _is_link_block(lines, keep, run):
            for member in run:
                keep[member] = False
        run = []


def _is_link_line(line: str) -> bool:
    return len(line) <= LINK_LINE and not _BULLET.match(line) and not re.search(r"[.!?:;,]$", line)


def _is_link_block(lines: list[str], keep: list[bool], run: list[int]) -> bool:
    teasers = sum(1 for index in run if _ELLIPSIS_END.search(lines[index].strip()))
    before = [i for i in active(lines, keep) if i < run[0]]
    return teasers >= 2 or not any(is_sentence(lines[i].strip()) for i in before)


def _cut_inline_tail(body: str) -> str:
    if not _INLINE_TAIL_GATE.open(body):
        return body  # a scan for a word-bounded phrase is slow; most bodies hold none of its letters
    match = _INLINE_TAIL.search(body)
    if match and match.start() >= INLINE_TAIL_MIN_SHARE * len(body):
        return body[: match.start()].rstrip()
    return body


def _cut_link_tail(lines: list[str], keep: list[bool]) -> None:
    """Drop everything from a "More from ..." or "Related Articles" heading late in the page."""
    kept = active(lines, keep)
    total = sum(len(lines[i]) for i in kept)
    seen = 0
    for index in kept:
        line = bare(lines[index])
        if total and seen / total >= TAIL_MIN_SHARE and is_short(line) and matches(_TAIL, line.rstrip(":")):
            for later in range(index, len(lines)):
                keep[later] = False
            return
        seen += len(lines[index])
