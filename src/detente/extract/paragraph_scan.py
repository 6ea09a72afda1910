"""A paragraph's country mentions, scanned once for all the candidate sentences in it.

A draft completes its pair from the states its paragraph names, with the sentence's
own tail after the meeting's venue cut away (`paragraph.replace(sentence, head)`).
Scanning the whole paragraph again for every candidate sentence made extraction
quadratic in the paragraph's length (a 1 MB single-paragraph page ran for hours).
Here the paragraph is scanned once; for a cut, only windows around the cuts are
scanned again and the mentions far from them are reused. The answer is the same as
the full scan: a mention's reading depends only on text within a few dozen characters
(`_LOOK_BACK`, the longest name, the cues after it), far less than `MARGIN`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from detente.extract.gazetteer import _BODY_OWNERS, CountryMention, gazetteer

#: Characters around a cut whose mentions are read again; far above any cue's reach.
MARGIN = 400
#: Non-blank characters a margin must hold, so long runs of white space never shorten it.
_SPAN = re.compile(rf"(?:\s*\S){{1,{MARGIN}}}")


@dataclass
class _Scan:
    text: str
    mentions: list[CountryMention]
    codes: list[str]  # distinct codes in order of first mention
    starts: dict[str, list[int]]  # code -> sorted starts of its mentions
    answers: dict[tuple[str, int], list[str]] = field(default_factory=dict)


def nearby_codes(paragraph: str, sentence: str, cut: int) -> list[str]:
    """`_unique(m.code for m in gazetteer().parties(paragraph.replace(sentence, sentence[:cut])))`,
    without scanning the whole paragraph for each sentence."""
    if len(paragraph) <= 4 * MARGIN:  # a window would hold all of it: scan it as it is
        mentions = gazetteer().parties(paragraph.replace(sentence, sentence[:cut]))
        return list(dict.fromkeys(m.code for m in mentions))
    scan = _scan(paragraph, _owners_key())
    if cut >= len(sentence) or not sentence:
        return list(scan.codes)
    key = (sentence, cut)
    if key not in scan.answers:
        scan.answers[key] = _codes_with_cuts(scan, sentence, cut)
    return list(scan.answers[key])


def paragraph_has(pattern: re.Pattern[str], paragraph: str) -> bool:
    """`bool(pattern.search(paragraph))`, searched once per paragraph and pattern."""
    return _search(pattern, paragraph)


@lru_cache(maxsize=64)
def _search(pattern: re.Pattern[str], paragraph: str) -> bool:
    return bool(pattern.search(paragraph))


def _owners_key() -> tuple[tuple[str, str], ...]:
    """Which state each shared body stands for in the current article: it changes mentions."""
    return tuple(sorted((_BODY_OWNERS.get() or {}).items()))


@lru_cache(maxsize=8)
def _scan(paragraph: str, owners: tuple[tuple[str, str], ...]) -> _Scan:
    mentions = gazetteer().parties(paragraph)
    starts: dict[str, list[int]] = {}
    for mention in mentions:
        starts.setdefault(mention.code, []).append(mention.start)
    return _Scan(paragraph, mentions, list(starts), starts)


def _codes_with_cuts(scan: _Scan, sentence: str, cut: int) -> list[str]:
    text = scan.text
    cuts = _occurrences(text, sentence)  # where str.replace cuts: each occurrence's tail goes
    if not cuts:
        return list(scan.codes)
    zones = _zones(text, [(at + cut, at + len(sentence)) for at in cuts])
    gone_before = _Shift([at + cut for at in cuts], [at + len(sentence) for at in cuts])
    first: dict[str, int] = {}
    for code, starts in scan.starts.items():  # far from every cut: as the full scan found them
        start = _first_outside(starts, zones)
        if start is not None:
            first[code] = gone_before(start)
    for low, high in zones:  # near a cut: read again, in the text as it is after the cuts
        for mention in _parties_near(text, sentence, cut, cuts, low, high, gone_before):
            if mention.code not in first or mention.start < first[mention.code]:
                first[mention.code] = mention.start
    return sorted(first, key=first.__getitem__)


def _occurrences(text: str, sentence: str) -> list[int]:
    """Starts of the non-overlapping occurrences, left to right, as `str.replace` finds them."""
    found, at = [], text.find(sentence)
    while at >= 0:
        found.append(at)
        at = text.find(sentence, at + len(sentence))
    return found


def _zones(text: str, removals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged spans of the original text, each a removal with a margin on both sides."""
    zones: list[tuple[int, int]] = []
    for start, end in removals:
        low, high = _reach_back(text, start), _reach_on(text, end)
        if zones and low <= zones[-1][1]:
            zones[-1] = (zones[-1][0], max(high, zones[-1][1]))
        else:
            zones.append((low, high))
    return zones


def _reach_on(text: str, at: int) -> int:
    match = _SPAN.match(text, at)
    return match.end() if match else at


def _reach_back(text: str, at: int) -> int:
    """The start of the MARGIN non-blank characters before `at` (white space counts for free)."""
    count, position = 0, at
    while position > 0 and count < MARGIN:
        position -= 1
        count += not text[position].isspace()
    return position


def _first_outside(starts: list[int], zones: list[tuple[int, int]]) -> int | None:
    index = 0
    while index < len(starts):
        start = starts[index]
        zone = bisect_right(zones, (start, float("inf"))) - 1
        if zone < 0 or start >= zones[zone][1]:
            return start
        index = bisect_left(starts, zones[zone][1], index)
    return None


class _Shift:
    """Maps a position of the original text to the text with the cuts made (a removed position
    goes where its removal starts)."""

    def __init__(self, removal_starts: list[int], removal_ends: list[int]) -> None:
        self._starts = removal_starts
        self._ends = removal_ends

    def __call__(self, position: int) -> int:
        done = bisect_right(self._ends, position)  # removals wholly before the position
        removed = self._ends[0] - self._starts[0]
        if done < len(self._starts) and self._starts[done] <= position:
            position = self._starts[done]
        return position - removed * done


def _parties_near(
    text: str,
    sentence: str,
    cut: int,
    cuts: list[int],
    low: int,
    high: int,
    shift: Callable[[int], int],
) -> list[CountryMention]:
    """Mentions starting inside [low, high) of the original, read in the cut text around it."""
    window_low, window_high = _reach_back(text, low), _reach_on(text, high)
    window = _cut_slice(text, cut, len(sentence), cuts, window_low, window_high)
    offset = shift(window_low)
    kept_low, kept_high = shift(low), shift(high)
    return [m for m in gazetteer().parties(window, offset) if kept_low <= m.start < kept_high]


def _cut_slice(text: str, cut: int, length: int, cuts: list[int], low: int, high: int) -> str:
    """text[low:high] with the tail of every occurrence (those at the edges too) removed."""
    pieces, position = [], low
    for at in cuts[bisect_left(cuts, low - length) :]:
        tail_start, tail_end = at + cut, at + length
        if tail_start >= high:
            break
        if tail_end <= low:
            continue
        pieces.append(text[position : max(position, tail_start)])
        position = max(position, tail_end)
    pieces.append(text[position:high] if position < high else "")
    return "".join(pieces)
