"""Recognising event mentions: the type and status of each event a candidate sentence states.

`candidates.py` is the trigger gate; each event type has its recogniser (`meeting.py`,
`agreement.py`, `pledge.py`, `exercise.py`, `training.py`, `defence_industry.py`,
`praise.py`) over the trigger words of `lexicons/triggers.json`; `sentence.py` settles
between types; `status.py` reads modality (occurred, planned, proposed), negation and
speculation. What the mentions are about (date, place, people, states) is the next
stage's work (`detente.extract.arguments`).
"""

from __future__ import annotations

from detente.extract.mentions import Mentions
from detente.extract.recognise.candidates import Candidates, find_candidates
from detente.extract.recognise.event_mention import EventMention, SentenceEvents, SentenceFacts
from detente.extract.recognise.scorer import SentenceScorer, SentenceScores
from detente.extract.recognise.sentence import recognise_sentence
from detente.extract.recognise.triggers import Hit
from detente.time_limit import check_time_limit

__all__ = [
    "Candidates",
    "EventMention",
    "Hit",
    "SentenceEvents",
    "SentenceFacts",
    "SentenceScorer",
    "SentenceScores",
    "find_candidates",
    "recognise",
]


def recognise(
    candidates: Candidates,
    mentions: Mentions,
    scores: SentenceScores | None = None,
    scorer: SentenceScorer | None = None,
) -> list[SentenceEvents]:
    """Each candidate sentence's events, in text order; `scores` are an extra scorer's.

    A back-reference ("the training programme") is a first mention when no event of its
    type has occurred earlier in the article, so sentences are read in order. A scorer that can
    `correct` the rules (the learned sentence model) adds the events it makes them recognise.
    """
    scores = scores or {}
    correct = getattr(scorer, "correct", None)
    found: list[SentenceEvents] = []
    seen: set[str] = set()
    for sentence in candidates.sentences:
        check_time_limit()
        facts = SentenceFacts(
            sentence,
            candidates.hits[sentence.index],
            mentions,
            frozenset(seen),
            scores.get(sentence.index, {}),
        )
        events = recognise_sentence(facts, candidates.series)
        if correct is not None and facts.scores:
            events = correct(events, candidates, candidates.series)
        found.append(events)
        seen.update(m.type for m in events.events if m.status == "occurred")
    return found
