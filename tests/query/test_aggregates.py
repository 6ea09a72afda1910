from __future__ import annotations

from datetime import date

import pytest

from detente.query import Detente


def test_dyad_years_have_one_row_per_pair_and_year_with_counts_per_type(db: Detente) -> None:
    rows = {(r.country_a, r.country_b, r.year): r for r in db.dyad_years()}
    assert set(rows) == {
        ("BRA", "PRT", 2019),
        ("BRA", "PRT", 2024),
        ("KEN", "TZA", 2024),
        ("KEN", "TZA", 2025),
        ("KEN", "UGA", 2025),
        ("TZA", "UGA", 2025),
    }
    ken_uga = rows[("KEN", "UGA", 2025)]
    assert (ken_uga.events, ken_uga.meeting, ken_uga.agreement, ken_uga.pledge, ken_uga.training) == (
        4,
        1,
        1,
        1,
        1,
    )
    assert (ken_uga.exercise, ken_uga.praise, ken_uga.defence_industry) == (0, 0, 0)
    assert (ken_uga.first_date, ken_uga.last_date) == (date(2025, 3, 3), date(2025, 7, 1))
    for row in rows.values():
        assert row.country_a < row.country_b
        counts = (
            row.meeting,
            row.agreement,
            row.pledge,
            row.exercise,
            row.training,
            row.defence_industry,
            row.praise,
        )
        assert sum(counts) == row.events


def test_partners_are_ranked_by_events(db: Detente) -> None:
    partners = db.partners("ken")
    assert [(p.country, p.events) for p in partners] == [("UGA", 4), ("TZA", 2)]
    assert partners[1].by_type == {"meeting": 1, "training": 1}
    assert db.partners("CHL") == []


def test_dyads_rank_pairs_and_filter_by_country(db: Detente) -> None:
    assert [(d.country_a, d.country_b, d.events) for d in db.dyads()] == [
        ("KEN", "UGA", 4),
        ("BRA", "PRT", 3),
        ("KEN", "TZA", 2),
        ("TZA", "UGA", 1),
    ]
    assert [(d.country_a, d.country_b) for d in db.dyads(country="TZA", limit=1)] == [("KEN", "TZA")]


def test_monthly_timeline_counts_events_per_month_and_type(db: Detente) -> None:
    rows = [(r.period, r.type, r.events) for r in db.timeline(dyad="KEN-UGA")]
    assert rows == [
        ("2025-03", "agreement", 1),
        ("2025-03", "meeting", 1),
        ("2025-03", "pledge", 1),
        ("2025-07", "training", 1),
    ]


def test_a_year_precise_event_counts_by_year_but_not_by_month(db: Detente) -> None:
    monthly = db.timeline(country="BRA")
    yearly = db.timeline(country="BRA", granularity="year")
    assert "2019-01" not in {r.period for r in monthly}
    assert ("2019", "training", 1) in [(r.period, r.type, r.events) for r in yearly]


def test_timeline_filters_by_type(db: Detente) -> None:
    assert [(r.period, r.events) for r in db.timeline(type="meeting", granularity="year")] == [
        ("2024", 1),
        ("2025", 1),
    ]


def test_timeline_rejects_an_unknown_granularity(db: Detente) -> None:
    with pytest.raises(ValueError, match="granularity: 'week'"):
        db.timeline(granularity="week")


def test_places_are_the_located_events(db: Detente) -> None:
    places = db.places()
    assert {p.event_id for p in places} == {
        "E-ke-ug-talks",
        "E-ke-ug-mou",
        "E-atlantic-shield",
        "E-arusha-course",
        "E-mombasa-2024",
    }
    lisbon = next(p for p in places if p.event_id == "E-atlantic-shield")
    assert (lisbon.place, lisbon.country, lisbon.geonames_id) == ("Lisbon", "PRT", 2267057)
    assert (lisbon.latitude, lisbon.longitude, lisbon.geo_level) == (38.71667, -9.13333, "city")


def test_network_has_countries_as_nodes_and_pairs_as_edges(db: Detente) -> None:
    network = db.network()
    assert {n.country: n.events for n in network.nodes} == {"KEN": 5, "UGA": 4, "BRA": 3, "PRT": 3, "TZA": 2}
    edges = {(e.country_a, e.country_b): e for e in network.edges}
    assert edges[("BRA", "PRT")].by_type == {"exercise": 1, "praise": 1, "training": 1}
    assert network.to_dict()["edges"][0] == {
        "country_a": "KEN",
        "country_b": "UGA",
        "events": 4,
        "by_type": {"agreement": 1, "meeting": 1, "pledge": 1, "training": 1},
    }


def test_stats_count_everything(db: Detente) -> None:
    stats = db.stats()
    assert (stats.articles, stats.mentions, stats.events, stats.sources, stats.people) == (5, 9, 8, 9, 4)
    assert (stats.countries, stats.located_events, stats.copies) == (5, 5, 0)
    assert stats.by_type["training"] == 2 and stats.by_status == {"occurred": 7, "planned": 1}
    assert (stats.first_date, stats.last_date) == (date(2019, 1, 1), date(2025, 7, 1))
    assert stats.last_ingested_at
