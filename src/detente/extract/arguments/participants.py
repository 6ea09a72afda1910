"""Who took part in an event, from its sentence: the people named, less the sources.

"according to X", "X told reporters", a spokesperson or an arms agency's chief quoted
after a deal are sources, not parties. The subjects (the people before the trigger) make a
pledge, an agreement or praise; "both sides agreed" takes the anchor meeting's people
later. Who will take part in a planned drill is not known yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from detente.extract.arguments.draft import Draft, inside, unique
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.states import gazetteer
from detente.extract.recognise.event_mention import SentenceFacts

if TYPE_CHECKING:
    from detente.extract.mentions import Mentions
    from detente.extract.page.sentences import Sentence

_RULES = LexiconPatterns("arguments", "participants")


def attach_participants(draft: Draft, facts: SentenceFacts, excluded: tuple[int, int] | None) -> None:
    """Sets the draft's persons, subjects and whether its subject is a group ("both sides")."""
    sentence, hit, event_type, status = draft.sentence, draft.hit, draft.type, draft.status
    text = sentence.text
    mentions = [m for m in facts.people if not inside(m.start - sentence.start, excluded)]
    opening = _RULES.earlier_meeting.match(text) if event_type == "meeting" else None
    if opening and opening.end() <= hit.start:
        mentions = [m for m in mentions if m.start - sentence.start >= opening.end()]
    if (
        event_type == "defence_industry"
    ):  # "..., Rosoboronexport chief X told reporters": a source, not a party
        mentions = [m for m in mentions if not _RULES.source_after.match(text[m.end - sentence.start :])]
    people = facts.mentions.people.people
    mentions = [  # "according to X", "X told reporters", a spokesperson: sources, not parties
        m
        for m in mentions
        if not _RULES.according_to.search(
            text[max(0, m.start - sentence.start - 80) : m.start - sentence.start]
        )
        and not (
            _RULES.told_press.match(text[m.end - sentence.start :]) and not _RULES.first_person.search(text)
        )
        and not _RULES.spokes.search(people[m.person].office or "")
    ]
    draft.persons = unique(m.person for m in mentions)
    clause = _RULES.reported.search(text[: hit.start]) if event_type == "agreement" else None
    clause_start = clause.end() if clause else 0
    before = [m for m in mentions if clause_start <= m.start - sentence.start < hit.start]
    draft.subjects = unique(m.person for m in before)
    if event_type == "praise" and not draft.subjects:
        speaker = _RULES.quote_speaker.search(text, hit.end)
        if speaker:
            offset = sentence.start + speaker.start("who")
            draft.subjects = unique(
                m.person for m in mentions if offset <= m.start < offset + len(speaker.group("who"))
            )
    if event_type == "meeting" and not draft.persons:
        draft.group_subject = bool(_RULES.group_meeting.match(text))
    if event_type in ("pledge", "agreement", "praise") and not draft.subjects:
        subject_text = text[clause_start : hit.start]
        draft.group_subject = bool(_RULES.subject_group.search(subject_text)) or _countries_before(
            subject_text
        )
    if event_type in ("exercise", "training", "defence_industry") and status == "planned":
        draft.persons = []
    elif status == "proposed" and event_type != "meeting":
        draft.persons = list(draft.subjects)


def group_meeting_people(drafts: list[Draft], sentences: Sequence[Sentence], mentions: Mentions) -> None:
    """"Shoigu briefed his counterpart Singh. The two ministers discussed ...": a meeting whose
    subject is a group ("the two ministers", "they") and names nobody is held by the people the
    sentence before names, when they are two or more (a paragraph break on a page is no break
    in the reference: outlets give every sentence its own paragraph)."""
    for draft in drafts:
        if draft.type != "meeting" or draft.persons or not draft.group_subject or draft.index == 0:
            continue
        people = unique(m.person for m in mentions.people_in(sentences[draft.index - 1]))
        if len(people) >= 2:
            draft.persons = people


def _countries_before(prefix: str) -> bool:
    return len(gazetteer().parties(prefix)) >= 1
