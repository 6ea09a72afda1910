"""Ordered, named schema migrations, each applied once in its own transaction.

Migrations are plain functions registered in order (the sqlite-utils/datasette
way); the `migrations` table records which ran and when, so opening an old
database brings it up to date and opening a current one changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from detente.store.connection import transaction
from detente.store.dialect import dialect_of

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(func: Migration) -> Migration:
    """Register `func` as the next migration, under its function name."""
    if any(name == func.__name__ for name, _ in MIGRATIONS):
        raise ValueError(f"migration {func.__name__!r} is registered twice")
    MIGRATIONS.append((func.__name__, func))
    return func


def run_statements(conn: sqlite3.Connection, script: str) -> None:
    """Execute `;`-separated DDL inside the current transaction (executescript would commit),
    with the column types of the connection's dialect."""
    dialect = dialect_of(conn)
    buffer = ""
    for line in dialect.ddl(script).splitlines(keepends=True):
        buffer += line
        if _complete(buffer, dialect.name):
            conn.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:80]}")


def _complete(statement: str, dialect: str) -> bool:
    if dialect == "sqlite":
        return sqlite3.complete_statement(statement)
    return statement.rstrip().endswith(";") and statement.count("$$") % 2 == 0


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied, oldest first."""
    rows = conn.execute("SELECT name FROM migrations ORDER BY id").fetchall()
    return [row[0] for row in rows]


def _create_migrations_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        dialect_of(conn).ddl(
            "CREATE TABLE IF NOT EXISTS migrations ("
            " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
        )
    )


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration; return the names applied now."""
    from detente.store import schema, schema_indexes  # noqa: F401  (register the migrations, in order)

    if dialect_of(conn).name != "sqlite":  # two processes opening a new database at once
        with transaction(conn):
            _create_migrations_table(conn)
    else:
        _create_migrations_table(conn)
    done_now: list[str] = []
    for name, func in MIGRATIONS:
        if name in applied(conn):
            continue
        with transaction(conn):
            # Re-check under the write lock: another process may have just applied it.
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                continue
            func(conn)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        done_now.append(name)
    return done_now
