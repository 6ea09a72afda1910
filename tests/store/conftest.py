from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.store import Store, open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The store suite runs against both backends: a SQLite file and a real PostgreSQL server."""
    sqlite = request.param == "sqlite"
    location = tmp_path / "detente.db" if sqlite else request.getfixturevalue("postgres_url")
    with open_store(location) as opened:
        yield opened


def integrity_errors() -> tuple[type[Exception], ...]:
    """What a broken constraint raises, on either backend."""
    import sqlite3

    try:
        import psycopg
    except ImportError:
        return (sqlite3.IntegrityError,)
    return (sqlite3.IntegrityError, psycopg.IntegrityError)
