"""Sentence-level argument attachment: from an event mention to a draft with what its own
sentence says (date, place, participants, states, name).

Each argument has its module (`dates.py`, `places.py`, `participants.py`, `countries.py`,
`names.py`); a clause that reports an earlier meeting ("After a meeting with X, ...") or
is set at another time ("..., a day after ...") gives none of them.
"""

from __future__ import annotations

from detente.extract.arguments.countries import attach_countries
from detente.extract.arguments.dates import sentence_date, year_of_name
from detente.extract.arguments.draft import Draft
from detente.extract.arguments.names import name_of
from detente.extract.arguments.participants import attach_participants
from detente.extract.arguments.places import place_clause_end, sentence_place
from detente.extract.lexicon import LexiconPatterns
from detente.extract.recognise.clauses import offset_clause
from detente.extract.recognise.event_mention import EventMention, SentenceEvents
from detente.extract.recognise.triggers import Hit

_MEETING = LexiconPatterns("recognise", "meeting")  # its background clause and visit-only triggers


def attach_sentence_arguments(found: list[SentenceEvents]) -> list[Draft]:
    """A draft per recognised event mention, in text order."""
    return [draft_of(mention, events) for events in found for mention in events.events]


def draft_of(mention: EventMention, found: SentenceEvents) -> Draft:
    facts = found.facts
    sentence, hit, event_type, status = mention.sentence, mention.hit, mention.type, mention.status
    text = sentence.text
    draft = Draft(event_type, status, sentence, hit, texts=[text])
    earlier = offset_clause(text, hit.start)
    draft.date = sentence_date(event_type, text, hit, facts.dates, earlier, planned=status == "planned")
    # the main clause's people and place belong to the main clause's event
    excluded = (0, earlier) if earlier is not None else _background_span(text, found.hits_of("meeting"))
    place_end = place_clause_end(text, hit)
    places = facts.mentions.places_in(sentence)
    draft.place = sentence_place(event_type, sentence, hit, places, excluded, place_end)
    attach_participants(draft, facts, excluded)
    attach_countries(draft, facts, excluded, place_end if event_type == "meeting" else len(text))
    draft.visit_only = event_type == "meeting" and bool(_MEETING.visit_only.match(hit.text))
    draft.name = name_of(event_type, text, hit)
    if event_type == "exercise" and draft.date is None and status == "occurred":
        draft.date = year_of_name(draft.name)  # "Neptune Bridge 2023, held off Naples"
    if mention.series_named and draft.name is None:
        draft.name = hit.text  # the series named bare: "Khaan Quest will return in June"
    return draft


def _background_span(text: str, meetings: list[Hit]) -> tuple[int, int] | None:
    """'After a meeting with X, ...': a clause reporting an earlier meeting, when another follows."""
    match = _MEETING.background_clause.search(text)
    if not match:
        return None
    others = [h for h in meetings if h.strong and not h.reference and h.start >= match.end()]
    return (match.start(), match.end()) if others else None
