"""Options several commands share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.cli.safe import printable


def database_location(value: str | Path) -> Path | str:
    from detente.store.location import database_location as location

    return location(value)


def database_exists(db: Path | str) -> bool:
    return isinstance(db, str) or db.exists()


def shown_database(db: Path | str) -> str:
    from detente.store.location import shown_location

    return printable(shown_location(db))


DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        help="SQLite database file, or a PostgreSQL URL (postgresql://USER@HOST:PORT/DB).",
        envvar="DETENTE_DB",
        show_default=True,
        parser=database_location,
    ),
]
DEFAULT_DB = Path("detente.db")


def open_query(db: Path | str):
    """Open the query layer, or stop with a clear message when there is no database yet.

    A resolution an interrupted ingest left pending is finished first, so every
    command reads the events of every stored article.
    """
    from detente.pipeline import open_current

    if not database_exists(db):
        shown = shown_database(db)
        raise typer.BadParameter(
            f"{shown}: no such database; run `detente ingest SOURCE --db {shown}` first", param_hint="--db"
        )
    try:
        return open_current(db, on_start=_announce_catch_up)
    except (ValueError, ImportError) as exc:
        if not isinstance(db, str):
            raise
        raise typer.BadParameter(printable(str(exc)), param_hint="--db") from exc


def _announce_catch_up(count: int) -> None:
    typer.echo(f"detente: resolving {count} article(s) an interrupted ingest left unresolved", err=True)
