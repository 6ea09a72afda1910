"""Where a model of which sentences state an event plugs into the rules.

A `SentenceScorer` (a learned classifier, say) is asked once per article, with every kept
sentence, how likely each is to state an event of each type. The candidates stage keeps
its answers (`Candidates.scores`), each candidate's `SentenceFacts.scores` carries them to
the recognisers, and the stage trace shows them. The rules themselves do not read them:
a recogniser that should trust a scorer reads `facts.scores[type]`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from detente.extract.page.sentences import Sentence


class SentenceScorer(Protocol):
    def score(self, sentences: Sequence[Sentence]) -> Mapping[int, Mapping[str, float]]:
        """Per sentence index, a score per event type (missing: no opinion)."""
        ...
