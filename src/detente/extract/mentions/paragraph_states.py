"""The states a paragraph names, read once, and read again with one sentence cut short.

An event keeps the states its paragraph names to complete a pair later; a meeting's
sentence counts only up to the talks' purpose ("..., to discuss security in Somalia": a
topic). The answer must be what scanning the paragraph with that sentence cut gives, but
scanning a page dump's one huge paragraph for every candidate sentence made extraction
quadratic. Here the paragraph is scanned once, and a cut re-reads only the cut sentence and
the one after it (whose first words the cut may read differently: "... met on" + "India").
A sentence ends with a full stop, question or exclamation mark before the next, and no rule
about a state's mention reads across one, so nothing further changes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from detente.extract.mentions.states import gazetteer
from detente.extract.page.sentences import Sentence, consecutive_runs


class ParagraphStates:
    """One paragraph's state mentions, as codes in text order, by sentence."""

    def __init__(self, members: Sequence[Sentence]) -> None:
        self.members = list(members)
        self.text = "".join(" " + s.text for s in self.members)
        self.starts: list[int] = []  # each sentence's offset in `text`
        offset = 0
        for sentence in self.members:
            self.starts.append(offset + 1)
            offset += 1 + len(sentence.text)
        found = gazetteer().parties(self.text)
        self.codes = [m.code for m in found]
        mention_starts = [m.start for m in found]
        # bounds[k]: index in `codes` of sentence k's first mention; bounds[-1] == len(codes)
        self.bounds = [bisect_left(mention_starts, start) for start in self.starts]
        self.bounds.append(len(self.codes))
        self.occurrences: dict[str, list[int]] = {}
        for index, code in enumerate(self.codes):
            self.occurrences.setdefault(code, []).append(index)
        self.distinct = list(self.occurrences)  # in order of first mention
        self._cut_codes: dict[tuple[str, int], list[str]] = {}
        self._copies: dict[str, list[int]] = {}
        for position, sentence in enumerate(self.members):
            self._copies.setdefault(sentence.text, []).append(position)

    def unique_codes(self, position: int | None = None, cut: int = 0) -> list[str]:
        """Distinct codes in order of first mention; with `position`, as if that sentence (and
        every copy of its words in the paragraph) ended at `cut`."""
        if position is None or cut >= len(self.members[position].text):
            return list(self.distinct)
        text = self.members[position].text
        known = self._cut_codes.get((text, cut))
        if known is None:  # every copy of the words is cut alike: one answer for all of them
            known = self._cut_codes[(text, cut)] = self._cut_unique_codes(text, cut)
        return list(known)

    def _cut_unique_codes(self, text: str, cut: int) -> list[str]:
        copies = self._copies[text]
        if self._replaced(text) != [self.starts[k] for k in copies]:
            # the words recur inside another sentence or across two: read the cut paragraph whole
            cut_text = self.text.replace(text, text[:cut])
            return _unique(m.code for m in gazetteer().parties(cut_text))
        reread = sorted(set(copies) | {k + 1 for k in copies if k + 1 < len(self.members)})
        seen: list[str] = []
        kept_from = 0  # sentences before the next run are taken from the paragraph's own scan
        for run in consecutive_runs(reread):
            self._add_scanned(seen, self.bounds[kept_from], self.bounds[run[0]])
            self._add(seen, self._read_run(run, set(copies), cut))
            kept_from = run[-1] + 1
        self._add_scanned(seen, self.bounds[kept_from], self.bounds[-1])
        return seen

    def _replaced(self, text: str) -> list[int]:
        """Where `str.replace` would cut the paragraph: leftmost copies that do not overlap."""
        found, at = [], self.text.find(text)
        while at != -1:
            found.append(at)
            at = self.text.find(text, at + len(text))
        return found

    def _read_run(self, run: list[int], cut_positions: set[int], cut: int) -> list[str]:
        """Codes of a run of sentences, the cut ones cut, read after the sentence before them."""
        previous = " " + self.members[run[0] - 1].text if run[0] > 0 else ""
        parts = []
        for k in run:
            text = self.members[k].text
            parts.append(" " + (text[:cut] if k in cut_positions else text))
        local = previous + "".join(parts)
        return [m.code for m in gazetteer().parties(local) if m.start >= len(previous)]

    def _add_scanned(self, seen: list[str], low: int, high: int) -> None:
        """Codes mentioned in codes[low:high], in order of first mention there, that are new."""
        if low >= high:
            return
        firsts = []
        for code in self.distinct:
            indices = self.occurrences[code]
            at = bisect_left(indices, low)
            if at < len(indices) and indices[at] < high:
                firsts.append((indices[at], code))
        self._add(seen, [code for _, code in sorted(firsts)])

    @staticmethod
    def _add(seen: list[str], codes: Sequence[str]) -> None:
        for code in codes:
            if code not in seen:
                seen.append(code)


def _unique(codes) -> list[str]:
    seen: list[str] = []
    for code in codes:
        if code not in seen:
            seen.append(code)
    return seen
