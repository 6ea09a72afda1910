"""One query object per server thread, so no SQLite connection is used by two requests at once.

FastAPI runs synchronous endpoints in a thread pool and each worker thread serves
one request at a time, so a query object kept per thread is never shared by
concurrent requests. It must be fetched inside the endpoint body (FastAPI may run
a dependency in a different thread from its endpoint), which also suits the
dashboard's zero-argument `get_query()`. The pool grows to the server's
concurrency and no further; opening costs nothing per request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.query import Detente


def _open_query(path: Path) -> Detente:
    from detente.query import open as open_query

    return open_query(path)


class ThreadQueries:
    """Lazily opens, per thread, a query object over one database; `close()` closes them all.

    Closing is not final: the app's lifespan may run again (a test client per
    request, a server reload), so a thread asking afterwards gets a fresh one.
    """

    def __init__(self, db_path: str | Path, opener: Callable[[Path], Detente] = _open_query) -> None:
        from detente.store.location import database_location

        self.db_path = database_location(db_path)
        self._opener = opener
        self._local = threading.local()
        self._opened: list[Detente] = []
        self._generation = 0
        self._lock = threading.Lock()

    def current(self) -> Detente:
        """This thread's query object, opened on first use (or first use since `close()`)."""
        if getattr(self._local, "generation", None) != self._generation:
            query = self._opener(self.db_path)
            with self._lock:
                self._opened.append(query)
                self._local.query, self._local.generation = query, self._generation
        return self._local.query

    def close(self) -> None:
        with self._lock:
            self._generation += 1
            opened, self._opened = self._opened, []
        for query in opened:
            query.close()
