"""What the dashboard asks of the query layer: sorting, the map's aggregates, filtered networks,
precise first/last dates, related events and outlets."""

from __future__ import annotations

import pytest

from detente.query import Detente


def test_events_sort_by_any_column_with_blanks_last(db: Detente) -> None:
    by_sources = db.events(sort="-sources").items
    assert by_sources[0].event_id == "E-ke-ug-talks" and by_sources[0].source_count == 2
    oldest = db.events(sort="date").items
    assert oldest[0].event_id == "E-navies-2019"
    places = [e.location_place for e in db.events(sort="place").items]
    named = [p for p in places if p]
    assert named == sorted(named, key=str.lower) and places[len(named) :] == [None] * (
        len(places) - len(named)
    )
    types = [e.type for e in db.events(sort="-type").items]
    assert types == sorted(types, reverse=True)
    assert [e.event_id for e in db.events(sort="-date").items] == [e.event_id for e in db.events().items]
    with pytest.raises(ValueError, match="sort: 'colour' is not one of date, type"):
        db.events(sort="colour")
    assert db.event_ids(sort="date")[0] == "E-navies-2019"


def test_events_filter_by_where_they_took_place_and_by_any_of_several_places(db: Detente) -> None:
    in_kenya = {e.event_id for e in db.events(located_in="KEN").items}
    assert in_kenya == {"E-ke-ug-talks", "E-ke-ug-mou", "E-mombasa-2024"}
    either = {e.event_id for e in db.events(place=["Lisbon", "Arusha"]).items}
    assert either == {"E-atlantic-shield", "E-arusha-course"}
    assert {e.event_id for e in db.events(place="Lisbon").items} == {"E-atlantic-shield"}
    with pytest.raises(ValueError, match="located_in"):
        db.events(located_in="Kenya")


def test_sites_locations_and_placement_count_every_event_once(db: Detente) -> None:
    sites = {(s.place, s.country): s for s in db.sites()}
    assert sites[("Nairobi", "KEN")].events == 2 and sites[("Nairobi", "KEN")].only_event_id is None
    assert sites[("Lisbon", "PRT")].only_event_id == "E-atlantic-shield"
    assert sites[("Nairobi", "KEN")].by_type == {"meeting": 1, "agreement": 1}
    located = {row.country: row for row in db.locations()}
    assert located["KEN"].events == 3 and located["KEN"].only_country == 0
    placement = db.placement()
    assert placement.events == 8
    assert placement.at_site + placement.only_country + placement.named_unplaced + placement.unplaced == 8
    assert placement.at_site == sum(s.events for s in sites.values())
    assert {s.place for s in db.sites(type="exercise")} == {"Lisbon"}
    assert db.placement(countries="BRA").events == 3


def test_the_network_filters_by_period_type_and_tie_weight(db: Detente) -> None:
    everything = db.network()
    assert {(e.country_a, e.country_b) for e in everything.edges} >= {("KEN", "UGA"), ("BRA", "PRT")}
    strong = db.network(min_events=4)
    assert [(e.country_a, e.country_b, e.events) for e in strong.edges] == [("KEN", "UGA", 4)]
    assert {n.country for n in strong.nodes} == {"KEN", "UGA"}
    in_2024 = db.network(since="2024", until="2024")
    assert {(e.country_a, e.country_b) for e in in_2024.edges} == {("BRA", "PRT"), ("KEN", "TZA")}
    kenya = db.network(countries="KEN", type="meeting")
    assert {n.country for n in kenya.nodes} == {"KEN", "UGA", "TZA"}
    with pytest.raises(ValueError, match="min_events"):
        db.network(min_events=0)


def test_first_and_last_dates_carry_their_precision(db: Detente) -> None:
    pair = next(row for row in db.dyads() if (row.country_a, row.country_b) == ("BRA", "PRT"))
    assert (str(pair.first_date), pair.first_precision) == ("2019-01-01", "year")
    assert (str(pair.last_date), pair.last_precision) == ("2024-11-20", "day")
    partner = next(row for row in db.partners("KEN") if row.country == "TZA")
    assert partner.first_precision == "day" and partner.last_precision == "month"


def test_a_meeting_lists_what_was_agreed_at_it_and_each_outcome_its_meeting(db: Detente) -> None:
    talks = {(r.relation, r.event_id) for r in db.related("E-ke-ug-talks")}
    assert talks == {("outcome", "E-ke-ug-mou"), ("outcome", "E-ke-ug-pledge")}
    mou = {(r.relation, r.event_id) for r in db.related("E-ke-ug-mou")}
    assert ("occasion", "E-ke-ug-talks") in mou
    assert ("linked", "E-ke-ug-pledge") in mou, "the resolver's own link is kept"
    assert db.related("no-such-event") == []


def test_sources_name_their_outlet_and_how_the_date_was_found(db: Detente) -> None:
    detail = db.event("E-ke-ug-talks")
    assert detail is not None
    first = detail.sources[0]
    assert first.outlet_name == "Nairobi Daily" and first.outlet_from == "page metadata"
    assert first.published_source == "explicit"
