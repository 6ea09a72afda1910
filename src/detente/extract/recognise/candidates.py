"""The trigger gate: which sentences may state an event at all.

Every sentence is scanned for trigger words (`triggers.py`); a sentence with a hit, a
proposal verb, or an edition of an exercise series the article names is a candidate.
Only candidates reach spaCy, the date reader and the recognisers, which keeps a page of
a thousand sentences as cheap as an article.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from detente.extract.mentions.names import exercise_name, series_pattern
from detente.extract.page import Page
from detente.extract.page.sentences import Sentence
from detente.extract.recognise.triggers import Hit, find_hits, rules


@dataclass(frozen=True)
class Candidates:
    """Trigger hits of every sentence, the exercise series the article names, the candidates."""

    hits: Mapping[int, list[Hit]]  # by sentence index, every sentence
    series: re.Pattern[str] | None
    sentences: tuple[Sentence, ...]


def find_candidates(page: Page) -> Candidates:
    hits = {s.index: find_hits(s.text) for s in page.sentences}
    series = series_pattern(_exercise_names([s for s in page.sentences if hits[s.index]]))
    chosen = tuple(s for s in page.sentences if _may_hold_event(s, hits[s.index], series))
    return Candidates(hits, series, chosen)


def _may_hold_event(sentence: Sentence, hits: list[Hit], series: re.Pattern[str] | None) -> bool:
    """The cheap test that keeps most sentences away from spaCy and the rules."""
    return bool(hits or rules().proposal.search(sentence.text) or (series and series.search(sentence.text)))


def _exercise_names(sentences: list[Sentence]) -> set[str]:
    return {name for s in sentences if (name := exercise_name(s.text))}
