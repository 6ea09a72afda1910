"""Aggregates kept until the database changes, so the dashboard does not recount 10,000 events
for every page view.

One memo is shared by every query object over the same database file (a web server
opens one per worker thread, a CLI one per command). Whether the data changed is read
from the files themselves: every commit appends to the write-ahead log and every
checkpoint rewrites it or the database, so the size and modification time of the two
files change with every write, whichever process made it. A changed stamp drops every
kept result, and a result computed while the stamp changed is not kept. Results are
handed out as fresh copies, so a caller that changes a row cannot change what the
next caller gets.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

R = TypeVar("R")
MOST_KEPT = 256
Stamp = tuple[int, ...]


def fresh(value: Any) -> Any:
    """A copy of nested dicts and lists (rows are dicts of plain values, lists and dicts)."""
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}
    if isinstance(value, list):
        return [fresh(item) for item in value]
    return value


def file_stamp(path: Path) -> Stamp:
    """Size and modification time (ns) of the database and its write-ahead log."""
    stamp: list[int] = []
    for name in (str(path), f"{path}-wal"):
        try:
            found = os.stat(name)
        except FileNotFoundError:
            stamp += [-1, -1]
        else:
            stamp += [found.st_size, found.st_mtime_ns]
    return tuple(stamp)


class AggregateMemo:
    """Results of read functions by (function, arguments), for one database file."""

    def __init__(self, path: Path, most: int = MOST_KEPT) -> None:
        self.path = path
        self._kept: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
        self._stamp: Stamp | None = None
        self._most = most
        self._lock = threading.Lock()

    def read(self, conn: sqlite3.Connection, func: Callable[..., R], *args: Hashable) -> R:
        """`func(conn, *args)`, or a copy of its result kept since the database last changed."""
        key = (func.__module__, func.__qualname__, *args)
        before = file_stamp(self.path)
        with self._lock:
            if before != self._stamp:
                self._kept.clear()
                self._stamp = before
            elif key in self._kept:
                self._kept.move_to_end(key)
                return fresh(self._kept[key])
        result = func(conn, *args)
        with self._lock:
            if file_stamp(self.path) == before == self._stamp:  # nothing was written meanwhile
                self._kept[key] = result
                if len(self._kept) > self._most:
                    self._kept.popitem(last=False)
        return fresh(result)


_MEMOS: dict[Path, AggregateMemo] = {}
_MEMOS_LOCK = threading.Lock()


def memo_for(path: Path) -> AggregateMemo:
    """The memo every query object over this database file shares."""
    key = Path(path).resolve()
    with _MEMOS_LOCK:
        return _MEMOS.setdefault(key, AggregateMemo(key))
