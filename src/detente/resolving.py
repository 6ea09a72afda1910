"""The resolution catching up with the stored articles, a bounded batch at a time.

Each batch is the oldest unresolved articles (`Store.pending_batch`); their mentions are
resolved against what the store already holds (`resolve.incremental.resolve_increment`,
reading one snapshot) and the change is saved in one transaction that also clears the
batch's marks (`Store.save_increment`). A batch another process saved a resolution
under is read again. Memory holds one batch and the events it touches, whatever the
size of the database, and an interrupted run leaves the marks of the batches it did
not save, which the next command resumes. Any process can run this for a database
another one ingested into: everything it needs is stored.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from detente.resolve.incremental import resolve_increment
from detente.resolve.places import Gazetteer
from detente.store import Store

BATCH_ARTICLES = 2000  # articles resolved together: bounds the memory a batch holds
MOST_SKIPPED = 50  # batches in a row another process got in first: then leave it to that process

#: A resolution that saved at least this share of the stored articles also merges the
#: full-text indexes whole (`Store.compact_text_indexes`): their cost follows the database's
#: size, so it is paid only by work of comparable size (a build, `resolve --all`, a large
#: first ingest), never by a day's ingest into a large database.
COMPACT_SHARE = 0.1

Progress = Callable[[int, int], None]  # (articles resolved so far, articles pending at the start)


def finish_resolution(
    store: Store,
    on_start: Callable[[int], None] | None = None,
    *,
    progress: Progress | None = None,
    batch_articles: int = BATCH_ARTICLES,
) -> bool:
    """Resolve every article stored since the last saved resolution; True when any was saved.

    A database whose resolution was saved whole (or that predates incremental resolution)
    has its resolution redone from the start, batch by batch. `on_start` hears how many
    articles wait, before the work begins; `progress` hears after each batch.
    """
    if store.resolution_pending() and not store.incremental_ready():
        store.reset_resolution()
    resolved = announced = False
    skipped = done = 0
    pending = 0
    gazetteer: Gazetteer | None = None
    while store.resolution_pending() and skipped < MOST_SKIPPED:
        if not announced:
            pending = store.unresolved_count()
            if on_start is not None:
                on_start(pending)
            announced = True
        batch = store.pending_batch(batch_articles)
        gazetteer = gazetteer or Gazetteer.packaged()
        with collection_paused():
            with store.reading() as state:
                increment = resolve_increment(batch.docs, state, gazetteer)
            saved = store.save_increment(increment, batch)
        if saved:
            resolved, skipped, done = True, 0, done + len(batch.ids)
            if progress is not None:
                progress(done, pending)
        else:
            skipped += 1
            if not store.incremental_ready():
                store.reset_resolution()
    if done and done >= COMPACT_SHARE * store.stored_articles():
        store.compact_text_indexes()
    return resolved


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector off for one batch. A batch makes tens of thousands of short-lived
    objects (mentions, views, events), and each collection of the oldest generation walks every
    object of the process (models, gazetteer, the batch): with it on, a day into a million-mention
    database spent a fifth of its time collecting. The batch's memory is bounded, reference
    counting frees nearly all of it, and the collector runs again after the batch."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def resolve_again(store: Store, *, progress: Progress | None = None) -> int:
    """`detente resolve --all`: drop the saved resolution and redo it (after the rules change).

    Returns the number of articles resolved. Interrupted, it leaves the rest marked, and
    the next command that reads or ingests finishes it."""
    store.reset_resolution()
    total = store.unresolved_count()
    finish_resolution(store, progress=progress)
    return total


def catch_up(db_path: str | Path, on_start: Callable[[int], None] | None = None) -> bool:
    """`finish_resolution` for a database path; a missing database has nothing to finish."""
    from detente.store import open_store
    from detente.store.location import database_exists

    if not database_exists(db_path):
        return False
    with open_store(db_path) as store:
        return finish_resolution(store, on_start)


GEOCODE_BATCH = 20_000  # mentions geocoded and written per transaction


def fill_mention_geocodes(store: Store, progress: Progress | None = None) -> int:
    """Geocode the stored mentions that keep no geocode yet (stored before migration m012) and
    keep it, a bounded batch per transaction; returns how many. Later days then load them
    without building city indexes. Resolution itself does this for every mention it saves."""
    from detente.resolve.resolver import geocode
    from detente.store.codec import mention_from_row, mention_geocode
    from detente.store.connection import transaction

    conn = store.connection
    pending = "geo IS NULL AND (location_place IS NOT NULL OR location_country IS NOT NULL)"
    total = int(conn.execute(f"SELECT COUNT(*) FROM mentions WHERE {pending}").fetchone()[0])
    gazetteer = Gazetteer.packaged()
    done, last = 0, 0
    while True:
        rows = conn.execute(
            f"SELECT * FROM mentions WHERE {pending} AND id > ? ORDER BY id LIMIT ?", (last, GEOCODE_BATCH)
        ).fetchall()
        if not rows:
            return done
        events = [mention_from_row(row) for row in rows]
        geocode(events, gazetteer)
        with transaction(conn):
            conn.executemany(
                "UPDATE mentions SET geo = ? WHERE id = ?",
                [(mention_geocode(e), row["id"]) for e, row in zip(events, rows, strict=True)],
            )
        done, last = done + len(rows), rows[-1]["id"]
        if progress is not None:
            progress(done, total)
