"""What each extraction stage produced for one article, for measuring the stages one by one.

`RuleExtractor.trace(article)` fills a `StageTrace`: the kept sentences, the candidates
(with an extra scorer's scores), the recognised event mentions, the drafts after argument
attachment, after merging, and after the context filter, and the final events. Drafts are
copied into frozen `DraftView`s when each stage ends, since later stages change drafts in
place. `detente.evaluation_stages` scores a trace against gold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from detente.extract.arguments.draft import Draft
from detente.extract.mentions.people import PersonTable
from detente.extract.page import Page
from detente.extract.page.sentences import Sentence
from detente.extract.recognise import Candidates, SentenceEvents
from detente.models import Event


@dataclass(frozen=True)
class MentionView:
    """A recognised event mention: what the recognisers said of one sentence."""

    type: str
    status: str
    sentence: int  # index among the kept sentences
    trigger: str


@dataclass(frozen=True)
class DraftView:
    """A draft as one stage left it."""

    type: str
    status: str
    sentence: int
    evidence: str
    date: str | None
    place: str | None
    countries: tuple[str, ...]
    persons: tuple[str, ...]
    name: str | None

    @classmethod
    def of(cls, draft: Draft, people: PersonTable) -> DraftView:
        place = draft.place
        return cls(
            draft.type,
            draft.status,
            draft.index,
            draft.sentence.text,
            draft.date.start.isoformat() if draft.date and draft.date.start else None,
            ", ".join(p for p in (place.place, place.country) if p) if place else None,
            tuple(draft.countries),
            tuple(people.people[i].name for i in draft.persons),
            draft.name,
        )


@dataclass
class StageTrace:
    """Each stage's output for one article (empty from the stage where extraction stopped)."""

    doc_id: str
    relevant: bool = False
    sentences: tuple[Sentence, ...] = ()
    candidates: tuple[int, ...] = ()
    scores: Mapping[int, Mapping[str, float]] = field(default_factory=dict)  # an extra scorer's
    recognised: tuple[MentionView, ...] = ()
    drafts: tuple[DraftView, ...] = ()  # after sentence- and document-level arguments
    merged: tuple[DraftView, ...] = ()  # one per happening, anchors attached
    kept: tuple[DraftView, ...] = ()  # in a defence context, instruments split
    events: tuple[Event, ...] = ()

    def sentence_of(self, offset: int) -> Sentence | None:
        """The kept sentence holding an article offset."""
        for sentence in self.sentences:
            if sentence.start <= offset < max(sentence.end, sentence.start + 1):
                return sentence
        return None

    def record_page(self, page: Page) -> None:
        self.relevant = page.relevant
        self.sentences = page.sentences

    def record_candidates(self, candidates: Candidates) -> None:
        self.candidates = tuple(s.index for s in candidates.sentences)

    def record_recognised(self, found: Sequence[SentenceEvents]) -> None:
        self.recognised = tuple(
            MentionView(m.type, m.status, m.sentence.index, m.hit.text) for s in found for m in s.events
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: sentences as index, offsets and text; events in the contract's form."""
        return {
            "doc_id": self.doc_id,
            "relevant": self.relevant,
            "sentences": [
                {"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph, "text": s.text}
                for s in self.sentences
            ],
            "candidates": list(self.candidates),
            "scores": {str(k): dict(v) for k, v in self.scores.items()},
            "recognised": [asdict(m) for m in self.recognised],
            "drafts": [asdict(d) for d in self.drafts],
            "merged": [asdict(d) for d in self.merged],
            "kept": [asdict(d) for d in self.kept],
            "events": [{**e.to_record(), "evidence_start": e.evidence_start} for e in self.events],
        }


def views(drafts: Sequence[Draft], people: PersonTable) -> tuple[DraftView, ...]:
    return tuple(DraftView.of(d, people) for d in drafts)
