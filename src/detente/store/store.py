"""The write side: articles with their mentions, then the resolved events."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from detente.models import EVENT_TYPES, STATUSES, Article, Event, Resolution
from detente.store.aggregate_tables import count_article, rebuild_aggregates
from detente.store.codec import (
    article_from_row,
    article_values,
    insert,
    insert_many,
    mention_from_row,
    mention_values,
)
from detente.store.connection import connect, transaction
from detente.store.dialect import dialect_of
from detente.store.increment_write import apply_increment, clear_incremental_state
from detente.store.incremental import StoredState
from detente.store.migrations import migrate
from detente.store.postgres import connect_postgres, is_postgres_url, shown_url
from detente.store.resolution import write_resolution


@dataclass(frozen=True)
class ResolutionInput:
    """A consistent snapshot to resolve: what was stored, which articles it brings in, and
    the generation of the resolution it replaces (see `Store.save_resolution`)."""

    articles: list[Article]
    mentions: list[Event]
    unresolved: tuple[int, ...]  # row ids of the articles stored since the last saved resolution
    generation: int


@dataclass(frozen=True)
class PendingBatch:
    """Unresolved articles to resolve together, and the generation of the resolution they join."""

    ids: tuple[int, ...]  # article row ids
    docs: tuple[str, ...]
    generation: int


class Store:
    """A detente database. Every write is one transaction: all of it is stored, or none.

    Whether the resolution is current is stored with the data: each article is marked
    unresolved in the transaction that stores it, and the mark is cleared in the one that
    saves a resolution including it. A run killed in between leaves the mark, and the next
    command that reads or ingests finishes the resolution (`detente.pipeline`).

    Doc ids: an article whose text (content hash) is already stored is skipped. An
    article with a new text under a doc_id already taken (two `index.html` files in
    different folders, an updated page) is kept under a versioned id `doc_id~2`,
    `doc_id~3`, ... so nothing is lost and nothing stored is overwritten.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | str) -> None:
        self.connection = conn
        self.path = path  # a SQLite file, or a postgresql:// URL
        self.dialect = dialect_of(conn)

    @property
    def shown(self) -> str:
        """Where the store is, for messages: a PostgreSQL URL without its password."""
        return shown_url(self.path) if isinstance(self.path, str) else str(self.path)

    def has_article(self, content_hash: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM articles WHERE hash = ?", (content_hash,)).fetchone()
        return row is not None

    def doc_id_of(self, content_hash: str) -> str | None:
        """The doc_id an article's text is stored under (it may be versioned)."""
        row = self.connection.execute(
            "SELECT doc_id FROM articles WHERE hash = ?", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def _add_article(self, article: Article, mentions: list[Event]) -> bool:
        for position, mention in enumerate(mentions):
            _check_mention(article, mention, position)
        with transaction(self.connection, lock=article.doc_id) as conn:
            ingested_at = datetime.now(UTC).isoformat(timespec="seconds")
            doc_id = article.doc_id
            # The usual case in one statement: a new text under a free doc_id. Otherwise the
            # text is stored already (nothing to do) or its doc_id is another text's.
            if not insert(conn, "articles", article_values(article, doc_id, ingested_at), unless="*"):
                if conn.execute("SELECT 1 FROM articles WHERE hash = ?", (article.hash,)).fetchone():
                    return False
                doc_id = _free_doc_id(conn, article.doc_id)
                if not insert(conn, "articles", article_values(article, doc_id, ingested_at), unless="hash"):
                    raise _StoredMeanwhile  # a concurrent writer stored this text first: write nothing
            insert_many(conn, "mentions", [mention_values(m, doc_id, n) for n, m in enumerate(mentions)])
            count_article(conn, len(mentions))
        return True

    def add_article(self, article: Article, mentions: list[Event]) -> bool:
        """Store the article and all its mentions, or nothing; False if its text is already stored
        (by an earlier run, or by another process at the same moment)."""
        try:
            return self._add_article(article, mentions)
        except _StoredMeanwhile:
            return False

    def resolution_pending(self) -> bool:
        """True when an article was stored after the last saved resolution."""
        found = self.connection.execute("SELECT 1 FROM articles WHERE unresolved = 1 LIMIT 1").fetchone()
        return found is not None

    def unresolved_count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM articles WHERE unresolved = 1").fetchone()[0]

    def resolution_input(self) -> ResolutionInput:
        """Articles, mentions and marks read in one read transaction, so they agree."""
        conn = self.connection
        conn.execute("BEGIN")
        try:
            generation = conn.execute("SELECT generation FROM resolution_state").fetchone()[0]
            unresolved = tuple(row[0] for row in conn.execute("SELECT id FROM articles WHERE unresolved = 1"))
            return ResolutionInput(self.articles(), self.mentions(), unresolved, generation)
        finally:
            conn.execute("COMMIT")

    def articles(self) -> list[Article]:
        rows = self.connection.execute("SELECT * FROM articles ORDER BY id").fetchall()
        return [article_from_row(row) for row in rows]

    def mentions(self) -> list[Event]:
        rows = self.connection.execute("SELECT * FROM mentions ORDER BY doc_id, position").fetchall()
        return [mention_from_row(row) for row in rows]

    def save_resolution(self, resolution: Resolution, based_on: ResolutionInput | None = None) -> bool:
        """Replace the previous resolution; on any error the previous one stays intact.

        With `based_on` (the snapshot it was computed from), only that snapshot's articles
        are marked resolved, and nothing is written (False) when another resolution was
        saved since the snapshot was read: it may hold articles this one lacks. Without
        it, the resolution is taken to cover every stored article.
        """
        with transaction(self.connection) as conn:
            generation = conn.execute("SELECT generation FROM resolution_state").fetchone()[0]
            if based_on is not None and based_on.generation != generation:
                return False
            write_resolution(conn, resolution)
            rebuild_aggregates(conn)
            clear_incremental_state(conn)  # the next resolution rebuilds what incremental resolution reads
            conn.execute(
                "UPDATE resolution_state SET generation = ?, incremental = 0, saved_at = ?",
                (generation + 1, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            if based_on is None:
                conn.execute("UPDATE articles SET unresolved = 0 WHERE unresolved = 1")
            else:
                _mark_resolved(conn, based_on.unresolved)
        return True

    # ---------------------------------------------------------------- incremental resolution

    def incremental_ready(self) -> bool:
        """Whether the tables incremental resolution reads describe the saved resolution."""
        return bool(self.connection.execute("SELECT incremental FROM resolution_state").fetchone()[0])

    def pending_batch(self, most: int) -> PendingBatch:
        """Up to `most` unresolved articles, oldest first, with the current generation."""
        conn = self.connection
        conn.execute("BEGIN")
        try:
            generation = conn.execute("SELECT generation FROM resolution_state").fetchone()[0]
            rows = conn.execute(
                "SELECT id, doc_id FROM articles WHERE unresolved = 1 ORDER BY id LIMIT ?", (most,)
            ).fetchall()
        finally:
            conn.execute("COMMIT")
        return PendingBatch(tuple(r[0] for r in rows), tuple(r[1] for r in rows), generation)

    @contextmanager
    def reading(self) -> Iterator[StoredState]:
        """The stored resolution, read in one read transaction (a consistent snapshot)."""
        self.connection.execute("BEGIN")
        try:
            yield StoredState(self.connection)
        finally:
            self.connection.execute("COMMIT")

    def save_increment(self, increment: Any, batch: PendingBatch) -> bool:
        """Write what a batch changes and mark its articles resolved, in one transaction.

        Nothing is written (False) when a resolution was saved since the batch was read."""
        with transaction(self.connection) as conn:
            generation = conn.execute("SELECT generation FROM resolution_state").fetchone()[0]
            if generation != batch.generation or not self.incremental_ready():
                return False
            apply_increment(conn, increment)
            conn.execute(
                "UPDATE resolution_state SET generation = ?, saved_at = ?",
                (generation + 1, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            _mark_resolved(conn, batch.ids)
        return True

    def compact_text_indexes(self) -> None:
        """Merge the full-text indexes whole (`Dialect.compact_text_indexes`), in one transaction."""
        if not self.dialect.text_segments:
            return  # nothing to merge: no need to take the writer's lock
        with transaction(self.connection) as conn:
            dialect_of(conn).compact_text_indexes(conn)

    def stored_articles(self) -> int:
        row = self.connection.execute("SELECT value FROM agg_totals WHERE name = 'articles'").fetchone()
        return int(row[0]) if row else 0

    def reset_resolution(self) -> None:
        """Drop the saved resolution and mark every article unresolved: the next resolution
        redoes all of it, batch by batch (`detente resolve --all`, or after a whole one)."""
        with transaction(self.connection) as conn:
            generation = conn.execute("SELECT generation FROM resolution_state").fetchone()[0]
            write_resolution(conn, Resolution())
            rebuild_aggregates(conn)
            clear_incremental_state(conn)
            conn.execute(
                "UPDATE resolution_state SET generation = ?, incremental = 1, saved_at = ?",
                (generation + 1, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("UPDATE articles SET unresolved = 1 WHERE unresolved = 0")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


class _StoredMeanwhile(Exception):
    """Rolls back an article write that lost the race for its content hash."""


def open_store(path: str | Path = "detente.db", pooled: bool = False) -> Store:
    """Open (creating if needed) a detente database and bring its schema up to date.

    `path` is a SQLite file or a `postgresql://USER@HOST:PORT/DB` URL (the database must
    exist; its tables are created by the same migrations). `pooled` takes a PostgreSQL
    connection from the process's pool (query objects of a web server)."""
    if is_postgres_url(path):
        return _open_postgres(str(path), pooled)
    path = Path(path)
    if path.is_dir():
        raise ValueError(f"cannot open store {path}: it is a directory, expected a database file")
    if not path.parent.exists():
        raise FileNotFoundError(f"cannot open store {path}: folder {path.parent} does not exist")
    conn: sqlite3.Connection | None = None
    try:
        conn = connect(path)
        migrate(conn)
        _count_aggregates_once(conn)
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise ValueError(f"cannot open store {path}: {error}") from error
    return Store(conn, path)


def _open_postgres(url: str, pooled: bool) -> Store:
    conn = connect_postgres(url, pooled)
    try:
        migrate(conn)
        _count_aggregates_once(conn)
    except Exception as error:
        conn.close()
        if isinstance(error, ImportError | ValueError):
            raise
        raise ValueError(f"cannot open store {shown_url(url)}: {' '.join(str(error).split())}") from error
    return Store(conn, url)


def _count_aggregates_once(conn: sqlite3.Connection) -> None:
    """Count the aggregate tables from the events of a database that predates them."""
    if conn.execute("SELECT aggregates FROM resolution_state").fetchone()[0]:
        return
    with transaction(conn):
        if not conn.execute("SELECT aggregates FROM resolution_state").fetchone()[0]:
            rebuild_aggregates(conn)
            conn.execute("UPDATE resolution_state SET aggregates = 1")


def _mark_resolved(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    conn.executemany("UPDATE articles SET unresolved = 0 WHERE id = ?", ((row_id,) for row_id in ids))


def _free_doc_id(conn: sqlite3.Connection, doc_id: str) -> str:
    candidate, version = doc_id, 1
    while conn.execute("SELECT 1 FROM articles WHERE doc_id = ?", (candidate,)).fetchone():
        version += 1
        candidate = f"{doc_id}~{version}"
    return candidate


def _check_mention(article: Article, mention: Event, position: int) -> None:
    where = f"article {article.doc_id!r}, mention {position}"
    if mention.doc_id not in (None, article.doc_id):
        raise ValueError(f"{where}: mention belongs to doc_id {mention.doc_id!r}")
    if mention.type not in EVENT_TYPES:
        raise ValueError(f"{where}: unknown event type {mention.type!r}")
    if mention.status not in STATUSES:
        raise ValueError(f"{where}: unknown status {mention.status!r}")
    if not mention.countries:
        raise ValueError(f"{where}: an event needs at least one country")
