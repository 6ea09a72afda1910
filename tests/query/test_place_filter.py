"""The place filter finds facilities through the city they are tied to."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import detente
from detente.models import Event, EventDate, Place, Resolution
from detente.store import open_store

BARRACKS = "Kenyan and Ugandan officers met at Moi Barracks in Eldoret on Friday."
CITY = "The two ministers held talks in Eldoret on Monday."


def _event(event_id: str, evidence: str, place: Place) -> Event:
    day = EventDate(date(2025, 5, 2), date(2025, 5, 2), "day")
    return Event("meeting", "occurred", ["KEN", "UGA"], evidence, day, [], place, event_id=event_id)


@pytest.fixture
def db(tmp_path: Path) -> detente.query.Detente:
    path = tmp_path / "places.db"
    with open_store(path) as store:
        store.save_resolution(
            Resolution(
                events=[
                    _event("E-barracks", BARRACKS, Place("Moi Barracks, Eldoret", "KEN", 198629)),
                    _event("E-city", CITY, Place("Eldoret", "KEN", 198629)),
                ]
            )
        )
    return detente.open(path)


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Eldoret", {"E-barracks", "E-city"}),
        ("eldoret", {"E-barracks", "E-city"}),
        ("Moi Barracks", {"E-barracks"}),
        ("Moi Barracks, Eldoret", {"E-barracks"}),
        ("moi barracks ,eldoret", {"E-barracks"}),
        ("Barracks", set()),
        ("Eldo", set()),
    ],
)
def test_a_place_matches_the_whole_name_or_one_of_its_parts(
    db: detente.query.Detente, place: str, expected: set[str]
) -> None:
    assert {row.event_id for row in db.events(place=place).items} == expected
