"""What the recognisers read and what they hand on.

`SentenceFacts` is what the earlier stages know about one candidate sentence (its trigger
hits, dates, people, states); `EventMention` is one event the sentence states, with its
type, status and trigger; `SentenceEvents` holds a sentence's mentions for argument
attachment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from detente.extract.mentions import Mentions
from detente.extract.mentions.index import DatedOffsets
from detente.extract.mentions.people import Mention
from detente.extract.page.sentences import Sentence
from detente.extract.recognise.triggers import Hit


@dataclass(frozen=True)
class SentenceFacts:
    """What the document already knows about one sentence."""

    sentence: Sentence
    hits: Sequence[Hit]
    mentions: Mentions
    seen_types: frozenset[str] = frozenset()  # types of events already found earlier in the article
    scores: Mapping[str, float] = field(default_factory=dict)  # an extra sentence scorer's, per type

    @property
    def dates(self) -> DatedOffsets:
        """(offset in sentence, date) of the sentence's dates."""
        return self.mentions.dates_in(self.sentence)

    @property
    def people(self) -> list[Mention]:
        """The people the sentence mentions, in order."""
        return self.mentions.people_in(self.sentence)

    def people_from(self, offset: int, length: int) -> list[Mention]:
        """People mentioned from `offset` in the sentence over `length` characters (may run past it)."""
        start = self.sentence.start + offset
        return self.mentions.people_between(start, start + length)

    def paragraph_has(self, pattern: re.Pattern[str]) -> bool:
        """Whether the sentence's paragraph holds the pattern (a cue a neighbouring sentence gives)."""
        return self.mentions.paragraph_has(self.sentence.paragraph, pattern)


@dataclass(frozen=True)
class EventMention:
    """One event a sentence states: its type, its status and the trigger that states it."""

    type: str
    status: str
    sentence: Sentence
    hit: Hit
    series_named: bool = False  # the trigger is a series named bare ("Khaan Quest will return in June")


@dataclass(frozen=True)
class SentenceEvents:
    """A candidate sentence's events, and the hits left after the vetoes (they tell which clause
    is background when arguments are attached)."""

    facts: SentenceFacts
    hits: tuple[Hit, ...]
    events: tuple[EventMention, ...]

    def hits_of(self, event_type: str) -> list[Hit]:
        return [h for h in self.hits if h.type == event_type]
