"""The meeting recogniser: talks, visits, calls on, phone and video calls, commissions that meet.

Trigger words are `types.meeting` of `lexicons/triggers.json` (phone and video calls among
them); this module decides which hit of a sentence is a meeting that happened, is planned
or is proposed, and which only looks like one: troops arriving for a drill, a ship's port
call, trade officials' video conference, "the meeting" pointing back.
"""

from __future__ import annotations

from detente.extract.lexicon import LexiconPatterns
from detente.extract.recognise.event_mention import SentenceFacts
from detente.extract.recognise.status import modal_reference, status_of
from detente.extract.recognise.triggers import Hit, rules
from detente.extract.recognise.vetoes import civil_only

_RULES = LexiconPatterns("recognise", "meeting")


def recognise_meeting(text: str, hits: list[Hit], facts: SentenceFacts) -> Hit | None:
    r = rules()
    chosen = None
    for hit in hits:
        proposed_before = not hit.reference and r.proposed.search(text[: hit.start])
        if (hit.reference or not hit.strong) and not modal_reference(text, hit) and not proposed_before:
            continue  # "the meeting" points back; "regular dialogues" alone is no event
        if hit.text.lower() == "to visit" and status_of("meeting", text, hit) == "occurred":
            continue
        if _RULES.arrival.fullmatch(hit.text) and _RULES.units_before.search(text[: hit.start]):
            continue  # "the PLA contingent, which arrived in Sylhet": troops arriving for a drill meet nobody
        if _RULES.visit_kind.search(hit.text) and _RULES.vessel_subject.search(text[: hit.start]):
            continue  # "The Pakistan Navy ship PNS Taimur arrived ... on a goodwill visit": a port call
        if civil_only(text) and _RULES.civil_actors.search(text[: hit.start]):
            continue  # "Trade officials of the two countries also held a video conference on exports"
        if _RULES.passive.search(text[: hit.start]) and r.needs_person_object.fullmatch(hit.text):
            # "the contingent would be received at the base by General X": who was received must be a person
            before = text[: hit.start]
            if not facts.people_from(0, hit.start) and not _RULES.person_object.search(before):
                continue
        elif r.needs_person_object.fullmatch(hit.text):
            after = text[hit.end : hit.end + 90]
            has_person = bool(facts.people_from(hit.end, 90))  # the object may open the next sentence
            if not has_person and not _RULES.person_object.search(after):
                continue
        if r.needs_actor.fullmatch(hit.text) and not _has_actor(text, facts):
            continue
        if r.needs_person_subject.fullmatch(hit.text):
            has_person = bool(facts.people_from(0, hit.start))
            if not has_person and not _RULES.person_object.search(text[: hit.start]):
                continue
        background = _RULES.background_clause.search(text)
        if (
            background
            and background.start() <= hit.start < background.end()
            and any(
                h.strong and not h.reference and not background.start() <= h.start < background.end()
                for h in hits
            )
        ):
            continue
        if chosen is None or (_RULES.visit_only.match(chosen.text) and not _RULES.visit_only.match(hit.text)):
            chosen = hit
    return chosen


def _has_actor(text: str, facts: SentenceFacts) -> bool:
    """'The drop in output made it hard to meet demand' has no state actor; 'X met Y' has."""
    if facts.people or _RULES.actor_noun.search(text):
        return True
    return len({m.code for m in facts.mentions.states_in(facts.sentence)}) >= 2
