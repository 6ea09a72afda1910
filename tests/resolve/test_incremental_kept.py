"""A day rebuilds whole sets of mentions; the events that come out as stored stay in place.

`StoredState.unchanged_events` compares the rows an event would be written as
(`event_rows`) with the rows stored (`stored_rows`); the save then leaves those events,
their search entries, counts and links alone. These tests hold the comparison to every
column written, on both backends, and check that a real day keeps some events in place
while the database still equals a full re-resolution (`test_incremental` checks that for
shuffled orders too).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from tests.resolve.test_incremental import assert_same, content, fresh, full, synthetic_world

from detente.models import Event, Participant, Place
from detente.pipeline import resolve
from detente.resolving import finish_resolution
from detente.store import Store, open_store
from detente.store.event_rows import COLUMNS, event_rows, stored_rows
from detente.store.incremental import StoredState


def _saved(location: str | Path) -> tuple[Store, list[Event], set[str]]:
    store = open_store(location)
    for article, mentions in fresh(synthetic_world(300, 12).by_article()):
        store.add_article(article, mentions)
    resolution = resolve(store.articles(), store.mentions())
    store.save_resolution(resolution)
    return store, resolution.events, {p.person_id for p in resolution.people}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_stored_rows_read_back_what_event_rows_builds(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    location = tmp_path / "rows.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    store, events, known = _saved(location)
    with store:
        conn = store.connection
        stored = stored_rows(conn, [e.event_id for e in events])
        assert len(stored) == len(events) > 100
        for event in events:
            built = event_rows(conn, event, known)
            assert tuple(built.event) == COLUMNS["events"]
            assert all(tuple(row) == COLUMNS["event_participants"] for row in built.participants)
            assert all(tuple(row) == COLUMNS["event_sources"] for row in built.sources)
            assert stored[event.event_id or ""].values() == built.values(), event.event_id
        assert StoredState(conn).unchanged_events(events, known) == {e.event_id for e in events}


def _changes(event: Event) -> dict[str, Event]:
    """The event with one written field moved, each way a rebuilt event can differ."""

    def moved(change) -> Event:
        other = copy.deepcopy(event)
        change(other)
        return other

    return {
        "date": moved(
            lambda e: setattr(e.date, "precision", "year" if e.date.precision != "year" else "day")
        ),
        "place": moved(lambda e: setattr(e, "location", Place("Elsewhere", "NOR", 1, 1.0, 2.0, "city"))),
        "participant": moved(lambda e: e.participants.append(Participant("A. Newcomer", "envoy", "NOR"))),
        "source": moved(lambda e: e.sources.pop()),
        "evidence": moved(lambda e: setattr(e, "evidence", e.evidence + " Later.")),
        "topics": moved(lambda e: e.topics.append("training")),
    }


def test_any_written_field_that_moves_makes_the_event_changed(tmp_path: Path) -> None:
    store, events, known = _saved(tmp_path / "moved.db")
    with store:
        state = StoredState(store.connection)
        event = next(e for e in events if len(e.sources) >= 2 and e.location is not None)
        assert state.unchanged_events([event], known) == {event.event_id}
        for field, changed in _changes(event).items():
            assert state.unchanged_events([changed], known) == set(), field
        named = next(e for e in events if any(p.person_id for p in e.participants))
        assert state.unchanged_events([named], known - {p.person_id for p in named.participants}) == set()


def test_a_day_keeps_the_events_it_rebuilt_unchanged_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = fresh(synthetic_world(3_000, 14).by_article())
    first, later = pairs[:-300], pairs[-300:]  # a day that joins sets holding several events
    increments = []
    real = Store.save_increment

    def recorded(self: Store, increment, batch) -> bool:
        increments.append(increment)
        return real(self, increment, batch)

    db = tmp_path / "day.db"
    with open_store(db) as store:
        for article, mentions in first:
            store.add_article(article, mentions)
        finish_resolution(store)
        rows_before = dict(store.connection.execute("SELECT event_id, id FROM events").fetchall())
        monkeypatch.setattr(Store, "save_increment", recorded)
        for article, mentions in later:
            store.add_article(article, mentions)
        finish_resolution(store)
        rows_after = dict(store.connection.execute("SELECT event_id, id FROM events").fetchall())
    redone = {saved[0] for inc in increments for saved in inc.saved.values()} - {None}
    rewritten = {event_id for inc in increments for event_id in inc.removed_events}
    kept = redone - rewritten
    assert kept and rewritten, (len(kept), len(rewritten))
    assert all(rows_after[event_id] == rows_before[event_id] for event_id in kept)
    assert all(rows_after.get(event_id) != rows_before[event_id] for event_id in rewritten)
    assert_same(full(pairs, tmp_path / "full.db"), content(db))


def test_the_collector_is_back_after_every_batch_even_a_failed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch runs with the cycle collector paused (`collection_paused`); it must come back on,
    or a long ingest would keep every reference cycle it ever made."""
    import gc

    import detente.resolving as resolving

    seen: list[bool] = []
    real = resolving.resolve_increment

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(resolving, "resolve_increment", watched)
    pairs = fresh(synthetic_world(200, 15).by_article())
    with open_store(tmp_path / "gc.db") as store:
        for article, mentions in pairs:
            store.add_article(article, mentions)
        assert gc.isenabled()
        finish_resolution(store, batch_articles=40)
        assert seen and not any(seen)  # paused inside every batch
        assert gc.isenabled()

        def broken(*args, **kwargs):
            raise RuntimeError("a batch that fails")

        monkeypatch.setattr(resolving, "resolve_increment", broken)
        store.add_article(*fresh(synthetic_world(30, 16).by_article())[0])
        with pytest.raises(RuntimeError, match="a batch that fails"):
            finish_resolution(store)
        assert gc.isenabled()
