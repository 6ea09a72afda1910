"""A time limit on one call, in whatever thread makes it.

Extraction of one article must end: a pathological page may hold rules that grow
faster than its length, and one article may never stall a batch or a server thread.
A watchdog thread raises `TimeLimitExceeded` inside the calling thread when the limit
passes (CPython's asynchronous exception, delivered between two bytecodes), so the
call unwinds through its own `finally` blocks and the caller reports a named failure.
A long single C call (one regular expression over one paragraph) ends before the
exception is seen; the rules keep each such call bounded by a paragraph.

CPython drops an asynchronous exception that lands inside a garbage-collector callback or
a finaliser (it reports it as "ignored" and goes on). So the long loops of extraction also
call `check_time_limit()`, an ordinary raise once this thread's deadline has passed: the
watchdog makes the stop prompt, the checkpoints make it certain.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class TimeLimitExceeded(BaseException):
    """The call ran past its limit and was stopped.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` on the way
    up swallows it and carries on.
    """

    def __init__(self, seconds: float = 0.0) -> None:
        super().__init__(f"took longer than {seconds:g}s, the time limit per article")
        self.seconds = seconds


class _Deadline(threading.local):
    """When this thread's innermost limited call must end (monotonic seconds), and its limit."""

    at: float | None = None
    seconds: float = 0.0


_DEADLINE = _Deadline()


def check_time_limit() -> None:
    """Raise TimeLimitExceeded when this thread's limited call has run out (cheap: one clock read)."""
    at = _DEADLINE.at
    if at is not None and time.monotonic() > at:
        raise TimeLimitExceeded(_DEADLINE.seconds)


def call_with_time_limit(func: Callable[[], T], seconds: float | None) -> T:
    """`func()`, or TimeLimitExceeded once it has run `seconds` (None or 0: no limit)."""
    if not seconds:
        return func()
    outer_at, outer_seconds = _DEADLINE.at, _DEADLINE.seconds
    at = time.monotonic() + seconds
    if outer_at is None or at < outer_at:  # a nested call never extends the outer limit
        _DEADLINE.at, _DEADLINE.seconds = at, seconds
    watchdog = _Watchdog(threading.get_ident(), seconds)
    timer = threading.Timer(seconds, watchdog.expire)
    timer.daemon = True
    try:
        try:
            timer.start()
            return func()
        finally:
            # Plain stores first: no bytecode here lets a pending exception in before them.
            _DEADLINE.at, _DEADLINE.seconds = outer_at, outer_seconds
            timer.cancel()
            watchdog.finish()
    except TimeLimitExceeded as exc:
        if exc.seconds or not watchdog.fired:  # named by a checkpoint, or an outer call's watchdog
            raise
        raise TimeLimitExceeded(seconds) from None  # this call's watchdog: its exception has no figure


class _Watchdog:
    """Raises in the watched thread at most once, and never after the call has finished."""

    def __init__(self, thread_id: int, seconds: float) -> None:
        self._thread_id = thread_id
        self._seconds = seconds
        self._lock = threading.Lock()
        self._done = False
        self._fired = False

    def expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self._fired = True
            _set_async_exception(self._thread_id, TimeLimitExceeded)

    @property
    def fired(self) -> bool:
        return self._fired

    def finish(self) -> None:
        with self._lock:
            self._done = True
            if self._fired:  # delivered already, or still pending: a pending one is withdrawn
                _set_async_exception(self._thread_id, None)


def _set_async_exception(thread_id: int, kind: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(kind) if kind is not None else ctypes.c_void_p(0)
    )
