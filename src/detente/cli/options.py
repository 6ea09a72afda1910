"""Options several commands share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path, typer.Option("--db", help="SQLite database file.", envvar="DETENTE_DB", show_default=True)
]
DEFAULT_DB = Path("detente.db")


def open_query(db: Path):
    """Open the query layer, or stop with a clear message when there is no database yet."""
    from detente.query import open as open_db

    if not db.exists():
        raise typer.BadParameter(
            f"{db}: no such database; run `detente ingest SOURCE --db {db}` first", param_hint="--db"
        )
    return open_db(db)
