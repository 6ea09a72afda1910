"""Extraction: an Article in, its defence/security-diplomacy events out.

`build_extractor()` gives the rule engine; `Extractor` is the protocol every
extractor (the engine, a test double in other layers' tests) satisfies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.language import Language

    from detente.models import Article, Event


class Extractor(Protocol):
    def extract(self, article: Article) -> list[Event]: ...

    def warm_up(self) -> None:
        """Load what extraction loads lazily, so forked workers share it and timings exclude it."""


def build_extractor(nlp: Language | None = None) -> Extractor:
    """The real engine (rules over versioned lexicons, spaCy NER on candidate sentences)."""
    from detente.extract.engine import RuleExtractor

    return RuleExtractor(nlp)


__all__ = ["Extractor", "build_extractor"]
