"""The draft event: one recognised event mention while its arguments are attached and merged.

A draft starts from one sentence's `EventMention` with what that sentence says (date,
place, people, states, name); the document-level passes add what context supplies and
the merge stage folds drafts of one happening together. Drafts are mutable working
records: anchors and absorbed drafts point at each other by identity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from detente.extract.lexicon import LexiconPatterns
from detente.extract.page.sentences import Sentence
from detente.extract.recognise.triggers import Hit
from detente.models import EventDate, Place

T = TypeVar("T")
ANCHOR_TYPES = ("meeting", "exercise", "training")  # occasions at which words are said


@dataclass
class Draft:
    type: str
    status: str
    sentence: Sentence
    hit: Hit
    date: EventDate | None = None
    place: Place | None = None
    persons: list[int] = field(default_factory=list)
    subjects: list[int] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    nearby: list[str] = field(default_factory=list)  # states its paragraph names, to complete a pair
    name: str | None = None
    group_subject: bool = False  # "both sides", "Pakistan and Tajikistan" agreed: the anchor's people
    visit_only: bool = False
    texts: list[str] = field(default_factory=list)
    refs: list[Sentence] = field(default_factory=list)
    anchor: Draft | None = None
    absorbed: bool = False
    absorbed_into: Draft | None = None

    @property
    def index(self) -> int:
        return self.sentence.index

    @property
    def past_edition(self) -> bool:
        """'The previous edition, KHANJAR-XI, was held ...': background, not what 'the ceremony' means."""
        return bool(_RULES.past_edition.search(self.sentence.text[: self.hit.end]))

    @property
    def position(self) -> int:
        return self.sentence.start + self.hit.start


_RULES = LexiconPatterns("arguments", "draft")


def unique(items: Iterable[T]) -> list[T]:
    """The items in order, each once."""
    seen: list[T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def inside(offset: int, span: tuple[int, int] | None) -> bool:
    """The offset lies in the span (none: nothing does)."""
    return span is not None and span[0] <= offset < span[1]
