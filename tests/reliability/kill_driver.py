"""Ingest that SIGKILLs itself at one named point: what a crash there leaves behind.

`arm(point, n)` wraps the store's real calls, so the process dies exactly where a power
cut or the OOM killer could stop it: before or after the Nth article's transaction, in
the middle of it (after its Nth row), as the resolution starts, inside its transaction,
or after it. `python kill_driver.py POINT N detente-args...` runs the CLI armed;
`killed_ingest` forks a child of an already loaded process (no model load per trial).
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from typing import Any


def _die() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _counting(func: Callable[..., Any], nth: int, *, after: bool = False) -> Callable[..., Any]:
    calls = 0

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == nth and not after:
            _die()
        result = func(*args, **kwargs)
        if calls == nth and after:
            _die()
        return result

    return wrapper


def _counting_rows(store: Any, nth: int) -> None:
    """Die after the call that writes the Nth row of add_article: the article row is one
    `insert`, its mentions one `insert_many` of a row each."""
    rows = 0

    def counted(func: Callable[..., Any], count: Callable[..., int]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal rows
            before = rows
            result = func(*args, **kwargs)
            rows += count(*args)
            if before < nth <= rows:
                _die()
            return result

        return wrapper

    store.insert = counted(store.insert, lambda *args: 1)
    store.insert_many = counted(store.insert_many, lambda conn, table, batch: len(batch))


def arm(point: str, nth: int) -> None:
    """Install the kill at `point` (see POINTS)."""
    from detente import resolving
    from detente.store import increment_write, store

    if point == "before_article":
        store.Store.add_article = _counting(store.Store.add_article, nth)
    elif point == "after_article":
        store.Store.add_article = _counting(store.Store.add_article, nth, after=True)
    elif point == "inside_article":  # the Nth row written by add_article, before its COMMIT
        _counting_rows(store, nth)
    elif point == "before_resolve":  # every article stored, nothing resolved yet
        resolving.resolve_increment = _counting(resolving.resolve_increment, nth)
    elif point == "before_save":  # a batch resolved in memory, not yet saved
        store.Store.save_increment = _counting(store.Store.save_increment, nth)
    elif point == "inside_save":  # events, people, counts written, plan links not yet, no COMMIT
        increment_write._write_links = _counting(increment_write._write_links, nth)
    elif point == "after_save":
        store.Store.save_increment = _counting(store.Store.save_increment, nth, after=True)
    else:
        raise SystemExit(f"unknown kill point {point!r}")


POINTS = (
    "before_article",
    "after_article",
    "inside_article",
    "before_resolve",
    "before_save",
    "inside_save",
    "after_save",
)


def killed_ingest(point: str, nth: int, sources: list[str], db: str, processor: Any) -> int:
    """Run the pipeline's ingest in a forked child armed at `point`; the signal that ended it."""
    pid = os.fork()
    if pid == 0:  # the child never returns into the caller
        code = 1
        try:
            from detente.pipeline import ingest_sources

            arm(point, nth)
            ingest_sources(sources, db, processor=processor, progress=False)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0


if __name__ == "__main__":
    arm(sys.argv[1], int(sys.argv[2]))
    from detente.cli import app

    sys.argv = ["detente", *sys.argv[3:]]
    app()
