"""Extraction: an Article in, its defence/security-diplomacy events out.

`build_extractor()` gives the rule engine, a staged engine (see `engine.py`: page,
candidates, mentions, recognise, arguments, merge, records) whose `trace()` shows each
stage's output; `Extractor` is the protocol every extractor (the engine, a test double in
other layers' tests) satisfies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.language import Language

    from detente.extract.recognise.scorer import SentenceScorer
    from detente.extract.trace import StageTrace
    from detente.models import Article, Event


class Extractor(Protocol):
    def extract(self, article: Article) -> list[Event]: ...

    def warm_up(self) -> None:
        """Load what extraction loads lazily, so forked workers share it and timings exclude it."""


class StagedExtractor(Extractor, Protocol):
    def trace(self, article: Article) -> StageTrace:
        """The events and what each stage produced on the way, for measuring stages."""
        ...


def build_extractor(
    nlp: Language | None = None, scorer: SentenceScorer | None = None, *, learned: bool = True
) -> StagedExtractor:
    """The real engine (rules over versioned lexicons, spaCy NER on candidate sentences).

    `scorer` is an extra model of which sentences state events; the recognisers see its scores.
    Without one, the shipped sentence model (`recognise/learned.py`) adds the events it is sure
    the rules missed; `learned=False` runs the rules alone.
    """
    from detente.extract.engine import RuleExtractor

    if scorer is None and learned:
        from detente.extract.recognise.learned import shipped_scorer

        scorer = shipped_scorer()
    return RuleExtractor(nlp, scorer)


__all__ = ["Extractor", "StagedExtractor", "build_extractor"]
