"""The screen itself: one automaton pass per article.

An article is kept when it names a state, a defence body or word, and a diplomatic
or cooperative act, and when all three meet within two neighbouring sentences:
an event is stated somewhere, not pieced together from words scattered over a long
political story.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import ahocorasick

from detente.models import Article
from detente.screen.lexicon import ScreenLexicon, load_screen_lexicon

_KINDS = ("defence", "cooperation", "state")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
SENTENCE_WINDOW = 2  # the three kinds must meet within this many neighbouring sentences


@dataclass
class ScreenVerdict:
    keep: bool
    hits: dict[str, set[str]] = field(default_factory=dict)


def _build_automaton(words_by_kind: dict[str, frozenset[str]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for kind, words in words_by_kind.items():
        for word in words:
            kinds = automaton.get(word, (word, set()))[1]
            kinds.add(kind)
            automaton.add_word(word, (word, kinds))
    automaton.make_automaton()
    return automaton


def _on_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end + 1] if end + 1 < len(text) else " "
    return not before.isalnum() and not after.isalnum()


class Screen:
    """Decides cheaply whether an article can hold a defence-diplomacy event."""

    def __init__(self, lexicon: ScreenLexicon | None = None) -> None:
        self.lexicon = lexicon or load_screen_lexicon()
        self._lower = _build_automaton(
            {
                "defence": self.lexicon.defence,
                "cooperation": self.lexicon.cooperation,
                "state": self.lexicon.states,
            }
        )
        self._exact = _build_automaton({"state": self.lexicon.acronyms})

    def verdict(self, article: Article) -> ScreenVerdict:
        hits: dict[str, set[str]] = {kind: set() for kind in _KINDS}
        located: list[tuple[int, set[str]]] = []  # (start offset, kinds) of every hit
        text = article.text if not article.title else f"{article.title}\n{article.text}"
        for automaton, haystack in ((self._lower, text.lower()), (self._exact, text)):
            for end, (word, kinds) in automaton.iter(haystack):
                start = end - len(word) + 1
                if _on_word_boundary(haystack, start, end):
                    located.append((start, kinds))
                    for kind in kinds:
                        hits[kind].add(word)
        keep = self._decide(hits) and _kinds_meet(text, located)
        return ScreenVerdict(keep=keep, hits=hits)

    def keep(self, article: Article) -> bool:
        return self.verdict(article).keep

    def _decide(self, hits: dict[str, set[str]]) -> bool:
        defence = hits["defence"]
        strong = defence - self.lexicon.weak_defence
        defence_ok = bool(strong) or len(defence) >= 2
        return defence_ok and bool(hits["cooperation"]) and bool(hits["state"])


def _kinds_meet(text: str, located: list[tuple[int, set[str]]]) -> bool:
    """Whether some run of SENTENCE_WINDOW neighbouring sentences holds all three kinds."""
    starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    by_sentence: dict[int, set[str]] = {}
    for offset, kinds in located:
        by_sentence.setdefault(bisect.bisect_right(starts, offset) - 1, set()).update(kinds)
    for first in by_sentence:
        seen: set[str] = set()
        for index in range(first, first + SENTENCE_WINDOW):
            seen |= by_sentence.get(index, set())
        if seen.issuperset(_KINDS):
            return True
    return False
