"""The document pass: context that no single sentence carries.

- back-references ("The meeting was led by ...") add people, date, place and
  topics to the event they point to;
- follow-on sentences ("Conducted from August 4 to 9, 2025, at Fakhrobod Base")
  supply a date or place an event still lacks;
- a pledge, praise or agreement made at a meeting inherits the meeting's date,
  place and (for "both sides agreed") its people;
- one happening is one event: repeated meetings, all pledges of one meeting,
  a visit and the meetings held during it, are merged.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from detente.extract.clauses import recalled_after
from detente.extract.drafts import Draft, is_statement_date
from detente.extract.people import PersonTable
from detente.extract.places import best_place, find_places
from detente.extract.text import Sentence
from detente.extract.triggers import Hit, modal_reference, rules
from detente.models import EventDate, Place

_VISIT_WORDS = re.compile(r"\b(?:visit\w*|arrived|arrival|stay|trip|tour\w*|travell?ed|flew)\b", re.I)
_HOST_AGENT = re.compile(
    r"\b(?:received|welcomed|hosted|greeted|met)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I
)
_VISITOR_AFTER = re.compile(r"\b(?:by|visiting)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)
_DURING_VISIT = re.compile(
    r"\b(?:during|in the course of) (?:his|her|their|the) (?:[\w-]+ )?(?:visit|stay|trip)\b", re.I
)
_LED_BY = re.compile(
    r"\b(?:delegations?|side|team)\b[^.;]{0,40}?\b(?:was|were)\s+(?:led|headed)\s+by\b"
    r"|\b(?:was|were)\s+(?:also\s+)?attended\s+by\b",
    re.I,
)
_OPENED = re.compile(r"\b(?:opened|began|started|commenced|kicked off)\s+on\b", re.I)
_REMOTE = re.compile(r"phone|video|virtual|telephone", re.I)
_SAME_DAY = re.compile(
    r"^(?:Later|Afterwards|Subsequently)\b(?! (?:this|next|in (?:19|20)))"
    r"|^(?:Earlier|Later) (?:in the day|that day|on the same day)\b"
    r"|^[^,.]{0,40}\b(?:later|earlier) (?:in the day|that day)\b"
    r"|^[^,.]{0,40}\blater\b(?! (?:this|next|in))"
)
_SIDELINES = re.compile(r"\b(?:on|at) the sidelines\b", re.I)
_SERIES_SUFFIX = re.compile(r"[- ](?:[IVX]{1,4}|\d{1,2}|\d{4})$")
_ANCHOR_TYPES = ("meeting", "exercise", "training")
RECENT_DAYS = 31
_OPENING = re.compile(r"\bopening (?:ceremony|session|day)\b", re.I)
_PLUPERFECT = re.compile(
    r"\bhad\s+(?:first\s+|previously\s+|earlier\s+|already\s+|last\s+)?(?:met|held|visited|hosted)\b"
)
_ANOTHER = re.compile(r"\b(?:also|another|a second|a further|separately)\b", re.I)
_BLOC_REFERENCE = re.compile(
    r"^(?:Their|They|All|The (?:ministers|leaders|chiefs|delegations|participants|member states|countries|"
    r"navies|armies|forces|three|four|five|six|seven|eight))\b"
    r"|\bthe next (?:forum|meeting|summit|session|round|edition|conference|dialogue)\b",
    re.I,
)
_BLOC_REACH = 6  # sentences: "Their navies will ..." points back to the gathering just reported
_REFERENCE_TARGET = {
    "meeting": "meeting",
    "exercise": "exercise",
    "training": "training",
    "agreement": "agreement",
}


def attach_references(
    drafts: list[Draft], sentences: list[Sentence], hits: dict[int, list[Hit]], dates, people: PersonTable
) -> None:
    """Sentences that point back to an event ("the talks", "the exercise") enrich it."""
    for sentence in sentences:
        own = {d.type for d in drafts if d.sentence.index == sentence.index}
        for hit in hits.get(sentence.index, []):
            target_type = _REFERENCE_TARGET.get(hit.type)
            if target_type is None or target_type in own:
                continue
            if not hit.reference or modal_reference(sentence.text, hit):
                continue  # "agreed to hold the next round of the dialogue" is a new, planned event
            mentioned = {m.person for m in people.between(sentence.start, sentence.end)}
            target = _referent(drafts, target_type, sentence.index, mentioned)
            if target is None or sentence in target.refs:
                continue
            target.refs.append(sentence)
            target.texts.append(sentence.text)
            if target.status != "occurred":
                continue
            mentions = people.between(sentence.start, sentence.end)
            for m in mentions:
                if m.person not in target.persons and target_type in ("meeting", "agreement", "exercise"):
                    target.persons.append(m.person)
            if target.date is None:
                found = [
                    d for o, d in dates.get(sentence.index, []) if not is_statement_date(sentence.text, o)
                ]
                target.date = found[0] if found else None
            place = best_place(find_places(sentence.text), hit.start)
            if target.place is None or (place and _more_specific(place, target.place)):
                target.place = place or target.place
            if target_type == "exercise":
                _earlier_start(target, sentence, dates.get(sentence.index, []))
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
    drafts: list[Draft], sentences: list[Sentence], dates, new_event_sentences: set[int]
) -> None:
    """An event's next sentences in its paragraph may give its date or place ("Conducted from ...")."""
    by_index = {s.index: s for s in sentences}
    for draft in drafts:
        if draft.status != "occurred" or draft.type not in _ANCHOR_TYPES:
            continue
        for step in (1, 2):
            follower = by_index.get(draft.index + step)
            if follower is None or follower.paragraph != draft.sentence.paragraph:
                break
            if follower.index in new_event_sentences:
                break
            own = [d for o, d in dates.get(follower.index, []) if not is_statement_date(follower.text, o)]
            if draft.date is None and own:
                draft.date = own[0]  # not "the ministry said on Tuesday": when it was told
            if draft.place is None:
                draft.place = best_place(find_places(follower.text), 0)


def choose_anchors(drafts: list[Draft], published: date | None = None) -> None:
    """The meeting or exercise at which a pledge, praise or agreement was made.

    Without one, a signing or a launch is where the words were said. An occasion long before
    publication ("a passing exercise last year") anchors nothing when a recent one exists.
    """
    anchors = [
        d
        for d in drafts
        if d.type in _ANCHOR_TYPES
        and d.status == "occurred"
        and not _PLUPERFECT.search(d.sentence.text[: d.hit.end])
    ]  # "Badaru had first met Crosetto in November": an earlier meeting, not where today's words were said
    signings = [
        d
        for d in drafts
        if d.type in ("agreement", "defence_industry") and d.status == "occurred" and (d.date or d.persons)
    ]
    if published is not None and not any(_recent(d, published) for d in anchors):
        anchors = [d for d in signings if _recent(d, published)] or anchors
    anchors = anchors or signings
    main = next((d for d in anchors if d.type == "meeting" and d.persons and not d.visit_only), None)
    main = main or (anchors[0] if anchors else None)
    for draft in drafts:
        if (
            draft.type not in ("pledge", "praise", "agreement", "defence_industry")
            or draft.status != "occurred"
        ):
            continue
        if draft.type in ("agreement", "defence_industry") and draft.date is not None:
            continue
        draft.anchor = _nearest_anchor(draft, anchors, wide=draft.type in ("pledge", "praise")) or (
            main if draft.type in ("pledge", "praise") else None
        )


def _recent(draft: Draft, published: date) -> bool:
    """Dated within a month before publication, or undated."""
    start = draft.date.start if draft.date else None
    return start is None or 0 <= (published - start).days <= RECENT_DAYS


def _nearest_anchor(draft: Draft, anchors: list[Draft], *, wide: bool) -> Draft | None:
    best: tuple[tuple[int, int, int, int, int], Draft] | None = None
    recalled = recalled_after(draft.sentence.text, draft.hit.end)
    for anchor in anchors:
        if anchor is draft:
            continue
        if anchor.index == draft.index and recalled is not None and anchor.hit.start >= recalled:
            continue  # "lauded ..., recalling that instructors trained units in 2017": not said in 2017
        indices = [anchor.index] + [s.index for s in anchor.refs]
        distance = min(abs(i - draft.index) for i in indices)
        same_paragraph = anchor.sentence.paragraph == draft.sentence.paragraph or any(
            s.paragraph == draft.sentence.paragraph for s in anchor.refs
        )
        shares = bool(set(anchor.persons) & set(draft.subjects or draft.persons))
        if not shares and not same_paragraph and distance > (4 if wide else 1):
            continue
        looks_back = distance > 1 or _ANOTHER.search(draft.sentence.text)  # "also agreed" points back
        if not same_paragraph and anchor.index > draft.index and looks_back:
            continue
        after = 0 if anchor.index <= draft.index else 1
        key = (0 if shares else 1, int(anchor.past_edition), 0 if same_paragraph else 1, after, distance)
        if best is None or key < best[0]:
            best = (key, anchor)
    return best[1] if best else None


def inherit_from_anchors(drafts: list[Draft]) -> None:
    for draft in drafts:
        anchor = draft.anchor
        if anchor is None:
            continue
        said_where = draft.type in (
            "pledge",
            "praise",
        )  # "pledged to keep troops in Somalia": not where it was said
        if draft.date is None or (said_where and anchor.date is not None):
            draft.date = anchor.date
            if (
                draft.type == "praise"
                and anchor.date
                and anchor.date.end
                and anchor.date.end != anchor.date.start
            ):
                day = anchor.date.start if _OPENING.search(draft.sentence.text) else anchor.date.end
                draft.date = EventDate(day, day, anchor.date.precision)  # said at the opening or the close
        if draft.place is None or (said_where and anchor.place is not None):
            draft.place = anchor.place
        if not draft.subjects and (draft.group_subject or draft.type == "pledge" or not draft.persons):
            draft.persons = list(anchor.persons) if len(anchor.countries) <= 2 else []
        elif draft.type in ("pledge", "praise"):
            draft.persons = list(draft.subjects)
        if len(draft.countries) < 2:
            draft.countries = list(dict.fromkeys(draft.countries + anchor.countries))


def merge_duplicates(drafts: list[Draft], types: tuple[str, ...] | None = None) -> list[Draft]:
    """One happening, one event (only among `types` when given)."""
    kept: list[Draft] = []
    for draft in drafts:
        if types is not None and draft.type not in types:
            kept.append(draft)
            continue
        target = next(
            (k for k in kept if (types is None or k.type in types) and _same_happening(k, draft, kept)), None
        )
        if target is None:
            kept.append(draft)
            continue
        _absorb(target, draft)
    for draft in kept:
        while draft.anchor is not None and draft.anchor.absorbed_into is not None:
            draft.anchor = draft.anchor.absorbed_into
    return kept


def _same_happening(a: Draft, b: Draft, kept: list[Draft]) -> bool:
    if a.status == "proposed" == b.status and (a.type == b.type or b.type == "pledge"):
        return abs(a.index - b.index) == 1 and a.sentence.paragraph == b.sentence.paragraph
    if a.type != b.type or a.status != b.status or a.status == "proposed":
        return False
    if a.type in ("pledge", "praise"):
        if a.anchor is None or a.anchor is not b.anchor:
            return a.sentence.index == b.sentence.index
        if a.type == "praise":
            return _praiser(a) == _praiser(b)
        return True
    if a.type in ("exercise", "training") and a.status == "planned":
        return not a.name or not b.name or a.name == b.name
    if a.type == "exercise" and a.name and b.name:
        return a.name == b.name
    if not _dates_compatible(a.date, b.date, loose=a.visit_only or b.visit_only):
        return False
    if a.type == "meeting":
        if _SIDELINES.search(b.sentence.text) or (len(a.countries) >= 3) != (len(b.countries) >= 3):
            return False
        pa, pb = set(a.persons), set(b.persons)
        if not pa and pb and _elaborates(a, b):
            return True  # "The heads of the border services met in Tashkent ... General X held talks with Y"
        if not pb and b.group_subject:
            latest = [k for k in kept if k.type == "meeting" and k.status == "occurred"]
            return bool(latest) and latest[-1] is a
        if pa and pb:
            if not (pa <= pb or pb <= pa):
                return False
            if pb - pa and _ANOTHER.search(b.sentence.text[: b.hit.start]):
                return False  # "He also met the army chief": one more meeting of the visit
            return _places_compatible(a.place, b.place) or a.visit_only or b.visit_only
        return (
            not pa
            and not pb
            and a.date is not None
            and b.date is not None
            and set(a.countries) == set(b.countries)
        )
    if a.date is None or b.date is None:
        return a.sentence.index == b.sentence.index
    if _ANOTHER.search(b.sentence.text[: b.hit.start]):
        return False  # "The two also signed a ...": a second instrument of the same day
    return set(a.countries) == set(b.countries) and a.name == b.name


def _elaborates(summary: Draft, detail: Draft) -> bool:
    """A named meeting right after an unnamed one, with no time or place of its own, is the same meeting."""
    close = 0 < detail.index - summary.index <= 2
    undated = detail.date is None and detail.place is None
    return close and undated and bool(summary.date or summary.place) and not detail.visit_only


def _praiser(draft: Draft) -> tuple:
    return tuple(sorted(draft.subjects)) or tuple(draft.countries[:1])


def _absorb(target: Draft, other: Draft) -> None:
    if target.visit_only and not other.visit_only:
        target.hit, target.sentence, target.visit_only = other.hit, other.sentence, False
        target.place = _within(other.place, target.place) or target.place
        target.date = other.date or target.date
    for person in other.persons:
        if person not in target.persons:
            target.persons.append(person)
    for code in other.countries:
        if code not in target.countries and target.type not in ("pledge", "praise"):
            target.countries.append(code)
    target.texts.extend(other.texts)
    target.refs.extend(
        x for x in [other.sentence, *other.refs] if x is not target.sentence and x not in target.refs
    )
    target.date = target.date or other.date
    if target.place is None or (other.place and _more_specific(other.place, target.place)):
        target.place = other.place or target.place
    other.absorbed = True
    other.absorbed_into = target


def _within(facility: Place | None, city: Place | None) -> Place | None:
    """'the Blue House' on a visit to Seoul is 'Blue House, Seoul': the facility keeps the city's state."""
    if facility is None or city is None or facility.country or not (facility.place and city.place):
        return facility
    if city.place in facility.place:
        return Place(facility.place, city.country)
    return Place(f"{facility.place}, {city.place}", city.country)


def _more_specific(new: Place, old: Place) -> bool:
    """'Ministry of Defence, Mogadishu' refines 'Mogadishu'; a place refines a bare country."""
    if not new.place:
        return False
    if not old.place:
        return True
    return old.place in new.place and new.place != old.place


def _dates_compatible(a: EventDate | None, b: EventDate | None, *, loose: bool) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return True
    if loose:
        return abs((a.start - b.start).days) <= 7
    width = {"day": 10, "month": 7, "year": 4}
    n = min(width.get(a.precision, 4), width.get(b.precision, 4))
    return a.start.isoformat()[:n] == b.start.isoformat()[:n]


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.place and b.place:
        return (
            bool(set(a.place.lower().split(", ")) & set(b.place.lower().split(", ")))
            or a.country == b.country
        )
    return a.country is None or b.country is None or a.country == b.country


def main_dyad(mentions_per_sentence: list[list[str]]) -> list[str]:
    """The two states the article is mostly about."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for position, codes in enumerate(mentions_per_sentence):
        for code in codes:
            counts[code] += 1
            first.setdefault(code, position)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    return ranked[:2]


def visit_destinations(sentences: list[Sentence], people: PersonTable) -> dict[int, Place]:
    """Where each visitor went: 'the visit to Tehran by the Tajik minister', 'during his stay in Tehran'."""
    out: dict[int, tuple[int, Place]] = {}
    for sentence in sentences:
        if not _VISIT_WORDS.search(sentence.text) or rules().proposed.search(sentence.text):
            continue  # an invitation to visit is no visit
        places = [p for p in find_places(sentence.text) if p.country]
        if not places:
            continue
        best = max(places, key=lambda p: p.rank)
        first_visit_word = _VISIT_WORDS.search(sentence.text).start()
        for mention in people.between(sentence.start, sentence.end):
            person = people.people[mention.person]
            before = sentence.text[: mention.start - sentence.start]
            if person.country == best.country or _HOST_AGENT.search(before):
                continue  # "... was warmly received by the Defence Secretary": the host, not a visitor
            if len(before) > first_visit_word and not _VISITOR_AFTER.search(before):
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
        if _REMOTE.search(draft.hit.text):
            previous = draft
            continue  # a phone or video call happens nowhere in particular
        if draft.place is None:
            for person in draft.persons:
                if person in destinations:
                    draft.place = destinations[person]
                    break
        same_trip = previous is not None and (
            previous.sentence.paragraph == draft.sentence.paragraph
            or _DURING_VISIT.search(draft.sentence.text)
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
        if previous is not None and _SIDELINES.search(draft.sentence.text):
            draft.place = draft.place or previous.place
            draft.date = draft.date or previous.date
        elif dated is not None and _SAME_DAY.match(draft.sentence.text):
            draft.date = draft.date or dated.date  # "Later, the general met ...": the same visit's day
        elif dated is not None and draft.date is None and set(draft.persons) & set(dated.persons):
            draft.date = dated.date  # "During the visit, X also called on Y": the visitor's one trip
        previous = draft
        dated = draft if draft.date is not None else dated


def name_editions(drafts: list[Draft]) -> None:
    """'the next edition of the exercise' belongs to the series the article names."""
    names = [d.name for d in drafts if d.type == "exercise" and d.name]
    if not names:
        return
    for draft in drafts:
        if (
            draft.type == "exercise"
            and not draft.name
            and re.search(r"edition|exercise|drill|iteration", draft.hit.text, re.I)
        ):
            draft.name = _SERIES_SUFFIX.sub("", names[0])


def praisers_join_exercises(drafts: list[Draft]) -> None:
    """The officer who lauds an exercise at its close took part in it."""
    for draft in drafts:
        anchor = draft.anchor
        if draft.type == "praise" and anchor is not None and anchor.type in ("exercise", "training"):
            for person in draft.subjects or draft.persons:
                if person not in anchor.persons:
                    anchor.persons.append(person)


def _earlier_start(target: Draft, sentence: Sentence, found: list) -> None:
    """'The exercise, which opened on May 14, ...': the span starts at the opening."""
    if not found or target.date is None or target.date.start is None or not _OPENED.search(sentence.text):
        return
    start = found[0][1]
    if start.start and start.start < target.date.start and (target.date.start - start.start).days < 120:
        target.date = EventDate(start.start, target.date.end or target.date.start, start.precision)


def share_bloc(drafts: list[Draft]) -> None:
    """'Their navies will also exercise', 'X offered to host the next forum': every state of the
    multilateral gathering just reported takes part, not only those the sentence names."""
    blocs = [d for d in drafts if d.type == "meeting" and d.status == "occurred" and len(d.countries) >= 3]
    for draft in drafts:
        if draft in blocs or not _BLOC_REFERENCE.search(draft.sentence.text):
            continue
        earlier = [b for b in blocs if 0 <= draft.index - b.index <= _BLOC_REACH]
        if not earlier:
            continue
        gathering = earlier[-1]
        bloc = gathering.countries
        own = draft.countries + ([draft.place.country] if draft.place and draft.place.country else [])
        if set(own) <= set(bloc):
            draft.countries = list(dict.fromkeys(draft.countries + bloc))
            if draft.status == "occurred":  # "The ministers adopted a declaration": at the gathering
                draft.date = draft.date or gathering.date
                draft.place = draft.place or gathering.place


def delegation_leaders(drafts: list[Draft], sentences: list[Sentence], people: PersonTable) -> None:
    """'The Chilean delegation was led by General X, and the Peruvian side by General Y': the people of
    the meeting just reported, named in a sentence of their own."""
    meetings = [d for d in drafts if d.type == "meeting" and d.status == "occurred"]
    stated = {d.index for d in drafts}
    for sentence in sentences:
        if sentence.index in stated or not _LED_BY.search(sentence.text):
            continue
        earlier = [m for m in meetings if 0 < sentence.index - m.index <= 2]
        if not earlier:
            continue
        target = earlier[-1]
        for mention in people.between(sentence.start, sentence.end):
            if mention.person not in target.persons:
                target.persons.append(mention.person)
        if sentence not in target.refs:
            target.refs.append(sentence)
            target.texts.append(sentence.text)
