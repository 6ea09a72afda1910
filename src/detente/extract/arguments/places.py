"""Where an event happened, from its sentence: the most specific place near the trigger.

Places in a background clause or after the talks' purpose ("to discuss security in
Somalia") are not where it happened; a report's dateline city completes a facility
("RAWALPINDI: ... at Joint Staff Headquarters"); a phone or video call happens nowhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from detente.extract.arguments.draft import Draft, inside
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.places import PlaceHit, best_place
from detente.extract.mentions.states import gazetteer
from detente.extract.page.sentences import Sentence
from detente.extract.recognise.triggers import Hit
from detente.models import Place

_RULES = LexiconPatterns("arguments", "places")


def place_clause_end(text: str, hit: Hit) -> int:
    """Where the talks' purpose starts ("... to discuss ..."): places and states after it are topics."""
    purpose = _RULES.purpose.search(text, hit.end)
    return purpose.start() if purpose else len(text)


def sentence_place(
    event_type: str,
    sentence: Sentence,
    hit: Hit,
    places: list[PlaceHit],
    excluded: tuple[int, int] | None,
    place_end: int,
) -> Place | None:
    text = sentence.text
    kept = [p for p in places if not inside(p.start, excluded) and p.start < place_end]
    place = best_place(kept, hit.start)
    if sentence.index == 0:
        place = _with_dateline_city(place, dateline_place(text))
    if event_type == "meeting" and _RULES.remote.search(text[max(0, hit.start - 30) : hit.end + 30]):
        place = None  # a phone or video call happens nowhere in particular
    return place


def dateline_place(text: str) -> Place | None:
    """'WARSAW, Aug. 14 (Agency) --': the city a report is filed from, where its first event happened."""
    match = _RULES.dateline.match(text)
    if not match:
        return None
    city = (match.group("city") or match.group("titled")).strip().title()
    country = gazetteer().place_country(city)
    if country is None or gazetteer().is_country_name(city):
        return None
    return Place(city, country)


def _with_dateline_city(place: Place | None, dateline: Place | None) -> Place | None:
    """'RAWALPINDI: ... at Joint Staff Headquarters' is 'Joint Staff Headquarters, Rawalpindi'."""
    if dateline is None:
        return place
    if place is None:
        return dateline
    bare_facility = place.place and "," not in place.place and not gazetteer().place_country(place.place)
    if bare_facility and place.country in (None, dateline.country) and dateline.place not in place.place:
        return Place(f"{place.place}, {dateline.place}", dateline.country)
    return place


NEWS_REACH_DAYS = 7  # an event this close to the report's day is the news the dateline files


def news_at_dateline(drafts: list[Draft], sentences: Sequence[Sentence], published: date | None) -> None:
    """'TEHRAN – ... The top general also held separate meetings with ...': the news a report files
    from a city happened there, when its sentences name no place of their own and its states
    include the city's. Background (older events), plans and calls keep what they had."""
    if not sentences:
        return
    dateline = dateline_place(sentences[0].text)
    if dateline is None or dateline.country is None:
        return
    for draft in drafts:
        if draft.status != "occurred" or (draft.place is not None and draft.place.place):
            continue
        if draft.place is not None and draft.place.country not in (None, dateline.country):
            continue
        if dateline.country not in draft.countries or _RULES.remote.search(draft.sentence.text):
            continue
        when = draft.date.end or draft.date.start if draft.date else None
        if when is not None and (published is None or not 0 <= (published - when).days <= NEWS_REACH_DAYS):
            continue
        draft.place = dateline
