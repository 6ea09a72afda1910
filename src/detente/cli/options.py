"""Options several commands share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.cli.safe import printable

DbOption = Annotated[
    Path, typer.Option("--db", help="SQLite database file.", envvar="DETENTE_DB", show_default=True)
]
DEFAULT_DB = Path("detente.db")


def open_query(db: Path):
    """Open the query layer, or stop with a clear message when there is no database yet.

    A resolution an interrupted ingest left pending is finished first, so every
    command reads the events of every stored article.
    """
    from detente.pipeline import open_current

    if not db.exists():
        shown = printable(db)
        raise typer.BadParameter(
            f"{shown}: no such database; run `detente ingest SOURCE --db {shown}` first", param_hint="--db"
        )
    return open_current(db, on_start=_announce_catch_up)


def _announce_catch_up(count: int) -> None:
    typer.echo(f"detente: resolving {count} article(s) an interrupted ingest left unresolved", err=True)
