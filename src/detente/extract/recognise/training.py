"""The training recogniser: courses, instruction, officers trained or hosted for training.

Trigger words are `types.training` of `lexicons/triggers.json`; without a military
training cue in the sentence (a hypnotherapist's or a farmer's training) there is none.
"""

from __future__ import annotations

from detente.extract.recognise.event_mention import SentenceFacts
from detente.extract.recognise.status import modal_reference
from detente.extract.recognise.triggers import Hit, has_eventive, rules


def recognise_training(text: str, hits: list[Hit], facts: SentenceFacts, *, suppressed: bool) -> Hit | None:
    r = rules()
    if not r.training_cue.search(text):
        return None  # a hypnotherapist's or a rice farmer's training is no military exchange
    if "training" in r.negative and r.negative["training"].search(text):
        return None  # "Key publications include ... Seminar proceedings": a reading list
    modal = bool(r.planned.search(text) or r.proposed.search(text))
    for hit in hits:
        if hit.reference and not modal_reference(text, hit):
            continue
        if hit.strong and not suppressed:
            return hit
        if suppressed:
            continue
        if has_eventive(text) or facts.dates or modal:
            return hit
    return None
