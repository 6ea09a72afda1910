"""Opening a database (a SQLite file or a PostgreSQL URL) with the settings every detente
connection needs, and the one way the store writes: an explicit transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from detente.store.dialect import dialect_of
from detente.store.keys import name_key, title_key

BUSY_TIMEOUT_SECONDS = 30.0


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection in WAL mode with foreign keys on and a generous busy timeout.

    `isolation_level=None` leaves transactions to `transaction()`, so each write is
    exactly one explicit BEGIN ... COMMIT and nothing commits behind our back.
    `check_same_thread=False` lets a web server share one connection; callers
    serialise access themselves.
    """
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        _configure(conn, str(path) != ":memory:")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection, on_disk: bool) -> None:
    conn.row_factory = sqlite3.Row
    conn.create_function("name_key", 1, _nullable(name_key), deterministic=True)
    conn.create_function("title_key", 1, _nullable(title_key), deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    if on_disk:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def _nullable(func: Callable[[str], str]) -> Callable[[str | None], str | None]:
    """SQL functions get NULL for missing values; pass it through."""
    return lambda value: None if value is None else func(str(value))


@contextmanager
def transaction(conn: sqlite3.Connection, lock: str | None = None) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing write that takes the write lock up front (`Dialect.begin_write`).

    `lock` names what an article write touches (its doc_id): PostgreSQL lets writers of
    different articles run at once; without it the transaction writes alone."""
    dialect_of(conn).begin_write(conn, lock)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
