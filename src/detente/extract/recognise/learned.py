"""The learned sentence model as a source of triggers for the recognise stage.

`SentenceModelScorer` scores each candidate sentence for each event type with the shipped
linear model (`extract/sentence_model.py`, weights in `lexicons/sentence_model.json`).
Where the model is at least `add` sure a sentence states an event of a type the trigger
lexicon holds no strong word for ("held a telephonic conversation" before anyone wrote that
rule), `learned_hits` gives the sentence a trigger at the model's strongest word for that
type, and the rules read the sentence again with it (`with_learned_events`). The rules
judge the new trigger like any other, so their vetoes (habits, questions, a deal's
content, a national drill) still hold, and nothing they found without it is lost. The
threshold per type is chosen by the training script's leave-one-region-out runs; 1.0
turns a type off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from detente.extract.recognise.event_mention import SentenceEvents, SentenceFacts
from detente.extract.recognise.sentence import recognise_sentence
from detente.extract.recognise.triggers import Hit, rules
from detente.extract.sentence_model import SentenceModel, SentenceView, sentence_features, sentence_model

if TYPE_CHECKING:
    from detente.extract.mentions import Mentions
    from detente.extract.page import Page
    from detente.extract.recognise.candidates import Candidates
    from detente.extract.recognise.scorer import SentenceScores


@dataclass(frozen=True)
class Thresholds:
    add: float = 1.0  # at or above it, a type the rules hold no strong trigger for gets one


class SentenceModelScorer:
    """A `SentenceScorer` over the linear sentence model, which can also `correct` the rules."""

    def __init__(self, model: SentenceModel) -> None:
        self.model = model
        self.thresholds = {t: Thresholds(float(v.get("add", 1.0))) for t, v in model.thresholds.items()}

    def view(self, sentence, candidates: Candidates, mentions: Mentions) -> SentenceView:
        return SentenceView(
            sentence.text,
            tuple((h.type, h.strong, h.reference) for h in candidates.hits.get(sentence.index, [])),
            len({m.code for m in mentions.states_in(sentence)}),
            len({m.person for m in mentions.people_in(sentence)}),
            sentence.index == 0,
        )

    def score(self, page: Page, candidates: Candidates, mentions: Mentions) -> SentenceScores:
        return {
            s.index: self.model.scores(sentence_features(self.view(s, candidates, mentions)))
            for s in candidates.sentences
        }

    def correct(
        self, found: SentenceEvents, candidates: Candidates, series: re.Pattern[str] | None
    ) -> SentenceEvents:
        return with_learned_events(found, self, candidates, series)

    def key_hit(self, text: str, event_type: str, view: SentenceView) -> Hit | None:
        """Where in the sentence the model sees the event: its strongest word for the type."""
        for _, word in self.model.key_words(view, event_type):
            match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I)
            if match:
                return Hit(event_type, match.start(), match.end(), match.group(0), True, False, learned=True)
        return None


def shipped_scorer() -> SentenceModelScorer | None:
    """The scorer over the shipped weights, or None when none were shipped."""
    model = sentence_model()
    return SentenceModelScorer(model) if model is not None else None


def learned_hits(
    facts: SentenceFacts, scorer: SentenceModelScorer, candidates: Candidates
) -> tuple[Hit, ...]:
    """A trigger for each type the model is sure a sentence states and the rules hold no strong
    trigger for, at the model's strongest word for the type."""
    sentence, scores = facts.sentence, facts.scores
    if rules().sports.search(sentence.text):
        return ()  # "the next edition of the military football championship": sport, where words mislead
    have = {h.type for h in facts.hits if h.strong and not h.reference}
    view = None
    hits: list[Hit] = []
    for event_type, score in sorted(scores.items(), key=lambda kv: -kv[1]):
        if event_type in have or score < scorer.thresholds.get(event_type, Thresholds()).add:
            continue
        view = view or scorer.view(sentence, candidates, facts.mentions)
        hit = scorer.key_hit(sentence.text, event_type, view)
        if hit is not None:
            hits.append(hit)
    return tuple(hits)


def with_learned_events(
    found: SentenceEvents, scorer: SentenceModelScorer, candidates: Candidates, series: re.Pattern[str] | None
) -> SentenceEvents:
    """The rules' events of a sentence, plus those of other types the model's triggers make the
    rules recognise when they read the sentence again with them."""
    extra = learned_hits(found.facts, scorer, candidates)
    if not extra:
        return found
    hits = sorted([*found.facts.hits, *extra], key=lambda h: (h.start, -h.end))
    again = recognise_sentence(replace(found.facts, hits=hits), series)
    have = {m.type for m in found.events}
    added = tuple(m for m in again.events if m.type not in have and m.hit in extra)
    if not added:
        return found
    return replace(found, hits=found.hits + tuple(m.hit for m in added), events=found.events + added)
