from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from detente.store import open_store
from detente.store.connection import connect
from detente.store.migrations import MIGRATIONS, migrate


def test_a_new_store_records_every_migration_in_order(tmp_path: Path) -> None:
    with open_store(tmp_path / "d.db") as store:
        rows = store.connection.execute("SELECT name, applied_at FROM migrations ORDER BY id").fetchall()
    assert [row["name"] for row in rows] == [name for name, _ in MIGRATIONS]
    assert all(row["applied_at"] for row in rows)


def test_reopening_applies_nothing_and_keeps_the_record(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    open_store(path).close()
    conn = connect(path)
    before = conn.execute("SELECT * FROM migrations").fetchall()
    assert migrate(conn) == []
    assert [tuple(r) for r in conn.execute("SELECT * FROM migrations").fetchall()] == [
        tuple(r) for r in before
    ]
    conn.close()


def test_an_older_database_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path)
    conn.execute(
        "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT)"
    )
    first_name, first = MIGRATIONS[0]
    first(conn)
    conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, 'then')", (first_name,))
    conn.close()

    with open_store(path) as store:
        names = [r[0] for r in store.connection.execute("SELECT name FROM migrations ORDER BY id")]
        tables = {
            r[0] for r in store.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    assert names == [name for name, _ in MIGRATIONS]
    assert {"events", "event_countries", "people", "person_names", "articles_fts", "events_fts"} <= tables


def test_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    with open_store(tmp_path / "d.db") as store:
        conn = store.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(ValueError, match=r"cannot open store .*notes\.db"):
        open_store(path)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "d.db")


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    open_store(path).close()

    def m999_broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("THIS IS NOT SQL")

    MIGRATIONS.append(("m999_broken", m999_broken))
    try:
        conn = connect(path)
        with pytest.raises(sqlite3.OperationalError):
            migrate(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        names = {r[0] for r in conn.execute("SELECT name FROM migrations")}
        conn.close()
    finally:
        MIGRATIONS.remove(("m999_broken", m999_broken))
    assert "half_done" not in tables
    assert "m999_broken" not in names


def test_a_later_migration_backfills_rows_already_stored(tmp_path: Path) -> None:
    """m004 adds participants' name keys; rows written before it get them too."""
    path = tmp_path / "old.db"
    conn = connect(path)
    conn.execute(
        "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT)"
    )
    for name, func in MIGRATIONS[:3]:
        func(conn)
        conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, 'then')", (name,))
    conn.execute(
        "INSERT INTO events (event_id, type, status, countries, topics, evidence, all_evidence)"
        " VALUES ('E-1', 'meeting', 'occurred', '[\"KEN\"]', '[]', 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO event_participants (event_id, position, name) VALUES ('E-1', 0, 'Amina  WEKESA')"
    )
    conn.close()

    with open_store(path) as store:
        key = store.connection.execute("SELECT name_key FROM event_participants").fetchone()[0]
    assert key == "amina wekesa"
