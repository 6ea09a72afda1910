"""Document-level context, part two: visits and side meetings.

Where each visitor went ("the visit to Tehran by the Tajik minister"); a meeting without a
stated place happened there, or where the visit's last meeting was; a meeting "on the
sidelines" or "later that day" shares the main one's date and place.
"""

from __future__ import annotations

from collections.abc import Sequence

from detente.extract.arguments.draft import Draft
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions import Mentions
from detente.extract.page.sentences import Sentence
from detente.extract.recognise.triggers import rules
from detente.models import Place

_RULES = LexiconPatterns("arguments", "visits")


def visit_destinations(sentences: Sequence[Sentence], mentions: Mentions) -> dict[int, Place]:
    """Where each visitor went: 'the visit to Tehran by the Tajik minister', 'during his stay in Tehran'."""
    out: dict[int, tuple[int, Place]] = {}
    for sentence in sentences:
        if not _RULES.visit_words.search(sentence.text) or rules().proposed.search(sentence.text):
            continue  # an invitation to visit is no visit
        places = [p for p in mentions.places_in(sentence) if p.country]
        if not places:
            continue
        best = max(places, key=lambda p: p.rank)
        first_visit_word = _RULES.visit_words.search(sentence.text).start()
        for mention in mentions.people_in(sentence):
            person = mentions.people.people[mention.person]
            before = sentence.text[: mention.start - sentence.start]
            if person.country == best.country or _RULES.host_agent.search(before):
                continue  # "... was warmly received by the Defence Secretary": the host, not a visitor
            if len(before) > first_visit_word and not _RULES.visitor_after.search(before):
                continue  # "X visited Nairobi and met President Y": Y is the one visited
            previous = out.get(mention.person)
            if previous is None or best.rank > previous[0]:
                out[mention.person] = (best.rank, Place(best.place, best.country))
    return {k: v[1] for k, v in out.items()}


def place_meetings(drafts: list[Draft], destinations: dict[int, Place]) -> None:
    """A meeting without a stated place happened where its visitor was, or where the last one was."""
    previous: Draft | None = None
    for draft in drafts:
        if draft.type != "meeting" or draft.status != "occurred":
            continue
        if _RULES.remote.search(draft.hit.text):
            previous = draft
            continue  # a phone or video call happens nowhere in particular
        if draft.place is None:
            for person in draft.persons:
                if person in destinations:
                    draft.place = destinations[person]
                    break
        same_trip = previous is not None and (
            previous.sentence.paragraph == draft.sentence.paragraph
            or _RULES.during_visit.search(draft.sentence.text)
        )
        if draft.place is None and same_trip and set(previous.persons) & set(draft.persons):
            draft.place = previous.place  # "During his visit, X also held talks with Y": where the visit was
        previous = draft


def sideline_meetings(drafts: list[Draft]) -> None:
    """'On the sidelines of the retreat, X received Y': a side meeting shares the main one's date, place."""
    previous: Draft | None = None
    dated: Draft | None = None
    for draft in drafts:
        if draft.type != "meeting" or draft.status != "occurred":
            continue
        if previous is not None and _RULES.sidelines.search(draft.sentence.text):
            draft.place = draft.place or previous.place
            draft.date = draft.date or previous.date
        elif dated is not None and _RULES.same_day.match(draft.sentence.text):
            draft.date = draft.date or dated.date  # "Later, the general met ...": the same visit's day
        elif dated is not None and draft.date is None and set(draft.persons) & set(dated.persons):
            draft.date = dated.date  # "During the visit, X also called on Y": the visitor's one trip
        previous = draft
        dated = draft if draft.date is not None else dated
