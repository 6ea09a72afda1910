"""The store knows whether its resolution is current (issue 13, defect 1).

Each article is marked unresolved in the transaction that stores it; the mark is
cleared in the one that saves a resolution including it. A resolution computed from
an older snapshot never overwrites a newer one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from detente.models import Article, Event, Resolution
from detente.resolve import resolve_all
from detente.store import Store, open_store
from detente.store.connection import connect
from detente.store.migrations import MIGRATIONS

TEXT = "Ghana and Nigeria agreed on Friday to hold a joint naval exercise in the Gulf of Guinea."
OTHER = "Kenya and Uganda signed a memorandum of understanding on border security in Nairobi on Monday."


def _mention(text: str, countries: list[str]) -> Event:
    return Event(type="agreement", status="occurred", countries=countries, evidence=text, evidence_start=0)


def _add(store: Store, doc_id: str, text: str, countries: list[str]) -> None:
    assert store.add_article(Article(doc_id, text), [_mention(text, countries)])


def _resolve(store: Store) -> None:
    snapshot = store.resolution_input()
    assert store.save_resolution(resolve_all(snapshot.articles, snapshot.mentions), snapshot)


def test_an_article_stored_makes_the_resolution_pending_until_one_includes_it(store: Store) -> None:
    assert not store.resolution_pending()
    _add(store, "gha", TEXT, ["GHA", "NGA"])
    assert store.resolution_pending() and store.unresolved_count() == 1
    _resolve(store)
    assert not store.resolution_pending()


def test_an_article_stored_after_the_snapshot_stays_pending(store: Store) -> None:
    _add(store, "gha", TEXT, ["GHA", "NGA"])
    snapshot = store.resolution_input()
    _add(store, "ken", OTHER, ["KEN", "UGA"])  # another process, while this one resolves
    assert store.save_resolution(resolve_all(snapshot.articles, snapshot.mentions), snapshot)
    assert store.unresolved_count() == 1
    _resolve(store)
    assert not store.resolution_pending()
    assert store.connection.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_a_resolution_from_an_older_snapshot_never_replaces_a_newer_one(store: Store) -> None:
    _add(store, "gha", TEXT, ["GHA", "NGA"])
    old = store.resolution_input()
    _add(store, "ken", OTHER, ["KEN", "UGA"])
    _resolve(store)  # a newer resolution, with both articles, is saved first
    assert not store.save_resolution(resolve_all(old.articles, old.mentions), old)
    assert store.connection.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    assert not store.resolution_pending()


def test_a_failed_save_keeps_the_marks_and_the_previous_resolution(store: Store) -> None:
    _add(store, "gha", TEXT, ["GHA", "NGA"])
    _resolve(store)
    _add(store, "ken", OTHER, ["KEN", "UGA"])
    snapshot = store.resolution_input()
    broken = Resolution([_mention(OTHER, ["KEN", "UGA"])])  # no event_id: refused
    with pytest.raises(ValueError, match="need an event_id"):
        store.save_resolution(broken, snapshot)
    assert store.unresolved_count() == 1
    assert store.connection.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_a_resolution_saved_without_a_snapshot_covers_every_article(store: Store) -> None:
    _add(store, "gha", TEXT, ["GHA", "NGA"])
    _add(store, "ken", OTHER, ["KEN", "UGA"])
    store.save_resolution(resolve_all(store.articles(), store.mentions()))
    assert not store.resolution_pending()


def test_a_database_an_older_version_left_unresolved_is_marked_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    before_marks = [name for name, _ in MIGRATIONS].index("m006_resolution_marks")
    conn = connect(path)
    conn.execute(
        "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT)"
    )
    for name, migration in MIGRATIONS[:before_marks]:
        migration(conn)
        conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, 'then')", (name,))
    for doc_id, text in (("resolved", TEXT), ("killed", OTHER)):  # the second: stored, never resolved
        conn.execute(
            "INSERT INTO articles (doc_id, hash, text, ingested_at) VALUES (?, ?, ?, 'then')",
            (doc_id, doc_id, text),
        )
        conn.execute(
            "INSERT INTO mentions (doc_id, position, type, status, countries, participants, topics, evidence,"
            " event_id) VALUES (?, 0, 'agreement', 'occurred', '[\"GHA\"]', '[]', '[]', ?, ?)",
            (doc_id, text, "e1" if doc_id == "resolved" else None),
        )
    conn.close()
    with open_store(path) as store:
        rows = store.connection.execute("SELECT doc_id FROM articles WHERE unresolved = 1").fetchall()
    assert [row[0] for row in rows] == ["killed"]


def test_the_mark_is_written_in_the_article_transaction(tmp_path: Path) -> None:
    """Read by another connection: there is never an article without its mark."""
    with open_store(tmp_path / "d.db") as store:
        _add(store, "gha", TEXT, ["GHA", "NGA"])
    reader = sqlite3.connect(tmp_path / "d.db")
    assert reader.execute("SELECT doc_id, unresolved FROM articles").fetchall() == [("gha", 1)]
    reader.close()
