"""Where a detente database is: a SQLite file (a Path) or a PostgreSQL server (its URL, a str).

`--db`, `$DETENTE_DB` and `detente.open()` take either; these helpers keep a URL intact
(`Path` would fold its `//`) and never show its password.
"""

from __future__ import annotations

from pathlib import Path

from detente.store.postgres import is_postgres_url, shown_url

Location = Path | str


def database_location(value: str | Path) -> Location:
    """A `postgresql://` URL kept as written, anything else a file path."""
    return str(value) if is_postgres_url(str(value)) else Path(value)


def database_exists(location: str | Path) -> bool:
    """A server database counts as there (opening it says clearly when it is not); a file must be."""
    found = database_location(location)
    return isinstance(found, str) or found.is_file()


def shown_location(location: str | Path) -> str:
    found = database_location(location)
    return shown_url(found) if isinstance(found, str) else str(found)
