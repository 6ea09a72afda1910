"""What changes whenever the stored data does, so kept aggregates know when to go stale."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

Stamp = tuple[Any, ...]


def file_stamp(path: Path) -> Stamp:
    """Size and modification time (ns) of a SQLite database and its write-ahead log: every
    commit appends to the log and every checkpoint rewrites it or the database."""
    stamp: list[int] = []
    for name in (str(path), f"{path}-wal"):
        try:
            found = os.stat(name)
        except FileNotFoundError:
            stamp += [-1, -1]
        else:
            stamp += [found.st_size, found.st_mtime_ns]
    return tuple(stamp)


def data_stamp(conn: Any) -> Stamp:
    """For a server database: the resolution's generation (bumped by every saved resolution)
    and the count of stored articles, read in one statement."""
    row = conn.execute(
        "SELECT generation, (SELECT value FROM agg_totals WHERE name = 'articles') FROM resolution_state"
    ).fetchone()
    return tuple(row)


def change_stamp(location: Path | str, conn: Any) -> Stamp:
    return file_stamp(location) if isinstance(location, Path) else data_stamp(conn)
