"""Where an event happened: the most specific named place near its trigger.

"at General Headquarters in Rawalpindi" gives "General Headquarters, Rawalpindi";
"visit to Dushanbe" gives Dushanbe; "in Tajikistan" gives the country only.
Places come after a locative preposition, so a capital used as an actor
("Tehran said") is never a location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.extract.lexicon import LexiconPatterns, load_lexicon
from detente.extract.mentions.states import gazetteer
from detente.models import Place

_CAP = r"[A-Z][\w'’.-]*"
_PHRASE = rf"{_CAP}(?:\s+(?:of\s+|de\s+|del\s+|da\s+|el\s+|and\s+(?=[A-Z]\w*\s+[A-Z]))?{_CAP}){{0,5}}"
_OWNER = re.compile(r"^[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s\s+")  # "Pakistan's Command and Staff College"
_RULES = LexiconPatterns("mentions", "places")


@dataclass(frozen=True)
class PlaceHit:
    start: int  # offset in the sentence
    place: str | None
    country: str | None
    rank: int  # 3 facility, 2 city, 1 country


@dataclass(frozen=True)
class _Patterns:
    at: re.Pattern[str]
    within: re.Pattern[str]
    city_of: re.Pattern[str]
    capital_of: re.Pattern[str]
    facility_heads: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    heads = load_lexicon("triggers")["facility_heads"]
    return _Patterns(
        at=re.compile(
            rf"\bat\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?P<fac>{_PHRASE})"
            rf"(?:\s*\([A-Z]{{2,8}}\))?"  # "the General Headquarters (GHQ) in Rawalpindi"
            rf"(?:\s+in\s+(?:the\s+)?(?P<in>{_PHRASE}))?"
        ),
        within=re.compile(
            r"\b(?:in|to|visit|visited|visiting|arrived in|left for|stay in|off|near|trip to|tour of|toured)"
            r"\s+"
            rf"(?:the\s+)?(?:coast\s+of\s+)?(?P<place>{_PHRASE})"
        ),
        city_of=re.compile(
            rf"\b(?:city|town|port|island|province|county|region)\s+of\s+(?P<place>{_PHRASE})"
        ),
        capital_of=re.compile(rf"\bin\s+the\s+(?P<demonym>{_CAP})\s+capital\b"),
        facility_heads=frozenset(heads),
    )


def _trim(phrase: str) -> str:
    words = phrase.split()
    while words and (words[-1] in ("of", "de") or _RULES.not_place_words.search(words[-1])):
        words.pop()
    return " ".join(words).rstrip(".,’'").removesuffix("’s").removesuffix("'s")


def find_places(sentence: str) -> list[PlaceHit]:
    """Named places in one sentence, each with its rank of specificity."""
    gaz = gazetteer()
    patterns = _patterns()
    hits: list[PlaceHit] = []
    for match in patterns.at.finditer(sentence):
        facility = _OWNER.sub("", _trim(match.group("fac")))
        if not facility or (_RULES.not_place_words.search(facility) and not _is_facility(facility, patterns)):
            continue
        known = gaz.place_country(facility)
        inner = _trim(match.group("in") or "")
        inner_country = gaz.place_country(inner) if inner else None
        inner_found = gaz.lookup(inner) if inner else None
        if inner_found and inner_found[1] == "demonym":
            inner = gaz.capital_of(inner_found[0]) or ""  # "in the Somali capital"
            inner_country = inner_found[0] if inner else None
        if known and not _is_facility(facility, patterns):
            rank = 1 if gaz.is_country_name(facility) else 2
            hits.append(PlaceHit(match.start(), None if rank == 1 else facility, known, rank))
            continue
        found = gaz.lookup(facility)
        if (found and found[1] != "body") or facility in gaz.agencies:
            continue  # a body named as a place is its building: "at the Pentagon", "at GHQ"
        inner_country = inner_country or (found[0] if found else None)
        if inner and not gaz.is_country_name(inner) and not _RULES.not_place_words.search(inner):
            hits.append(PlaceHit(match.start(), f"{facility}, {inner}", inner_country, 3))
        else:
            hits.append(PlaceHit(match.start(), facility, inner_country, 3))
    for match in patterns.capital_of.finditer(sentence):
        found = gaz.lookup(match.group("demonym"))
        capital = gaz.capital_of(found[0]) if found else None
        if capital:
            hits.append(PlaceHit(match.start(), capital, found[0], 2))
    for pattern in (patterns.within, patterns.city_of):
        for match in pattern.finditer(sentence):
            place = _trim(match.group("place"))
            if not place or _RULES.attribution_before.search(sentence[: match.start()]):
                continue
            if _RULES.attribution_after.match(sentence[match.end() :]):
                continue
            country = gaz.place_country(place)
            if country is None:
                if _RULES.not_place_words.search(place) or gaz.lookup(place):
                    continue
                if _is_facility(place, patterns):
                    hits.append(PlaceHit(match.start("place"), place, None, 3))
                elif (
                    pattern is patterns.city_of
                    or _RULES.admin_area.search(place)
                    or _RULES.facility_noun_before.search(sentence[: match.start("place")])
                    or _RULES.happened_at.search(sentence[: match.start("place")])
                ):
                    hits.append(PlaceHit(match.start("place"), place, None, 2))
                continue
            if gaz.is_country_name(place):
                hits.append(PlaceHit(match.start("place"), None, country, 1))
            else:
                hits.append(PlaceHit(match.start("place"), place, country, 2))
    return sorted(hits, key=lambda h: h.start)


def _is_facility(phrase: str, patterns: _Patterns) -> bool:
    words = phrase.split()
    return any(w.strip(",.") in patterns.facility_heads for w in words) or "-e-" in phrase


def best_place(hits: list[PlaceHit], anchor: int) -> Place | None:
    """The most specific place, nearest the trigger when several are equally specific."""
    if not hits:
        return None
    best = max(hits, key=lambda h: (h.rank, -abs(h.start - anchor)))
    return Place(best.place, best.country)


def more_specific(new: Place, old: Place) -> bool:
    """'Ministry of Defence, Mogadishu' refines 'Mogadishu'; a place refines a bare country."""
    if not new.place:
        return False
    if not old.place:
        return True
    return old.place in new.place and new.place != old.place
