"""Aggregates are kept between calls, yet never outlive a change to the database."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import detente
from detente.models import Article, Event, EventDate, Resolution, Source
from detente.query.memo import AggregateMemo
from detente.store import open_store
from detente.store.stamps import file_stamp


def test_a_write_by_another_connection_is_seen_at_once(sample_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(sample_db, path)
    with detente.open(path) as q:
        before = q.stats().events
        assert q.dyads()[0].events == q.dyads()[0].events
        text = "Kenyan and Ugandan officers met in Nairobi on 2 May 2025."
        event = Event(
            "meeting",
            "occurred",
            ["KEN", "UGA"],
            text,
            EventDate(date(2025, 5, 2), date(2025, 5, 2), "day"),
            event_id="E-new",
            sources=[Source("new-doc", text)],
        )
        with open_store(path) as store:  # an ingest in another connection
            store.add_article(Article("new-doc", text), [])
            resolution = Resolution([*_stored_events(q), event], [], {})
            store.save_resolution(resolution)
        assert q.stats().events == before + 1
        assert next(d for d in q.dyads() if (d.country_a, d.country_b) == ("KEN", "UGA")).events == 5


def _stored_events(q: detente.query.Detente) -> list[Event]:
    """The events already stored, as a resolution needs them (enough for counting)."""
    events = []
    for row in q.details(q.event_ids()):
        events.append(
            Event(
                row.type,
                row.status,
                row.countries,
                row.evidence,
                EventDate(row.date_start, row.date_end, row.date_precision),
                event_id=row.event_id,
                sources=[Source(s.doc_id, s.evidence) for s in row.sources],
            )
        )
    return events


def test_kept_results_are_handed_out_as_copies(sample_db: Path) -> None:
    with detente.open(sample_db) as q:
        first = q.dyads()
        first[0].by_type["meeting"] = 999
        assert q.dyads()[0].by_type.get("meeting") != 999


def test_a_result_computed_while_the_files_changed_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "file.db"
    path.write_bytes(b"one")
    memo = AggregateMemo(path)
    calls: list[int] = []

    def count(_conn: object) -> int:
        calls.append(1)
        path.write_bytes(b"two, longer")  # a write lands while this result is computed
        return len(calls)

    assert memo.read(None, count) == 1  # type: ignore[arg-type]
    assert memo.read(None, count) == 2, "the first result was not kept"  # type: ignore[arg-type]
    stamp = file_stamp(path)
    assert stamp == file_stamp(path) and len(stamp) == 4
