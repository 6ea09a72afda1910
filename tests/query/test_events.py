from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import detente
from detente.query import Detente, EventRow


def _ids(rows: list[EventRow]) -> set[str]:
    return {row.event_id for row in rows}


KEN_UGA = {"E-ke-ug-talks", "E-ke-ug-mou", "E-ke-ug-pledge", "E-arusha-course"}


def test_all_events_newest_first(db: Detente) -> None:
    page = db.events()
    assert page.total == 8
    starts = [e.date_start for e in page.items]
    assert starts == sorted(starts, reverse=True)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"countries": "KEN"}, {*KEN_UGA, "E-mombasa-2024"}),
        ({"countries": ["KEN", "UGA"]}, KEN_UGA),
        ({"countries": "ken,tza,uga"}, {"E-arusha-course"}),
        ({"dyad": "UGA-KEN"}, KEN_UGA),
        ({"dyad": ("BRA", "PRT"), "type": "praise"}, {"E-sampaio-praise"}),
        ({"type": ["meeting", "agreement"]}, {"E-ke-ug-talks", "E-ke-ug-mou", "E-mombasa-2024"}),
        ({"status": "planned"}, {"E-arusha-course"}),
        (
            {"since": "2025-03-03", "until": date(2025, 3, 3)},
            {"E-ke-ug-talks", "E-ke-ug-mou", "E-ke-ug-pledge"},
        ),
        ({"since": "2025"}, KEN_UGA),
        ({"until": "2019"}, {"E-navies-2019"}),
        ({"since": "2024-11", "until": "2024-11"}, {"E-atlantic-shield", "E-sampaio-praise"}),
        ({"person": "Amina Wekesa"}, {"E-ke-ug-talks", "E-ke-ug-mou", "E-ke-ug-pledge", "E-mombasa-2024"}),
        ({"person": "cs wekesa"}, {"E-ke-ug-talks", "E-ke-ug-mou", "E-ke-ug-pledge", "E-mombasa-2024"}),
        ({"person": "P-sampaio"}, {"E-sampaio-praise"}),
        ({"person": "wekesa"}, {"E-ke-ug-talks", "E-ke-ug-mou", "E-ke-ug-pledge", "E-mombasa-2024"}),
        ({"person": "Wek"}, set()),
        ({"person": "Paul Wekesa"}, set()),
        ({"person": "Nobody Known"}, set()),
        ({"place": "nairobi"}, {"E-ke-ug-talks", "E-ke-ug-mou"}),
        ({"place": "161325"}, {"E-arusha-course"}),
        ({"text": "memorandum"}, {"E-ke-ug-mou"}),
        ({"text": "talks Nairobi"}, {"E-ke-ug-talks"}),
        ({"text": "Atlantic-Shield"}, {"E-atlantic-shield"}),
        ({"countries": "KEN", "status": "occurred", "since": "2025"}, KEN_UGA - {"E-arusha-course"}),
    ],
)
def test_each_filter_narrows_the_events(db: Detente, filters: dict[str, object], expected: set[str]) -> None:
    page = db.events(**filters)  # type: ignore[arg-type]
    assert _ids(page.items) == expected
    assert page.total == len(expected)


def test_pages_cover_every_event_once(db: Detente) -> None:
    pages = [db.events(limit=3, offset=offset) for offset in (0, 3, 6)]
    assert [len(p.items) for p in pages] == [3, 3, 2]
    assert all(p.total == 8 and p.limit == 3 for p in pages)
    assert len(set().union(*(_ids(p.items) for p in pages))) == 8
    assert db.events(limit=5, offset=50).items == []


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"countries": "XYZ"}, "countries: 'XYZ' is not an ISO 3166-1 alpha-3"),
        ({"countries": "PK"}, "countries: 'PK'"),
        ({"dyad": "PAK"}, "dyad: 'PAK' must name exactly two"),
        ({"dyad": "PAK-PAK"}, "exactly two different"),
        ({"type": "summit"}, "type: unknown value 'summit'"),
        ({"status": "rumoured"}, "status: unknown value 'rumoured'"),
        ({"since": "2025-02", "until": "2025-01"}, r"since \(2025-02-01\) is after until \(2025-01-31\)"),
        ({"since": "March"}, "since: 'March' is not a date"),
        ({"text": "!!!"}, "text: '!!!' has no words"),
        ({"limit": 0}, "limit: 0"),
        ({"offset": -1}, "offset: -1"),
    ],
)
def test_invalid_filters_raise_a_clear_value_error(
    db: Detente, filters: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        db.events(**filters)  # type: ignore[arg-type]


def test_event_detail_has_every_source_with_text_to_highlight(db: Detente) -> None:
    detail = db.event("E-ke-ug-talks")
    assert detail is not None
    assert [s.doc_id for s in detail.sources] == ["kenya-uganda-talks", "east-wire-0305"]
    assert [s.outlet for s in detail.sources] == ["Nairobi Daily", "East Wire"]
    for source in detail.sources:
        assert source.text is not None and source.evidence_start is not None
        assert source.text[source.evidence_start : source.evidence_end] == source.evidence
    assert [(p.name, p.person_id) for p in detail.participants] == [
        ("Amina Wekesa", "P-wekesa"),
        ("Paul Okot", "P-okot"),
    ]
    assert (detail.cameo, detail.plover_type, detail.plover_mode) == ("040", "CONSULT", "visit")
    assert (detail.latitude, detail.geonames_id, detail.geo_level) == (-1.28333, 184745, "city")
    assert detail.source_count == 2 and detail.first_reported == date(2025, 3, 4)


def test_related_events_link_both_ways(db: Detente) -> None:
    assert db.event("E-ke-ug-mou").related == ["E-ke-ug-pledge"]  # type: ignore[union-attr]
    assert db.event("E-ke-ug-pledge").related == ["E-ke-ug-mou"]  # type: ignore[union-attr]


def test_unknown_ids_give_none(db: Detente) -> None:
    assert db.event("E-nope") is None
    assert db.article("nope") is None
    assert db.person("Nobody Known") is None


def test_article_lists_the_events_it_reports(db: Detente) -> None:
    article = db.article("kenya-uganda-talks")
    assert article is not None
    assert article.event_ids == ["E-ke-ug-mou", "E-ke-ug-pledge", "E-ke-ug-talks"]
    assert (article.source_name, article.published, article.found_via) == (
        "Nairobi Daily",
        date(2025, 3, 4),
        "html",
    )


def test_rows_turn_into_json_ready_dicts(db: Detente) -> None:
    data = db.events(dyad="BRA-PRT", type="exercise").to_dict()
    [event] = data["items"]
    assert data["total"] == 1
    assert event["date_start"] == "2024-11-19"
    assert event["countries"] == ["BRA", "PRT"]
    assert event["name"] == "Atlantic Shield"


def test_opening_a_missing_database_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no detente database at"):
        detente.open(tmp_path / "missing.db")


def test_event_ids_lists_every_match_in_page_order(db: Detente) -> None:
    assert db.event_ids() == [e.event_id for e in db.events().items]
    assert set(db.event_ids(countries="KEN", type="meeting")) == {"E-ke-ug-talks", "E-mombasa-2024"}
    with pytest.raises(ValueError, match="type: unknown value"):
        db.event_ids(type="parade")


def test_details_keep_newest_first_across_batches(db: Detente) -> None:
    ids = list(reversed(db.event_ids()))
    assert [d.event_id for d in db.details(ids)] == db.event_ids()
