"""Incremental resolution gives exactly what a full re-resolution gives, whatever the order.

The full resolution is `resolve_all` over every stored mention, saved whole; the
incremental one stores the same articles in a shuffled order, a few at a time, and
resolves after each step in small batches (`finish_resolution`). Every table an analyst
reads (events, their sources, participants, states and links, people, places, copies,
the aggregate tables) must be the same. Corpora: the seed gold events, the mentions
detente extracts from ../shared/news, and a synthetic world (bench/synthetic.py) with
syndicated copies, bare surnames and plans later carried out.
"""

from __future__ import annotations

import importlib.util
import random
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import pytest
from tests.conftest import ROOT, shared_path

from detente.models import Article, Event
from detente.pipeline import ArticleProcessor, resolve
from detente.resolving import finish_resolution
from detente.store import open_store
from detente.store.codec import mention_geocode

Pairs = Sequence[tuple[Article, list[Event]]]
# Kept only by the incremental path (the full one clears them), or row ids and marks.
NOT_COMPARED = {"id", "ingested_at", "applied_at", "saved_at", "generation", "unresolved"}
NOT_COMPARED |= {"participants", "component", "fingerprint"}
TABLES = (
    "events", "event_countries", "event_pairs", "event_places", "event_sources", "event_related",
    "event_participants", "people", "person_names", "person_offices", "places", "agg_pairs",
    "agg_pair_years", "agg_timeline", "agg_countries", "agg_locations", "agg_sites", "agg_totals",
)  # fmt: skip


def synthetic_world(mentions: int, seed: int):
    spec = importlib.util.spec_from_file_location("bench_synthetic", ROOT / "bench" / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_synthetic", module)
    spec.loader.exec_module(module)
    return module.build_world(mentions, seed, carried_out=True)


def content(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    found = {}
    for table in (*TABLES, "mentions", "articles"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in NOT_COMPARED]
        if table == "articles":
            columns = ["doc_id", "copy_of"]
        kept = ", ".join(f'"{c}"' for c in columns)
        found[table] = [tuple(row) for row in conn.execute(f"SELECT {kept} FROM {table} ORDER BY {kept}")]
    conn.close()
    return found


def fresh(pairs: Pairs) -> list[tuple[Article, list[Event]]]:
    """The articles and mentions as extraction hands them over (no ids from an earlier run)."""
    out = []
    for article, mentions in pairs:
        copies = []
        for mention in mentions:
            clone = Event.from_record(mention.to_record(), doc_id=mention.doc_id)
            clone.evidence_start = mention.evidence_start
            copies.append(clone)
        out.append((article, copies))
    return out


def full(pairs: Pairs, db: Path) -> dict[str, list[tuple]]:
    """`resolve_all` over every stored mention, saved whole, each mention row under the event
    `resolve_all` put that mention in. (Saved whole, a mention is found again by its article,
    evidence and type: one sentence that states several meetings of one type, "held separate
    meetings with A, B and C", would give its rows the events in the order they are written.)"""
    with open_store(db) as store:
        for article, mentions in fresh(pairs):
            store.add_article(article, mentions)
        mentions = store.mentions()  # in the order of the rows below
        rows = [r[0] for r in store.connection.execute("SELECT id FROM mentions ORDER BY doc_id, position")]
        store.save_resolution(resolve(store.articles(), mentions))
        with store.connection:  # and the geocode each mention keeps (the incremental path writes it)
            store.connection.executemany(
                "UPDATE mentions SET event_id = ?, geo = ? WHERE id = ?",
                [
                    (mention.event_id, mention_geocode(mention), row)
                    for mention, row in zip(mentions, rows, strict=True)
                ],
            )
    return content(db)


def incremental(pairs: Pairs, db: Path, seed: int) -> dict[str, list[tuple]]:
    rng = random.Random(seed)
    order = fresh(pairs)
    rng.shuffle(order)
    step, batch = rng.choice((1, 3, 17)), rng.choice((1, 4, 50))
    with open_store(db) as store:
        for start in range(0, len(order), step):
            for article, mentions in order[start : start + step]:
                store.add_article(article, mentions)
            finish_resolution(store, batch_articles=batch)
    return content(db)


def assert_same(expected: dict, found: dict) -> None:
    for table, rows in expected.items():
        missing = [r for r in rows if r not in found[table]][:2]
        extra = [r for r in found[table] if r not in rows][:2]
        assert rows == found[table], f"{table}: missing {missing}, extra {extra}"


def extracted(folder: Path) -> list[tuple[Article, list[Event]]]:
    from detente.ingest import read_sources

    processor = ArticleProcessor()
    pairs = []
    for article in read_sources([str(folder)]):
        if isinstance(article, Article):
            pairs.append((article, processor.events_of(article) or []))
    return pairs


@pytest.fixture(scope="module")
def news() -> list[tuple[Article, list[Event]]]:
    return extracted(shared_path("news")) + extracted(shared_path("seeds"))


@pytest.mark.parametrize("seed", [1, 2])
def test_synthetic_world_incremental_equals_full(seed: int, tmp_path: Path) -> None:
    world = synthetic_world(1_200, seed)
    pairs = world.by_article()
    expected = full(pairs, tmp_path / "full.db")
    assert expected["event_related"], "the world should have plans linked to their executions"
    assert any(copy_of for _, copy_of in expected["articles"]), "the world should have syndicated copies"
    assert_same(expected, incremental(pairs, tmp_path / "inc.db", seed))


@pytest.mark.shared
@pytest.mark.parametrize("seed", [4, 5])
def test_news_and_seeds_incremental_equals_full(news: list, seed: int, tmp_path: Path) -> None:
    expected = full(news, tmp_path / "full.db")
    assert len(expected["events"]) > 100
    assert_same(expected, incremental(news, tmp_path / "inc.db", seed))


@pytest.mark.shared
def test_seed_gold_events_incremental_equals_full(tmp_path: Path) -> None:
    from tests.resolve.test_seeds import gold_world

    _, articles, mentions = gold_world()
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for doc_id, _, mention in mentions:
        by_doc[doc_id].append(mention)
    pairs = [(article, by_doc[article.doc_id]) for article in articles]
    expected = full(pairs, tmp_path / "full.db")
    for seed in (6, 7, 8):
        assert_same(expected, incremental(pairs, tmp_path / f"inc{seed}.db", seed))


def test_resolve_all_again_gives_the_same_database(tmp_path: Path) -> None:
    from detente.resolving import resolve_again

    pairs = synthetic_world(600, 9).by_article()
    db = tmp_path / "inc.db"
    before = incremental(pairs, db, 9)
    with open_store(db) as store:
        assert resolve_again(store) == len(pairs)
        assert not store.resolution_pending()
    assert_same(before, content(db))


def test_a_later_day_reads_the_kept_geocodes_and_geocodes_only_its_own_mentions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import detente.resolve.incremental as incremental_module
    from detente.resolving import fill_mention_geocodes

    pairs = fresh(synthetic_world(400, 3).by_article())
    first, later = pairs[: len(pairs) // 2], pairs[len(pairs) // 2 :]
    placed = "location_place IS NOT NULL OR location_country IS NOT NULL"
    with open_store(tmp_path / "geo.db") as store:
        for article, mentions in first:
            store.add_article(article, mentions)
        finish_resolution(store)
        conn = store.connection
        kept = dict(conn.execute(f"SELECT id, geo FROM mentions WHERE {placed}").fetchall())
        assert kept and all(kept.values())
        conn.execute("UPDATE mentions SET geo = NULL")  # as a database from before m012 keeps them
        assert fill_mention_geocodes(store) == len(kept)
        assert dict(conn.execute(f"SELECT id, geo FROM mentions WHERE {placed}").fetchall()) == kept

        geocoded: list[str] = []
        real = incremental_module.geocode
        monkeypatch.setattr(
            incremental_module,
            "geocode",
            lambda events, g: geocoded.extend(e.evidence for e in events) or real(events, g),
        )
        for article, mentions in later:
            store.add_article(article, mentions)
        finish_resolution(store)
        new_with_places = {m.evidence for _, mentions in later for m in mentions if m.location}
        assert geocoded and set(geocoded) <= new_with_places  # the stored mentions it compared were read
