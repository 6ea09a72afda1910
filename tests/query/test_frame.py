from __future__ import annotations

from datetime import date

from detente.query import Detente, to_frame


def test_pages_and_lists_become_data_frames(db: Detente) -> None:
    events = to_frame(db.events())
    assert len(events) == 8
    assert {"event_id", "type", "date_start", "countries", "participants", "source_count"} <= set(
        events.columns
    )
    assert isinstance(events.loc[0, "date_start"], date)

    years = to_frame(db.dyad_years())
    assert list(years.columns[:4]) == ["country_a", "country_b", "year", "events"]
    assert years.groupby("year")["events"].sum().to_dict() == {2019: 1, 2024: 3, 2025: 6}


def test_participants_stay_structured(db: Detente) -> None:
    frame = to_frame([db.event("E-ke-ug-talks")])  # type: ignore[list-item]
    assert frame.loc[0, "participants"][0]["person_id"] == "P-wekesa"


def test_an_empty_result_is_an_empty_frame(db: Detente) -> None:
    assert to_frame(db.events(countries="CHL")).empty
