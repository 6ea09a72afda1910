"""One happening, one event: drafts of the same happening within an article are merged.

Repeated mentions of a meeting, all pledges made at one meeting, a visit and the meetings
held during it, the summary and the named detail of one exercise become one draft, which
keeps the most specific place and everyone's people and states.
"""

from __future__ import annotations

import re

from detente.extract.arguments.draft import Draft
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.places import more_specific
from detente.models import EventDate, Place
from detente.resolve.event_names import editions_differ, parse_event_name, same_series
from detente.resolve.rules import merge_rules

_ANCHORS = LexiconPatterns("arguments", "anchors")  # "also", "another": one more
_VISITS = LexiconPatterns("arguments", "visits")  # "on the sidelines": a meeting of its own
_RULES = LexiconPatterns("merge", "duplicates")
_INSTRUMENTS = LexiconPatterns("merge", "instruments")  # the nouns of signed instruments
_SUBJECT = LexiconPatterns("merge", "plan_subject")  # the words around one that say what it is about
_WORD = re.compile(r"[a-z]+")


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
    if a.type == b.type == "exercise" and "proposed" not in (a.status, b.status):
        return _same_exercise(a, b)
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
        if _VISITS.sidelines.search(b.sentence.text) or (len(a.countries) >= 3) != (len(b.countries) >= 3):
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
            before = b.sentence.text[: b.hit.start]
            sequel = not a.visit_only and _ANCHORS.sequel.search(before)
            if pb - pa and (_ANCHORS.another.search(before) or sequel):
                return False  # "He also met the army chief", "later called on": one more meeting of the visit
            return _places_compatible(a.place, b.place) or a.visit_only or b.visit_only
        return (
            not pa
            and not pb
            and a.date is not None
            and b.date is not None
            and set(a.countries) == set(b.countries)
        )
    if _ANCHORS.another.search(b.sentence.text[: b.hit.start]):
        return False  # "The two also signed a ...": a second instrument of the same day
    if _one_plan(a, b):
        return True
    if a.date is None or b.date is None:
        return a.sentence.index == b.sentence.index
    return set(a.countries) == set(b.countries) and a.name == b.name


def _one_plan(a: Draft, b: Draft) -> bool:
    """"expected to sign a defence agreement soon ... aim to sign the memorandum before the end of
    the year": an article tells its one planned instrument again, by other words and with a date.
    Two plans that say what they are about differently ("a defence cooperation agreement", "a
    memorandum on military education") are two instruments."""
    if a.status != "planned" or a.type not in ("agreement", "defence_industry"):
        return False
    sa, sb = set(a.countries), set(b.countries)  # a draft's states may still come from context
    if sa and sb and not (sa <= sb or sb <= sa):
        return False
    return (not a.name or not b.name or a.name == b.name) and _subject(a) == _subject(b)


def _subject(draft: Draft) -> frozenset[str]:
    """What a planned instrument is about: the words of its noun phrase ("a maritime security
    agreement", "a memorandum on military education") that are neither generic nor stop words."""
    text = draft.sentence.text
    found = list(_INSTRUMENTS.instrument.finditer(text))
    if not found:
        return frozenset()
    later = [m for m in found if m.start() > draft.hit.start]  # "plan to sign a memorandum on ..."
    noun = later[0] if later else found[-1]
    before = _SUBJECT.before.search(text[: noun.start()])
    after = _SUBJECT.after.match(text, noun.end())
    words = f"{before.group(0) if before else ''} {after.group(0) if after else ''}".lower()
    rules = merge_rules()
    return frozenset(_WORD.findall(words)) - rules.generic_words - rules.stop_words


def _elaborates(summary: Draft, detail: Draft) -> bool:
    """A named meeting right after an unnamed one, with no time or place of its own, is the same meeting."""
    close = 0 < detail.index - summary.index <= 2
    undated = detail.date is None and detail.place is None
    return close and undated and bool(summary.date or summary.place) and not detail.visit_only


def _praiser(draft: Draft) -> tuple:
    return tuple(sorted(draft.subjects)) or tuple(draft.countries[:1])


def _absorb(target: Draft, other: Draft) -> None:
    if target.hit.learned and not other.hit.learned:  # a trigger word of the rules is the better evidence
        target.refs.append(target.sentence)
        target.hit, target.sentence = other.hit, other.sentence
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
    if target.type == "exercise" and target.date is None and other.date is not None:
        target.status = other.status  # the mention that says when a drill is also says whether it is past
    target.date = _drill_span(target, other) or target.date or other.date
    if other.name and (not target.name or len(other.name) > len(target.name)):
        target.name = other.name  # "Falcon Claws" and later "Falcon Claws 4": the edition's name
    if target.place is None or (other.place and more_specific(other.place, target.place)):
        target.place = other.place or target.place
    other.absorbed = True
    other.absorbed_into = target


def _drill_span(target: Draft, other: Draft) -> EventDate | None:
    """One drill's start ("began on June 9") and end ("concluded on Monday"): its span of days."""
    a, b = target.date, other.date
    if target.type not in ("exercise", "training") or not (a and b and a.start and b.start):
        return None
    if a.precision != "day" or b.precision != "day":
        return None
    return EventDate(min(a.start, b.start), max(a.end or a.start, b.end or b.start), "day")


def _within(facility: Place | None, city: Place | None) -> Place | None:
    """'the Blue House' on a visit to Seoul is 'Blue House, Seoul': the facility keeps the city's state."""
    if facility is None or city is None or facility.country or not (facility.place and city.place):
        return facility
    if city.place in facility.place:
        return Place(facility.place, city.country)
    return Place(f"{facility.place}, {city.place}", city.country)


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


def _one_series_name(a: str, b: str) -> bool:
    """ "Falcon Claws" and "Falcon Claws 4" in one article: the series named once, the edition once."""
    if a == b:
        return True
    name_a, name_b = parse_event_name(a), parse_event_name(b)
    return bool(name_a and name_b and same_series(name_a, name_b) and not editions_differ(name_a, name_b))


def _within_one_drill(a: EventDate | None, b: EventDate | None) -> bool:
    """A drill runs for weeks: its start ("began on June 9") and its end ("concluded on Monday")
    are days apart, as far as outlets' reports of one drill may be (`merging.json`); at a
    coarser precision the dates must agree as far as both go."""
    if a and b and a.start and b.start and a.precision == b.precision == "day":
        return abs((a.start - b.start).days) <= merge_rules().tolerance("drill")
    return _dates_compatible(a, b, loose=False)


def _told_in_a_history(a: Draft, b: Draft) -> bool:
    """Two sentences that each open with a date of their own, and not the same one: items of a
    chronology, each its own happening."""
    first, second = (_ANCHORS.fronted_date.search(d.sentence.text) for d in (a, b))
    return bool(first and second and first.group(0).lower() != second.group(0).lower())


def _dates_the_drill_just_named(first: Draft, later: Draft) -> bool:
    """ "... announced its participation in joint exercises with X and Y. ... the exercises will be
    held from late July": the next sentence points back with a determiner and says when."""
    return (
        later.index - first.index == 1
        and first.date is None
        and later.date is not None
        and set(later.countries) <= set(first.countries)
        and later.hit.reference
        and not _ANCHORS.another.search(later.sentence.text[: later.hit.start])
    )


def _same_exercise(a: Draft, b: Draft) -> bool:
    """An article about a drill names it many times ("the manoeuvres", "the war games will last ...");
    another edition has its own year, name, an edition word, or a different set of states."""
    if a.past_edition or b.past_edition:
        return a.past_edition == b.past_edition and a.name is not None and a.name == b.name
    if a.name and b.name and not _one_series_name(a.name, b.name):
        return False
    if _dates_the_drill_just_named(a, b):
        return True
    if a.status != b.status:
        planned, other = (a, b) if a.status == "planned" else (b, a)
        if (planned.date is not None and planned.date != other.date) or _RULES.next_edition.search(
            planned.sentence.text
        ):
            return False  # "Next year's edition will take place on Uzbek soil": a plan of its own
        if _told_in_a_history(a, b):
            return False  # "In 2016, ... confirmed plans to hold drills. In 2021, ... conducted"
    if not _within_one_drill(a.date, b.date):
        return False
    if _ANCHORS.another.search(b.sentence.text[: b.hit.start]):
        return False  # "the navies also held a separate drill"
    sa, sb = set(a.countries), set(b.countries)
    return not sa or not sb or sa <= sb or sb <= sa
