"""Per-thread query objects: never shared by two threads, reopened after the lifespan closes them."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from detente.api.pool import ThreadQueries


def test_one_query_object_per_thread(curated_db: Path) -> None:
    queries = ThreadQueries(curated_db)
    main = queries.current()
    assert queries.current() is main
    seen: list[object] = []
    barrier = threading.Barrier(4)

    def worker() -> None:
        barrier.wait()  # all alive at once, so no thread's identity is reused
        seen.append(queries.current())
        assert queries.current() is seen[-1]
        assert queries.current().stats().events == 6

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(query) for query in [main, *seen]}) == 5
    queries.close()


def test_close_closes_all_and_later_use_reopens(curated_db: Path) -> None:
    queries = ThreadQueries(curated_db)
    first = queries.current()
    queries.close()
    with pytest.raises(sqlite3.ProgrammingError):
        first.stats()
    second = queries.current()
    assert second is not first
    assert second.stats().events == 6
    queries.close()
