"""A resolution that saved a large share of the stored articles merges the full-text indexes
whole (one segment each, so a MATCH opens one per word); a small day into a larger database
leaves that cost alone. Search finds the same either way."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from tests.resolve.factories import article, mention

import detente
from detente.resolving import COMPACT_SHARE, finish_resolution
from detente.store import open_store

STATES = (("KEN", "UGA"), ("PAK", "TJK"), ("FRA", "IND"), ("BRA", "ZAF"))


def _add(store: object, first: int, count: int) -> None:
    for n in range(first, first + count):
        doc_id = f"doc-{n:03d}"
        words = f"exercise number {n} of the border brigade, drill {n % 7}"
        store.add_article(  # type: ignore[attr-defined]
            article(doc_id, text=f"report {n}: a joint {words}."),
            [
                mention(
                    doc_id,
                    type="exercise",
                    countries=STATES[n % len(STATES)],
                    when=date(2024, 1, 1) + timedelta(days=n),
                    evidence=f"Troops held a joint {words}.",
                )
            ],
        )


def _fts_blocks(path: Path) -> dict[str, tuple[int, int]]:
    conn = sqlite3.connect(path)
    found = {
        table: tuple(conn.execute(f"SELECT COUNT(*), SUM(length(block)) FROM {table}_data").fetchone())
        for table in ("articles_fts", "events_fts")
    }
    conn.close()
    return found


def _optimized_again(path: Path) -> dict[str, tuple[int, int]]:
    """The indexes after one more merge: unchanged when they were merged already."""
    conn = sqlite3.connect(path)
    for table in ("articles_fts", "events_fts"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    conn.commit()
    conn.close()
    return _fts_blocks(path)


def _hits(path: Path) -> list[tuple[str, str]]:
    """Every article and event, each found by the words they all hold."""
    with detente.open(path) as db:
        hits = [(hit.kind, hit.id) for hit in db.search("joint exercise border", limit=500)]
        assert len(hits) == db.stats().articles + db.count() > 0
    return hits


def test_a_first_resolution_in_many_batches_leaves_one_segment_per_index(tmp_path: Path) -> None:
    path = tmp_path / "built.db"
    with open_store(path) as store:
        _add(store, 0, 60)
        finish_resolution(store, batch_articles=4)  # fifteen batches: fifteen writes per index
    merged, hits = _fts_blocks(path), _hits(path)
    assert _optimized_again(path) == merged
    assert _hits(path) == hits


def test_a_small_day_into_a_larger_database_is_not_merged(tmp_path: Path) -> None:
    path = tmp_path / "daily.db"
    with open_store(path) as store:
        _add(store, 0, 60)
        finish_resolution(store, batch_articles=20)
        day = int(COMPACT_SHARE * 60) - 2  # a share below the one that merges
        _add(store, 60, day)
        finish_resolution(store)
    after_day = _fts_blocks(path)
    assert _optimized_again(path) != after_day  # the day's own segments were left as written
    assert _hits(path)
