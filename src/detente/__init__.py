"""detente: defence and security diplomacy events from news, sourced and queryable."""

from __future__ import annotations

from pathlib import Path as _Path
from typing import TYPE_CHECKING as _TYPE_CHECKING

if _TYPE_CHECKING:
    from detente.query import Detente

__version__ = "0.1.0"


def open(path: str | _Path = "detente.db") -> Detente:
    """Open a detente database for queries (the analyst entry point), first finishing a
    resolution an interrupted ingest left pending."""
    from detente.pipeline import open_current

    return open_current(path)
