"""Aggregates kept until the database changes, so the dashboard does not recount 10,000 events
for every page view.

One memo is shared by every query object over the same database file (a web server
opens one per worker thread, a CLI one per command). Whether the data changed is read
from the files themselves: every commit appends to the write-ahead log and every
checkpoint rewrites it or the database, so the size and modification time of the two
files change with every write, whichever process made it (a PostgreSQL database is
stamped with its resolution generation and article count: `store.stamps`). A changed stamp drops every
kept result, and a result computed while the stamp changed is not kept. Results are
handed out as fresh copies, so a caller that changes a row cannot change what the
next caller gets.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from detente.store.stamps import change_stamp

R = TypeVar("R")
MOST_KEPT = 256


def fresh(value: Any) -> Any:
    """A copy of nested dicts and lists (rows are dicts of plain values, lists and dicts)."""
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}
    if isinstance(value, list):
        return [fresh(item) for item in value]
    return value


class AggregateMemo:
    """Results of read functions by (function, arguments), for one database file."""

    def __init__(self, path: Path | str, most: int = MOST_KEPT) -> None:
        self.path = path
        self._kept: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
        self._stamp: tuple[Any, ...] | None = None
        self._most = most
        self._lock = threading.Lock()

    def read(self, conn: sqlite3.Connection, func: Callable[..., R], *args: Hashable) -> R:
        """`func(conn, *args)`, or a copy of its result kept since the database last changed."""
        key = (func.__module__, func.__qualname__, *args)
        before = change_stamp(self.path, conn)
        with self._lock:
            if before != self._stamp:
                self._kept.clear()
                self._stamp = before
            elif key in self._kept:
                self._kept.move_to_end(key)
                return fresh(self._kept[key])
        result = func(conn, *args)
        with self._lock:
            if change_stamp(self.path, conn) == before == self._stamp:  # nothing was written meanwhile
                self._kept[key] = result
                if len(self._kept) > self._most:
                    self._kept.popitem(last=False)
        return fresh(result)


_MEMOS: dict[Path | str, AggregateMemo] = {}
_MEMOS_LOCK = threading.Lock()


def memo_for(path: Path | str) -> AggregateMemo:
    """The memo every query object over this database (file or server URL) shares."""
    key = path if isinstance(path, str) else Path(path).resolve()
    with _MEMOS_LOCK:
        return _MEMOS.setdefault(key, AggregateMemo(key))
