"""Cheap splitting of an article into paragraphs and sentences with offsets.

Only sentences that can hold an event go to spaCy, so splitting must be fast and
must keep character offsets into the article text (evidence_start depends on it).
Lines that are page furniture (headlines, bylines, captions, bullets, related
links) are marked so they never yield events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Gen|Lt|Col|Maj|Brig|Capt|Adm|Mr|Mrs|Ms|Dr|St|No|Sr|Jr|Rep|Sen|Gov|Prof)"
    r"|\b[A-Z]|\bU\.S|\bU\.K|\bU\.N)\.$"
)
_MONTH_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)  # "Jun. 5", not "Dong Jun."
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_CAPTION_CREDIT = re.compile(r"\s[—–-]{1,2}\s?[A-Z][\w/ ]{1,20}\s*$")
_BULLET = re.compile(r"^\s*(?:[•·▪◦*‣-]|\d+\.)\s")
_SEPARATORS = re.compile(r"\s[|·•»*]\s")
LIST_PARAGRAPH_WORDS = 15
CUT_OFF_WORDS = (12, 150)  # a page's cut-off last line is a paragraph's length, not a run-on dump
_SENTENCE_OPENING = re.compile(r"^[\"“‘']?[A-Z][a-z]")
_TERMINAL = re.compile(r"[.!?][\"”’')\]]*\s*$")
# "... hold a bilateral meeting in Camp Aguinaldo on Aug. 30, 2024. (Photo: DND)": a caption that
# states the news in a full sentence is body; only its credit is not.
_PHOTO_CREDIT = re.compile(r"[.!?][\"”’')\]]*\s*\((?:photo|photos|image|file photo)\b[^()]{0,60}\)\s*$", re.I)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def is_furniture(line: str, seen: set[str], *, last: bool = False) -> bool:
    """Headlines, bylines, photo captions, bullet summaries, repeated lines.

    `last`: the page's last line, which a saved page may cut off mid-sentence (a teaser, a
    paywall): a long line in sentence case is then body, though it has no final stop."""
    stripped = line.strip()
    if not stripped:
        return True
    if stripped in seen:
        return True
    if _BULLET.match(line) and not _is_list_paragraph(stripped):
        return True
    if _CAPTION_CREDIT.search(stripped):
        return True
    if last and _cut_off_sentence(stripped):
        return False
    if len(_SEPARATORS.findall(stripped)) >= 3:
        return True  # navigation bars, share bars, tickers
    words = stripped.split()
    ends = _TERMINAL.search(stripped) or _PHOTO_CREDIT.search(stripped)
    if not ends and (len(words) < 15 or not re.search(r"[.!?]\s+[A-Z]", stripped)):
        return True  # titles, section heads, related-link lines (a long paragraph may lose its last stop)
    return len(words) < 5


def _cut_off_sentence(stripped: str) -> bool:
    """'The Philippines and Vietnam agreed to cooperate to work on their differences due to their ove':
    a sentence's opening, not a title (titles capitalise most words) nor a numbered link."""
    words = stripped.split()
    fewest, most = CUT_OFF_WORDS
    if not fewest <= len(words) <= most or _TERMINAL.search(stripped):
        return False
    if not _SENTENCE_OPENING.match(stripped):
        return False
    capitalised = sum(1 for w in words[1:] if w[:1].isupper())
    return capitalised < len(words[1:]) / 3


def _is_list_paragraph(stripped: str) -> bool:
    """A numbered or bulleted item of several full sentences is body (a brief's list), not a summary."""
    return len(stripped.split()) >= LIST_PARAGRAPH_WORDS and len(re.findall(r"[.!?]\s+[A-Z]", stripped)) >= 2


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the body with offsets; furniture lines are dropped."""
    sentences: list[Sentence] = []
    seen: set[str] = set()
    lines = _lines(text)
    counts: dict[str, int] = {}
    for _, line in lines:
        key = line.strip()
        if key:
            counts[key] = counts.get(key, 0) + 1
    paragraph = 0
    last = max((i for i, (_, line) in enumerate(lines) if line.strip()), default=-1)
    for position, (offset, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        furniture = is_furniture(line, seen, last=position == last) or counts.get(stripped, 0) > 1
        seen.add(stripped)
        if furniture:
            continue
        paragraph += 1  # news puts one paragraph on a line
        sentences.extend(_split_line(line, offset, paragraph, len(sentences)))
    return sentences


def _split_line(line: str, offset: int, paragraph: int, first_index: int) -> list[Sentence]:
    pieces: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        candidate = line[start : match.start()].rstrip()
        if _ABBREVIATIONS.search(candidate):
            continue
        if _MONTH_ABBREVIATION.search(candidate) and line[match.end() : match.end() + 1].isdigit():
            continue
        pieces.append(_make(line, offset, start, match.start(), paragraph, first_index + len(pieces)))
        start = match.end()
    if line[start:].strip():
        pieces.append(_make(line, offset, start, len(line), paragraph, first_index + len(pieces)))
    return [p for p in pieces if p.text]


def _make(line: str, offset: int, start: int, end: int, paragraph: int, index: int) -> Sentence:
    raw = line[start:end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    return Sentence(offset + start + lead, offset + start + lead + len(body), body, paragraph, index)


def consecutive_runs(indices: list[int]) -> list[list[int]]:
    """Sorted sentence indices grouped into runs of neighbours: [1, 2, 4] -> [[1, 2], [4]]."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs
