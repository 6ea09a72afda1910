"""Several meetings in one sentence: "also held separate meetings with A, B and the service chiefs";
"follows General X's visit to Nepal and General Y's visit to India", an exchange of visits.

The real pages' guide counts one meeting with each counterpart when the text says the
meetings were separate (a group such as "the service chiefs" is one counterpart); without
that word, "held meetings with A and B" stays one meeting. The cue words are
`types.meeting.separate` and `group_counterpart` of `lexicons/triggers.json`.
"""

from __future__ import annotations

from dataclasses import replace

from detente.extract.arguments.draft import Draft
from detente.extract.mentions import Mentions
from detente.extract.recognise.triggers import rules


def separate_meetings(drafts: list[Draft], mentions: Mentions) -> list[Draft]:
    """Each meeting said to be separate becomes one draft per counterpart, hosts in each."""
    out: list[Draft] = []
    for draft in drafts:
        split = None
        if draft.type == "meeting" and draft.status == "occurred":
            split = _split(draft, mentions) or _exchange_of_visits(draft, mentions)
        out.extend(split or [draft])
    return out


def _exchange_of_visits(draft: Draft, mentions: Mentions) -> list[Draft] | None:
    """Each visitor named in "X's visit to A and Y's visit to B" made a visit of their own."""
    sentence = draft.sentence
    found = list(rules().exchange_visit.finditer(sentence.text))
    if len(found) < 2 or not any(m.start() <= draft.hit.start < m.end() for m in found):
        return None  # the sentence's meeting is another one ("held talks ..., weeks after X's visit ...")
    people = mentions.people_in(sentence)
    visitors = []
    for match in found:
        ends = [m.person for m in people if 0 <= m.end - sentence.start - match.start() <= 2]  # "X's"
        if not ends:
            return None  # "the country's visit to ...": not a person's visit
        visitors.append(ends[-1])
    if len(set(visitors)) < 2 or set(visitors) != set(draft.persons):
        return None
    return [_copy(draft, [visitor]) for visitor in dict.fromkeys(visitors)]


def _split(draft: Draft, mentions: Mentions) -> list[Draft] | None:
    sentence = draft.sentence
    cue = rules().separate.search(sentence.text)
    if cue is None:
        return None
    at = sentence.start + cue.end()
    first: dict[int, tuple[int, int]] = {}  # person: (start, end) of their first mention
    for mention in mentions.people_in(sentence):
        first.setdefault(mention.person, (mention.start, mention.end))
    counterparts = [p for p in draft.persons if p in first and first[p][0] >= at]
    hosts = [p for p in draft.persons if p not in counterparts]
    last_end = max((first[p][1] for p in counterparts), default=at) - sentence.start
    group = rules().group_counterpart.match(sentence.text, last_end)
    if len(counterparts) + bool(group) < 2:
        return None
    split = [_copy(draft, [*hosts, person]) for person in counterparts]
    if group:  # "... and Chiefs of the Tri-Services": a group is one counterpart, named by nobody
        split.append(_copy(draft, list(hosts)))
    return split


def _copy(draft: Draft, persons: list[int]) -> Draft:
    return replace(draft, persons=persons, texts=list(draft.texts), refs=list(draft.refs))
