"""Who took part in an event, from its sentence: the people named, less the sources.

"according to X", "X told reporters", a spokesperson or an arms agency's chief quoted
after a deal are sources, not parties. The subjects (the people before the trigger) make a
pledge, an agreement or praise; "both sides agreed" takes the anchor meeting's people
later. Who will take part in a planned drill is not known yet.
"""

from __future__ import annotations

import re

from detente.extract.arguments.draft import Draft, inside, unique
from detente.extract.mentions.states import gazetteer
from detente.extract.recognise.event_mention import SentenceFacts

_QUOTE_SPEAKER = re.compile(r"[”\"],?\s+(?P<who>[^,.]{1,60}?)\s+(?:added|said|noted|stated|told|remarked)\b")

_SUBJECT_GROUP = re.compile(
    r"\b(?:both|two|sides|leaders|countries|nations|ministers|officials|the two)\b", re.I
)

_REPORTED = re.compile(
    r".*\b(?:said|says|noted|stated|told \w+|announced|added|believes|reported)\s+"
    r"(?:\w+\s+){0,2}?(?:that\s+)?",
    re.S,
)

_ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)

_TOLD_PRESS = re.compile(
    r"^[^.,;]{0,40}?\btold\s+(?:reporters|journalists|the press|a news conference|a press conference|"
    r"(?-i:[A-Z][\w.]+)(?:\s+(?-i:[A-Z][\w.]+)){0,2})\b",
    re.I,
)

_FIRST_PERSON = re.compile(r"[\"“][^\"”]*\b(?:We|we|I|our|Our|us)\b")  # "We held talks," X told reporters

_SPOKES = re.compile(r"spokes|analyst|researcher|professor|correspondent|reporter|editor", re.I)

_SOURCE_AFTER = re.compile(r"^[^.,;]{0,40}?\b(?:told|said|says|according)\b")

_GROUP_MEETING = re.compile(r"^(?:The two|Both|The sides|The ministers|The leaders|The officials|They)\b")


def attach_participants(draft: Draft, facts: SentenceFacts, excluded: tuple[int, int] | None) -> None:
    """Sets the draft's persons, subjects and whether its subject is a group ("both sides")."""
    sentence, hit, event_type, status = draft.sentence, draft.hit, draft.type, draft.status
    text = sentence.text
    mentions = [m for m in facts.people if not inside(m.start - sentence.start, excluded)]
    if (
        event_type == "defence_industry"
    ):  # "..., Rosoboronexport chief X told reporters": a source, not a party
        mentions = [m for m in mentions if not _SOURCE_AFTER.match(text[m.end - sentence.start :])]
    people = facts.mentions.people.people
    mentions = [  # "according to X", "X told reporters", a spokesperson: sources, not parties
        m
        for m in mentions
        if not _ACCORDING_TO.search(text[max(0, m.start - sentence.start - 80) : m.start - sentence.start])
        and not (_TOLD_PRESS.match(text[m.end - sentence.start :]) and not _FIRST_PERSON.search(text))
        and not _SPOKES.search(people[m.person].office or "")
    ]
    draft.persons = unique(m.person for m in mentions)
    clause = _REPORTED.search(text[: hit.start]) if event_type == "agreement" else None
    clause_start = clause.end() if clause else 0
    before = [m for m in mentions if clause_start <= m.start - sentence.start < hit.start]
    draft.subjects = unique(m.person for m in before)
    if event_type == "praise" and not draft.subjects:
        speaker = _QUOTE_SPEAKER.search(text, hit.end)
        if speaker:
            offset = sentence.start + speaker.start("who")
            draft.subjects = unique(
                m.person for m in mentions if offset <= m.start < offset + len(speaker.group("who"))
            )
    if event_type == "meeting" and not draft.persons:
        draft.group_subject = bool(_GROUP_MEETING.match(text))
    if event_type in ("pledge", "agreement", "praise") and not draft.subjects:
        subject_text = text[clause_start : hit.start]
        draft.group_subject = bool(_SUBJECT_GROUP.search(subject_text)) or _countries_before(subject_text)
    if event_type in ("exercise", "training", "defence_industry") and status == "planned":
        draft.persons = []
    elif status == "proposed" and event_type != "meeting":
        draft.persons = list(draft.subjects)


def _countries_before(prefix: str) -> bool:
    return len(gazetteer().parties(prefix)) >= 1
