"""PostgreSQL connections that answer the calls the store makes of a sqlite3 connection.

psycopg 3 is an optional dependency (`pip install 'detente[scale]'`): importing this
module works without it, and opening a `postgresql://` database says which extra to
install. Queries are translated once (`dialect.Postgres.translate`) and rows come back
indexable by position and by column name, like `sqlite3.Row`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from detente.store.dialect import POSTGRES

URL_SCHEMES = ("postgresql://", "postgres://")
MISSING_EXTRA = (
    "PostgreSQL support needs the optional dependencies:"
    " pip install 'detente[scale]' (psycopg 3 and its pool)"
)


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def shown_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as error:
        raise ImportError(MISSING_EXTRA) from error
    return psycopg


class Row(tuple):
    """A row readable as `row[0]` and `row["column"]`; `dict(row)` maps columns to values."""

    __slots__ = ()
    names: tuple[str, ...] = ()
    index: dict[str, int] = {}  # noqa: RUF012  (set per result shape)

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self.index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


_ROW_CLASSES: dict[tuple[str, ...], type[Row]] = {}


def _row_class(names: tuple[str, ...]) -> type[Row]:
    found = _ROW_CLASSES.get(names)
    if found is None:
        index = {name: position for position, name in enumerate(names)}
        found = type("Row", (Row,), {"__slots__": (), "names": names, "index": index})
        _ROW_CLASSES[names] = found
    return found


def _row_factory(cursor: Any) -> Any:
    if cursor.description is None:
        return None
    make = _row_class(tuple(column.name for column in cursor.description))
    return lambda values: make(_plain(value) for value in values)


def _plain(value: Any) -> Any:
    """numeric sums and averages as the int or float SQLite would give."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


class PgConnection:
    """One psycopg connection in autocommit mode: like the store's sqlite3 connections
    (`isolation_level=None`), transactions are the explicit BEGIN ... COMMIT of
    `connection.transaction`."""

    dialect = POSTGRES

    def __init__(self, raw: Any, url: str, pool: Any = None) -> None:
        self.raw = raw
        self.url = url
        self._pool = pool
        self._in_transaction = False
        self._closed = False

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        self._follow(sql)
        cursor = self.raw.cursor(row_factory=_row_factory)
        cursor.execute(POSTGRES.translate(sql), _params(params))
        return cursor

    def _follow(self, sql: str) -> None:
        """Track BEGIN ... COMMIT/ROLLBACK, and between transactions trade a connection the
        server dropped (a restart, a failover) for a fresh one from the pool: the request
        that met the broken connection fails, the next ones are served."""
        if self._closed:
            raise _psycopg().InterfaceError("the connection is closed")
        head = sql.lstrip()[:8].upper()
        if head.startswith(("COMMIT", "ROLLBACK")):
            self._in_transaction = False
            return
        if self._pool is not None and self.raw.broken and not self._in_transaction:
            self._pool.putconn(self.raw)  # the pool discards a broken connection
            self.raw = self._pool.getconn()
        if head.startswith("BEGIN"):
            self._in_transaction = True

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict[str, Any]]) -> Any:
        self._follow(sql)
        cursor = self.raw.cursor(row_factory=_row_factory)
        batch = [_params(row) for row in rows]
        if batch:
            cursor.executemany(POSTGRES.translate(sql), batch)
        return cursor

    @property
    def total_changes(self) -> int:
        """Refuses on a closed connection, as sqlite3's does (the query layer's liveness check)."""
        if self._closed or (self._pool is None and self.raw.closed):
            raise _psycopg().InterfaceError("the connection is closed")
        return 0

    def close(self) -> None:
        self._closed = True
        if self._pool is not None:  # back to the pool, which checks it before lending it again
            pool, self._pool = self._pool, None
            pool.putconn(self.raw)
        elif not self.raw.closed:
            self.raw.close()


def _params(params: Any) -> Any:
    if isinstance(params, dict):
        return params
    return tuple(params)


def connect_postgres(url: str, pooled: bool = False) -> PgConnection:
    """A connection to the database at `url`; a clear error names the URL (without password).

    `pooled` borrows it from the process's pool for that URL (the web server's threads),
    which hands out only connections that answer and caps how many the server opens."""
    psycopg = _psycopg()
    try:
        if pooled:
            pool = _pool_for(url)
            raw = pool.getconn()
            return PgConnection(raw, url, pool)
        raw = psycopg.connect(url, autocommit=True, options="-c client_min_messages=warning")
    except (psycopg.Error, _pool_errors()) as error:
        raise ValueError(f"cannot open store {shown_url(url)}: {' '.join(str(error).split())}") from error
    return PgConnection(raw, url)


POOL_SIZE = 16  # at least the web server's worker threads (anyio's default is 40; FastAPI queues)
_POOLS: dict[str, Any] = {}
_POOLS_LOCK = threading.Lock()


def _pool_errors() -> type[Exception]:
    try:
        from psycopg_pool import PoolTimeout
    except ImportError as error:
        raise ImportError(MISSING_EXTRA) from error
    return PoolTimeout


def _pool_for(url: str) -> Any:
    _pool_errors()
    from psycopg_pool import ConnectionPool

    with _POOLS_LOCK:
        pool = _POOLS.get(url)
        if pool is None:
            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_SIZE,
                kwargs={"autocommit": True, "options": "-c client_min_messages=warning"},
                check=ConnectionPool.check_connection,
                timeout=30.0,
                open=True,
                name="detente",
            )
            _POOLS[url] = pool
        return pool
