"""Exports in the formats the event-data field uses: CSV, JSON Lines and Parquet.

Columns and codes are documented in docs/exports.md. `db` is an open `Detente`
or the path of a database file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from detente.export.columns import (
    DYAD_YEAR_COLUMNS,
    EVENT_COLUMNS,
    SOURCE_COLUMNS,
    dyad_year_record,
    event_record,
    source_record,
)
from detente.export.writers import FORMATS, check_format, write, write_csv_rows
from detente.query import Detente, EventDetail, EventRow
from detente.query import open as open_db

__all__ = ["FORMATS", "export_dyad_years", "export_events", "export_sources", "write_events_csv"]

_BATCH = 1000


def export_events(db: Detente | str | Path, path: str | Path, format: str | None = None) -> int:
    """One row per merged event; returns the number of rows written."""
    path = Path(path)
    fmt = check_format(format, path)
    with _opened(db) as detente:
        return write(path, fmt, EVENT_COLUMNS, (event_record(e) for e in _all_events(detente)))


def write_events_csv(events: Iterable[EventRow], handle: TextIO) -> int:
    """Events as the events export's CSV, to an open stream (what `detente events -f csv` prints)."""
    return write_csv_rows(handle, EVENT_COLUMNS, (event_record(e) for e in events))


def export_sources(db: Detente | str | Path, path: str | Path, format: str | None = None) -> int:
    """One row per report of an event (event × article)."""
    path = Path(path)
    fmt = check_format(format, path)
    with _opened(db) as detente:
        records = (source_record(e, s) for e in _all_events(detente) for s in e.sources)
        return write(path, fmt, SOURCE_COLUMNS, records)


def export_dyad_years(db: Detente | str | Path, path: str | Path, format: str | None = None) -> int:
    """One row per unordered country pair and year, with event counts per type."""
    path = Path(path)
    fmt = check_format(format, path)
    with _opened(db) as detente:
        return write(path, fmt, DYAD_YEAR_COLUMNS, (dyad_year_record(r) for r in detente.dyad_years()))


def _all_events(detente: Detente) -> Iterator[EventDetail]:
    """Every event with its sources, newest first, read a batch at a time."""
    event_ids = detente.event_ids()
    for first in range(0, len(event_ids), _BATCH):
        yield from detente.details(event_ids[first : first + _BATCH])


@contextmanager
def _opened(db: Detente | str | Path) -> Iterator[Detente]:
    """Use an open Detente as is; open (and close again) a database given by path."""
    if isinstance(db, Detente):
        yield db
        return
    detente = open_db(db)
    try:
        yield detente
    finally:
        detente.close()
