"""A new day re-counts the sites, places and located-in totals it touches: those counts must
read index entries alone (m011), never the event rows (a busy place holds thousands)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.store.plans import PlanRecorder

from detente.store import open_store
from detente.store.aggregate_sites import ONE_SITE, count_sites
from detente.store.aggregate_tables import _count_locations
from detente.store.increment_write import _count_places


@pytest.fixture
def recorder(tmp_path: Path):
    with open_store(tmp_path / "counts.db") as store:
        yield PlanRecorder(store.connection)


def test_a_sites_count_reads_the_site_index_alone(recorder: PlanRecorder) -> None:
    count_sites(recorder, ONE_SITE, ["Eldoret", "KEN", "exercise", 0.514, 35.27])
    assert "USING COVERING INDEX events_site" in recorder.plans[-1], recorder.plans


def test_a_places_count_reads_the_site_index_alone(recorder: PlanRecorder) -> None:
    _count_places(recorder, {("Eldoret", "KEN")})
    assert "USING COVERING INDEX events_site" in recorder.plans[-1], recorder.plans


def test_a_located_in_count_reads_its_index_alone(recorder: PlanRecorder) -> None:
    _count_locations(recorder, "e.location_country = ?", ["KEN"])
    assert "USING COVERING INDEX events_located" in recorder.plans[-1], recorder.plans
