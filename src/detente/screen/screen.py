"""The screen itself: one automaton pass per article."""

from __future__ import annotations

from dataclasses import dataclass, field

import ahocorasick

from detente.models import Article
from detente.screen.lexicon import ScreenLexicon, load_screen_lexicon

_KINDS = ("defence", "cooperation", "state")


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
        text = article.text if not article.title else f"{article.title}\n{article.text}"
        for automaton, haystack in ((self._lower, text.lower()), (self._exact, text)):
            for end, (word, kinds) in automaton.iter(haystack):
                start = end - len(word) + 1
                if _on_word_boundary(haystack, start, end):
                    for kind in kinds:
                        hits[kind].add(word)
        return ScreenVerdict(keep=self._decide(hits), hits=hits)

    def _decide(self, hits: dict[str, set[str]]) -> bool:
        defence = hits["defence"]
        strong = defence - self.lexicon.weak_defence
        defence_ok = bool(strong) or len(defence) >= 2
        return defence_ok and bool(hits["cooperation"]) and bool(hits["state"])

    def keep(self, article: Article) -> bool:
        return self.verdict(article).keep
