"""The meeting recogniser: talks, visits, calls on, phone and video calls, commissions that meet.

Trigger words are `types.meeting` of `lexicons/triggers.json` (phone and video calls among
them); this module decides which hit of a sentence is a meeting that happened, is planned
or is proposed, and which only looks like one: troops arriving for a drill, a ship's port
call, trade officials' video conference, "the meeting" pointing back.
"""

from __future__ import annotations

import re

from detente.extract.recognise.event_mention import SentenceFacts
from detente.extract.recognise.status import modal_reference, status_of
from detente.extract.recognise.triggers import Hit, rules
from detente.extract.recognise.vetoes import civil_only

BACKGROUND_CLAUSE = re.compile(
    r"\b(?:After|Following|Before|after|following|before)\s+(?:a|the|his|her)\s+(?:[\w-]+\s+)?meeting\s+with\b[^,]*,"
)

VISIT_ONLY = re.compile(
    r"^(?:arrived in|visit to|visited|paid (?:a|an) (?:[\w-]+ )?visit|"
    r"(?:official|working|state|goodwill|maiden|first|two-day|three-day|one-day|unannounced|bilateral) "
    r"visit)$",
    re.I,
)

_ACTOR_NOUN = re.compile(
    r"\b(?:ministers?|chiefs?|generals?|admirals?|commanders?|delegations?|officials|secretary|president|envoys?|ambassadors?|"
    r"counterparts?|leaders|officers|attache|committee|commission|working group|two sides|both sides)\b",
    re.I,
)

_PASSIVE = re.compile(r"\b(?:be|been|was|were|is|are|being)\s+$")

_PERSON_OBJECT = re.compile(
    r"\b(?:delegation|minister|general|admiral|chief|secretary|president|counterpart|commander|envoy|ambassador|attache|prime|"
    r"excellency|dialogue|talks|meeting|consultations|commission|committee|forum|summit|conference|heads?)s?\b",
    re.I,
)

_ARRIVAL = re.compile(r"arrived in|travell?ed to|flew to", re.I)

_UNITS_BEFORE = re.compile(
    r"\b(?:contingent|troops|soldiers|personnel|servicemen|sailors|marines|ships?|vessels?|frigates?|"
    r"destroyers?|aircraft|jets|fleet|flotilla|task group|units?|detachment|battalion|company)"
    r"(?:,?\s+(?:which|that|who))?"
    r"(?:\s+[\w-]+){0,3}\s+$",
    re.I,
)

_VISIT_KIND = re.compile(r"\bvisit\b|arrived", re.I)

_VESSEL_SUBJECT = re.compile(
    r"^\W*(?:The\s+)?(?:[\w'’-]+\s+){0,4}"
    r"(?:ship|vessel|frigate|corvette|destroyer|submarine|flotilla|task group)\b",
    re.I,
)

_CIVIL_ACTORS = re.compile(
    r"\b(?:trade|commerce|economic|business|finance|agriculture|health|energy|tourism)\s+"
    r"(?:officials?|ministers?|delegations?|leaders|executives)\b",
    re.I,
)


def recognise_meeting(text: str, hits: list[Hit], facts: SentenceFacts) -> Hit | None:
    r = rules()
    chosen = None
    for hit in hits:
        proposed_before = not hit.reference and r.proposed.search(text[: hit.start])
        if (hit.reference or not hit.strong) and not modal_reference(text, hit) and not proposed_before:
            continue  # "the meeting" points back; "regular dialogues" alone is no event
        if hit.text.lower() == "to visit" and status_of("meeting", text, hit) == "occurred":
            continue
        if _ARRIVAL.fullmatch(hit.text) and _UNITS_BEFORE.search(text[: hit.start]):
            continue  # "the PLA contingent, which arrived in Sylhet": troops arriving for a drill meet nobody
        if _VISIT_KIND.search(hit.text) and _VESSEL_SUBJECT.search(text[: hit.start]):
            continue  # "The Pakistan Navy ship PNS Taimur arrived ... on a goodwill visit": a port call
        if civil_only(text) and _CIVIL_ACTORS.search(text[: hit.start]):
            continue  # "Trade officials of the two countries also held a video conference on exports"
        if _PASSIVE.search(text[: hit.start]) and r.needs_person_object.fullmatch(hit.text):
            # "the contingent would be received at the base by General X": who was received must be a person
            before = text[: hit.start]
            if not facts.people_from(0, hit.start) and not _PERSON_OBJECT.search(before):
                continue
        elif r.needs_person_object.fullmatch(hit.text):
            after = text[hit.end : hit.end + 90]
            has_person = bool(facts.people_from(hit.end, 90))  # the object may open the next sentence
            if not has_person and not _PERSON_OBJECT.search(after):
                continue
        if r.needs_actor.fullmatch(hit.text) and not _has_actor(text, facts):
            continue
        if r.needs_person_subject.fullmatch(hit.text):
            has_person = bool(facts.people_from(0, hit.start))
            if not has_person and not _PERSON_OBJECT.search(text[: hit.start]):
                continue
        background = BACKGROUND_CLAUSE.search(text)
        if (
            background
            and background.start() <= hit.start < background.end()
            and any(
                h.strong and not h.reference and not background.start() <= h.start < background.end()
                for h in hits
            )
        ):
            continue
        if chosen is None or (VISIT_ONLY.match(chosen.text) and not VISIT_ONLY.match(hit.text)):
            chosen = hit
    return chosen


def _has_actor(text: str, facts: SentenceFacts) -> bool:
    """'The drop in output made it hard to meet demand' has no state actor; 'X met Y' has."""
    if facts.people or _ACTOR_NOUN.search(text):
        return True
    return len({m.code for m in facts.mentions.states_in(facts.sentence)}) >= 2
