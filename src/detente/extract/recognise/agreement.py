"""The agreement recogniser: instruments signed, adopted or agreed (MoUs, plans, treaties, protocols).

Trigger words are `types.agreement` of `lexicons/triggers.json`; civil instruments ("on
hydrogen energy and healthcare") and back-references ("the agreement") are no new event.
"""

from __future__ import annotations

from detente.extract.recognise.event_mention import SentenceFacts
from detente.extract.recognise.status import modal_reference
from detente.extract.recognise.triggers import Hit, rules
from detente.extract.recognise.vetoes import civil_subjects_only


def recognise_agreement(text: str, hits: list[Hit], facts: SentenceFacts) -> Hit | None:
    r = rules()
    negative = r.negative.get("agreement")
    for hit in hits:
        if hit.reference and not modal_reference(text, hit):
            continue
        window = text[max(0, hit.start - 20) : hit.end + 15]
        if negative is not None and negative.search(window):
            continue
        if civil_subjects_only(text, hit):
            continue  # "signed memoranda of understanding on hydrogen energy and healthcare"
        if r.bloc_history.search(hit.text) and not r.bloc_named.search(text):
            continue  # "we were joined by four other men": a bloc's founding or members need the bloc
        if hit.strong or r.agreement_verbs.search(text):
            return hit
    return None
