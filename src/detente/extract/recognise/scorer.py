"""Where a model of which sentences state an event plugs into the rules.

A `SentenceScorer` (a learned classifier, say) is asked once per article, after the
mentions stage, so it can read what the rules read of each kept sentence: its text, its
trigger hits (`candidates.hits[i]`), the states and people it names
(`mentions.states_in(s)`, `mentions.people_in(s)`). Its answers travel in
`SentenceFacts.scores` to the recognisers and into the stage trace. A scorer that also has
a `correct(events, candidates, series)` method (the learned sentence model, `learned.py`) is
handed each sentence's events and may add those its own triggers make the rules recognise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from detente.extract.mentions import Mentions
    from detente.extract.page import Page
    from detente.extract.recognise.candidates import Candidates

SentenceScores = Mapping[int, Mapping[str, float]]  # sentence index: score per event type


class SentenceScorer(Protocol):
    def score(self, page: Page, candidates: Candidates, mentions: Mentions) -> SentenceScores:
        """Per kept sentence's index, a score per event type (a sentence left out: no opinion)."""
        ...
