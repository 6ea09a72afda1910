"""Geocoding against the packaged gazetteer: the event's country decides namesakes."""

from __future__ import annotations

from datetime import date

import pytest
from tests.resolve.factories import article, mention

from detente.models import Place
from detente.resolve import resolve_all
from detente.resolve.places import Gazetteer, _name_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.packaged()


def test_a_city_is_taken_in_the_events_country_never_a_namesake(gazetteer: Gazetteer) -> None:
    sindh = gazetteer.locate(Place("Hyderabad", "PAK"))
    deccan = gazetteer.locate(Place("Hyderabad", "IND"))

    assert sindh.geo_level == deccan.geo_level == "city"
    assert sindh.geonames_id != deccan.geonames_id
    assert 24 < (sindh.latitude or 0) < 27 and 67 < (sindh.longitude or 0) < 70
    assert 16 < (deccan.latitude or 0) < 19 and 77 < (deccan.longitude or 0) < 80


def test_without_a_venue_country_the_events_countries_decide(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate(Place("Dushanbe", None), ["IRN", "TJK"])
    assert located.country == "TJK" and located.geo_level == "city"

    unknown = gazetteer.locate(Place("Dushanbe", None), ["IRN", "PAK"])
    assert unknown.geonames_id is None and unknown.latitude is None


def test_a_facility_tied_to_a_city_keeps_its_name_and_takes_the_citys_point(gazetteer: Gazetteer) -> None:
    ghq = gazetteer.locate(Place("General Headquarters, Rawalpindi", "PAK"))
    city = gazetteer.locate(Place("Rawalpindi", "PAK"))

    assert ghq.place == "General Headquarters, Rawalpindi"
    assert ghq.geo_level == "facility"
    assert (ghq.geonames_id, ghq.latitude, ghq.longitude) == (city.geonames_id, city.latitude, city.longitude)


def test_a_facility_is_never_placed_in_a_namesake_city_abroad(gazetteer: Gazetteer) -> None:
    # "Hyderabad" is a city in India too; the base is in Pakistan, so it gets Pakistan's Hyderabad.
    base = gazetteer.locate(Place("Naval Base, Hyderabad", "PAK"))
    assert base.geonames_id == gazetteer.locate(Place("Hyderabad", "PAK")).geonames_id

    # A facility named after a city, standing in another country, is only placed at country level.
    house = gazetteer.locate(Place("Islamabad House", "TJK"))
    assert house.geo_level == "country"
    assert house.geonames_id == gazetteer.country("TJK").geonames_id  # type: ignore[union-attr]


def test_an_untied_facility_or_a_bare_country_gets_a_flagged_country_point(gazetteer: Gazetteer) -> None:
    palace = gazetteer.locate(Place("Aiwan-e-Sadr", "PAK"))
    bare = gazetteer.locate(Place(None, "TJK"))
    capital = gazetteer.locate(Place("Dushanbe", "TJK"))

    assert palace.place == "Aiwan-e-Sadr" and palace.geo_level == "country"
    assert bare.geo_level == "country" and bare.place is None
    assert (bare.latitude, bare.longitude) == (capital.latitude, capital.longitude)
    assert bare.geonames_id != capital.geonames_id  # the country's id, not the capital's


def test_resolve_geocodes_mentions_and_merged_events() -> None:
    mentions = [
        mention("a", when=date(2024, 2, 1), place="Hyderabad", place_country="PAK"),
        mention("a", type="pledge", when=date(2024, 2, 1), place_country="TJK", start=20),
        mention("a", type="praise", when=date(2024, 2, 1), start=40),
    ]
    result = resolve_all([article("a", date(2024, 2, 2))], mentions)

    assert mentions[0].location is not None and mentions[0].location.geo_level == "city"
    assert mentions[1].location is not None and mentions[1].location.geo_level == "country"
    assert mentions[2].location is None  # no venue reported: none invented
    located = [e.location for e in result.events if e.location]
    assert len(located) == 2 and all(p.latitude is not None for p in located)


def _names_folding_every_alternate(city: dict) -> set[str]:
    """The city's names as indexed before the shortcuts: every alternate folded, then filtered."""
    names = {_name_key(city["name"])}
    for alt in city.get("alternatenames") or []:
        if len(alt) >= 4 and not alt.isupper():
            key = _name_key(alt)
            if len(key) >= 4 and key.replace(" ", "").isascii() and len(key) >= len(alt) - 2:
                names.add(key)
    return names - {""}


def test_city_names_read_with_shortcuts_equal_folding_every_alternate():
    """ASCII names lower-cased and non-Latin names skipped unfolded give the same index."""
    gazetteer = Gazetteer.packaged()
    cities = [
        c
        for code in ("RUS", "CHN", "GRC", "ISR", "PAK", "IND", "TUR", "VNM", "ETH", "GEO")
        for c in gazetteer._raw_cities[code]
    ]
    assert len(cities) > 3000
    differing = [c["name"] for c in cities if Gazetteer._names(c) != _names_folding_every_alternate(c)]
    assert differing == []
