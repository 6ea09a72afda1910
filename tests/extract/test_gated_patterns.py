"""Trigger hits and titled names read through the literal gate equal running every pattern.

Over every sentence of the project's own written articles (the fixture sets and the
bundled examples): the gate may only skip a pattern that finds nothing in a sentence.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from detente.extract.mentions.people.finder import PersonFinder
from detente.extract.page import read_page
from detente.extract.page.sentences import Sentence
from detente.extract.recognise import triggers
from detente.ingest import read_sources
from detente.models import Article

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def _pages() -> list[tuple[str, list[Sentence]]]:
    folders = [str(f) for f in sorted((ROOT / "tests" / "fixtures").glob("*/articles"))]
    folders.append(str(ROOT / "examples" / "articles"))
    pages = []
    for item in read_sources(folders):
        if isinstance(item, Article):
            page = read_page(item)
            pages.append((page.text, list(page.sentences)))
    return pages


def _every_pattern_hits(sentence: str) -> list[triggers.Hit]:
    """find_hits as it was before the gate: every strong and weak pattern on every sentence."""
    r = triggers.rules()
    hits: list[triggers.Hit] = []
    for event_type, pattern in r.strong.items():
        hits += [triggers._hit(event_type, m, sentence, strong=True) for m in pattern.finditer(sentence)]
    for event_type, pattern in r.weak.items():
        for match in pattern.finditer(sentence):
            if not any(h.type == event_type and h.start <= match.start() < h.end for h in hits):
                hits.append(triggers._hit(event_type, match, sentence, strong=False))
    return sorted(hits, key=lambda h: (h.start, -h.end))


def test_there_are_many_sentences_to_compare():
    assert sum(len(sentences) for _, sentences in _pages()) > 2000


def test_trigger_hits_through_the_gate_equal_every_pattern_run():
    sentences = {s.text for _, page in _pages() for s in page}
    differing = [s for s in sorted(sentences) if triggers.find_hits(s) != _every_pattern_hits(s)]
    assert differing == []
    assert sum(bool(triggers.find_hits(s)) for s in sentences) > 500  # the comparison saw hits


class _OpenGate:
    def __init__(self, size: int) -> None:
        self.size = size

    def open(self, text: str) -> set[int]:
        return set(range(self.size))


def test_titled_people_through_the_gate_equal_every_pattern_run():
    finder, ungated = PersonFinder(), PersonFinder()
    ungated._named_gate = _OpenGate(len(ungated._named_patterns))
    found = 0
    for text, sentences in _pages():
        with_gate, without = finder.build(text, sentences), ungated.build(text, sentences)
        assert [(m.start, m.end, m.person) for m in with_gate.mentions] == [
            (m.start, m.end, m.person) for m in without.mentions
        ]
        assert [(p.name, p.office, p.country) for p in with_gate.people] == [
            (p.name, p.office, p.country) for p in without.people
        ]
        found += len(with_gate.people)
    assert found > 300
