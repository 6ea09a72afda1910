"""Document-level context, part one: sentences that point back to an event, follow it, or name
its delegations.

- back-references ("The meeting was led by ...", "the exercise") add people, date, place
  and topics to the event they point to;
- follow-on sentences ("Conducted from August 4 to 9, 2025, at Fakhrobod Base") supply a
  date or place an event still lacks;
- "The Chilean delegation was led by General X" names the people of the meeting before.
"""

from __future__ import annotations

from collections.abc import Sequence

from detente.extract.arguments.dates import earlier_start, is_statement_date
from detente.extract.arguments.draft import ANCHOR_TYPES, Draft
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions import Mentions
from detente.extract.mentions.places import best_place, more_specific
from detente.extract.page.sentences import Sentence
from detente.extract.recognise.candidates import Candidates
from detente.extract.recognise.status import modal_reference
from detente.time_limit import check_time_limit

_RULES = LexiconPatterns("arguments", "references")

_REFERENCE_TARGET = {
    "meeting": "meeting",
    "exercise": "exercise",
    "training": "training",
    "agreement": "agreement",
}


def attach_references(
    drafts: list[Draft], sentences: Sequence[Sentence], candidates: Candidates, mentions: Mentions
) -> None:
    """Sentences that point back to an event ("the talks", "the exercise") enrich it."""
    for sentence in sentences:
        check_time_limit()
        own = {d.type for d in drafts if d.sentence.index == sentence.index}
        for hit in candidates.hits.get(sentence.index, []):
            target_type = _REFERENCE_TARGET.get(hit.type)
            if target_type is None or target_type in own:
                continue
            if not hit.reference or modal_reference(sentence.text, hit):
                continue  # "agreed to hold the next round of the dialogue" is a new, planned event
            mentioned = {m.person for m in mentions.people_in(sentence)}
            target = _referent(drafts, target_type, sentence.index, mentioned)
            if target is None or sentence in target.refs:
                continue
            target.refs.append(sentence)
            target.texts.append(sentence.text)
            if target.status != "occurred":
                continue
            for m in mentions.people_in(sentence):
                if m.person not in target.persons and target_type in ("meeting", "agreement", "exercise"):
                    target.persons.append(m.person)
            if target.date is None:
                found = [d for o, d in mentions.dates_in(sentence) if not is_statement_date(sentence.text, o)]
                target.date = found[0] if found else None
            place = best_place(mentions.places_in(sentence), hit.start)
            if target.place is None or (place and more_specific(place, target.place)):
                target.place = place or target.place
            if target_type == "exercise":
                earlier_start(target, sentence, mentions.dates_in(sentence))
            break


def _referent(drafts: list[Draft], event_type: str, before_index: int, mentioned: set[int]) -> Draft | None:
    """The event 'the meeting' points to: the one sharing most people with the sentence, else the latest."""
    earlier = [
        d
        for d in drafts
        if d.type == event_type and d.sentence.index < before_index and d.status == "occurred"
    ]
    earlier = [d for d in earlier if not d.past_edition] or earlier
    if not earlier:
        return None
    return max(enumerate(earlier), key=lambda pair: (len(mentioned & set(pair[1].persons)), pair[0]))[1]


def follow_on_details(
    drafts: list[Draft], sentences: Sequence[Sentence], mentions: Mentions, new_event_sentences: set[int]
) -> None:
    """An event's next sentences in its paragraph may give its date or place ("Conducted from ...")."""
    by_index = {s.index: s for s in sentences}
    for draft in drafts:
        if draft.status != "occurred" or draft.type not in ANCHOR_TYPES:
            continue
        for step in (1, 2):
            follower = by_index.get(draft.index + step)
            if follower is None or follower.paragraph != draft.sentence.paragraph:
                break
            if follower.index in new_event_sentences:
                break
            own = [d for o, d in mentions.dates_in(follower) if not is_statement_date(follower.text, o)]
            if draft.date is None and own:
                draft.date = own[0]  # not "the ministry said on Tuesday": when it was told
            if draft.place is None:
                draft.place = best_place(mentions.places_in(follower), 0)


def delegation_leaders(drafts: list[Draft], sentences: Sequence[Sentence], mentions: Mentions) -> None:
    """'The Chilean delegation was led by General X, and the Peruvian side by General Y': the people of
    the meeting just reported, named in a sentence of their own."""
    meetings = [d for d in drafts if d.type == "meeting" and d.status == "occurred"]
    stated = {d.index for d in drafts}
    for sentence in sentences:
        if sentence.index in stated or not _RULES.led_by.search(sentence.text):
            continue
        earlier = [m for m in meetings if 0 < sentence.index - m.index <= 2]
        if not earlier:
            continue
        target = earlier[-1]
        for mention in mentions.people_in(sentence):
            if mention.person not in target.persons:
                target.persons.append(mention.person)
        if sentence not in target.refs:
            target.refs.append(sentence)
            target.texts.append(sentence.text)
