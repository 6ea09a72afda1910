"""The map's sites kept by difference equal the sites counted again from the events, whatever
is removed and added (`aggregate_sites.refresh_sites`): random days of changes over a few
busy sites, where removed events often held a site's first id, last date or finest level."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from detente.models import Event, EventDate, Place
from detente.store import open_store
from detente.store.aggregate_sites import count_sites, refresh_sites, site_events
from detente.store.resolution import write_event

SITES = [
    ("Eldoret", "KEN", 0.5143, 35.2698),
    ("Eldoret", "KEN", 0.5201, 35.2801),
    ("Tromso", "NOR", 69.6, 18.9),
]


def _event(rng: random.Random, number: int) -> Event:
    place, country, latitude, longitude = rng.choice(SITES)
    start = rng.choice([None, date(2024, 1, 1) + timedelta(days=rng.randrange(60))])
    level = rng.choice([None, "city", "facility"])
    return Event(
        rng.choice(["exercise", "meeting"]),
        "occurred",
        [country],
        f"Report {number}.",
        date=EventDate(start, start, "day" if start else "unknown"),
        location=Place(place, country, 1, latitude, longitude, level),
        event_id=f"E-{rng.randrange(10_000):05d}-{number}",
    )


def _sites(conn: sqlite3.Connection) -> list[str]:
    return sorted(repr(tuple(row)) for row in conn.execute("SELECT * FROM agg_sites"))


@pytest.mark.parametrize("seed", range(6))
def test_sites_kept_by_difference_equal_a_recount(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with open_store(tmp_path / "sites.db") as store, store.connection as conn:
        present: dict[str, Event] = {}
        for number in range(25):
            event = _event(rng, number)
            write_event(conn, event, set())
            present[event.event_id or ""] = event
        count_sites(conn, "1 = 1", [])
        for day in range(40):
            gone = rng.sample(sorted(present), k=min(len(present), rng.randrange(4)))
            came = [_event(rng, 100 * (day + 1) + n) for n in range(rng.randrange(4))]
            for event_id in gone[: rng.randrange(len(gone) + 1)]:  # some come back, changed
                again = _event(rng, 100 * (day + 1) + 50)
                again.event_id = event_id
                came.append(again)
            marks = ", ".join("?" * len(gone))
            before = site_events(conn, f"e.event_id IN ({marks})", gone) if gone else []
            conn.execute(f"DELETE FROM events WHERE event_id IN ({marks})", gone)
            for event_id in gone:
                present.pop(event_id)
            for event in came:
                write_event(conn, event, set())
                present[event.event_id or ""] = event
            ids = [e.event_id for e in came]
            after = site_events(conn, f"e.event_id IN ({', '.join('?' * len(ids))})", ids) if ids else []
            refresh_sites(conn, before, after)
            kept = _sites(conn)
            conn.execute("DELETE FROM agg_sites")
            count_sites(conn, "1 = 1", [])
            assert kept == _sites(conn), f"day {day}"
