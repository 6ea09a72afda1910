"""Store writes and analyst query latencies against plain-SQLite baselines, in one run.

Input: a synthetic world of --size articles (`synthetic.py`, seeded; ~2.5 mentions
per article, ~30% re-reports), written to fresh SQLite files in a temporary folder.
- writes: `Store.add_article`, one transaction per article (what ingest does, so an
  interrupted run loses nothing) against a baseline of the same rows inserted with
  `executemany` in one big transaction into an identical schema. Re-adding every
  article (the resume path: all skipped) is timed too.
- resolution: `resolve_all` over the stored articles and mentions (reported apart),
  then `save_resolution` of its events, once into an empty store and once replacing.
- reads: each analyst query (`detente.open`) repeated --repeat times, p50/p95 in ms,
  against a baseline of one raw `SELECT ... LIMIT 100` on the events table.
Exit code 1 when a query that must find rows returns none (use --no-bars to only print).

    .venv/bin/python bench/bench_store.py [--size N] [--repeat R] [--seed S] [--no-bars]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from latency import percentiles
from synthetic import World, build_world

import detente
from detente.resolve import resolve_all
from detente.store import open_store
from detente.store.codec import article_values, mention_values
from detente.store.connection import connect

RAW_PAGE = "SELECT * FROM events ORDER BY date_start DESC, event_id LIMIT 100"


def add_each(path: Path, world: World) -> tuple[float, int]:
    """Seconds to offer every article to `Store.add_article`; how many it stored as new."""
    with open_store(path) as store:
        start = time.perf_counter()
        added = sum(store.add_article(article, mentions) for article, mentions in world.by_article())
        return time.perf_counter() - start, added


def add_in_bulk(path: Path, world: World) -> float:
    """The baseline: the same rows, executemany, one transaction, no per-article checks."""
    open_store(path).close()  # the same schema, indexes and full-text triggers
    conn = connect(path)  # and the same settings (WAL, synchronous=NORMAL, foreign keys)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    start = time.perf_counter()
    article_rows = [article_values(a, a.doc_id, now) for a in world.articles]
    mention_rows = [
        mention_values(m, a.doc_id, position)
        for a, mentions in world.by_article()
        for position, m in enumerate(mentions)
    ]
    conn.execute("BEGIN")
    conn.executemany(_insert_sql("articles", article_rows[0]), article_rows)
    conn.executemany(_insert_sql("mentions", mention_rows[0]), mention_rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def _insert_sql(table: str, row: dict[str, Any]) -> str:
    return f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"


def count_rows(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        articles, mentions = (
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("articles", "mentions")
        )
        return articles, mentions
    finally:
        conn.close()


def latency(func: Callable[[], object], repeat: int) -> tuple[dict[str, float], object]:
    """p50/p95 in ms over `repeat` calls after one warm-up call; the last result."""
    result = func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - start) * 1000)
    return percentiles(times), result


def size_of(result: object) -> int:
    """Rows a query answered with: a page's total, a list's length, an event's sources,
    a person's events, a network's edges, the events in the stats."""
    if result is None:
        return 0
    for attribute in ("total", "edges", "events", "sources"):
        value = getattr(result, attribute, None)
        if value is not None:
            return value if isinstance(value, int) else len(value)
    return len(result) if hasattr(result, "__len__") else 1


def query_latencies(path: Path, repeat: int) -> tuple[dict[str, dict[str, float]], list[str]]:
    """Latency and row count of each analyst query; the names of queries that found nothing."""
    db = detente.open(path)
    try:
        top = db.dyads(limit=1)[0]
        dyad = f"{top.country_a}-{top.country_b}"
        busiest = db.people(limit=1).items[0]
        first = db.events(limit=1).items[0]
        typical = db.events(dyad=dyad, limit=1).items[0]  # filters that match at least one event
        since = str(typical.date_start.year - 2) if typical.date_start else None
        queries: dict[str, Callable[[], object]] = {
            "events_page": lambda: db.events(limit=100),
            "events_filtered": lambda: db.events(
                dyad=dyad, type=typical.type, status=typical.status, since=since
            ),
            "events_person": lambda: db.events(person=busiest.name),
            "events_place": lambda: db.events(place="Islamabad"),
            "events_text": lambda: db.events(text="border security"),
            "event_detail": lambda: db.event(first.event_id),
            "person_detail": lambda: db.person(busiest.name),
            "dyad_years": db.dyad_years,
            "timeline": db.timeline,
            "timeline_dyad": lambda: db.timeline(granularity="year", dyad=dyad),
            "partners": lambda: db.partners(top.country_a),
            "search": lambda: db.search("joint exercise"),
            "network": db.network,
            "places": db.places,
            "stats": db.stats,
        }
        figures: dict[str, dict[str, float]] = {}
        empty = []
        for name, func in queries.items():
            timing, result = latency(func, repeat)
            figures[name] = {**timing, "rows": size_of(result)}
            if not figures[name]["rows"]:
                empty.append(name)
    finally:
        db.close()
    raw = sqlite3.connect(path)
    try:
        figures["baseline_raw_events_page"], _ = latency(lambda: raw.execute(RAW_PAGE).fetchall(), repeat)
    finally:
        raw.close()
    return figures, empty


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=3_000, help="articles to store")
    parser.add_argument("--repeat", type=int, default=30, help="timed calls per query")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-bars", action="store_true", help="print figures; never fail")
    args = parser.parse_args()
    t0 = time.perf_counter()
    world = build_world(articles=args.size, seed=args.seed)
    n_articles, n_mentions = len(world.articles), len(world.mentions)

    with tempfile.TemporaryDirectory(prefix="detente-bench-") as folder:
        ours_path, bulk_path = Path(folder) / "detente.db", Path(folder) / "bulk.db"
        ours, added = add_each(ours_path, world)
        bulk = add_in_bulk(bulk_path, world)
        again, readded = add_each(ours_path, world)  # the resume path: all skipped
        same_rows = count_rows(ours_path) == count_rows(bulk_path) == (n_articles, n_mentions)

        with open_store(ours_path) as store:
            resolve_all([], [])  # pay the gazetteer load outside the timing
            resolve_start = time.perf_counter()
            resolution = resolve_all(store.articles(), store.mentions())
            resolve_seconds = time.perf_counter() - resolve_start
            save_start = time.perf_counter()
            store.save_resolution(resolution)
            save_seconds = time.perf_counter() - save_start
            replace_start = time.perf_counter()
            store.save_resolution(resolution)
            replace_seconds = time.perf_counter() - replace_start
        queries, empty = query_latencies(ours_path, args.repeat)
        db_mb = sum(p.stat().st_size for p in Path(folder).glob("detente.db*")) / 1e6

    page, raw = queries["events_page"]["p50_ms"], queries["baseline_raw_events_page"]["p50_ms"]
    events = len(resolution.events)
    figures = {
        "articles": n_articles,
        "mentions": n_mentions,
        "add_article_seconds": round(ours, 2),
        "add_article_articles_per_s": round(n_articles / ours, 1),
        "add_article_mentions_per_s": round(n_mentions / ours, 1),
        "baseline_bulk_seconds": round(bulk, 3),
        "baseline_bulk_articles_per_s": round(n_articles / bulk, 1),
        "ratio_bulk_vs_add_article": round(ours / bulk, 1),  # the price of one transaction per article
        "readd_skip_articles_per_s": round(n_articles / again, 1),
        "same_rows_as_baseline": same_rows and added == n_articles and readded == 0,
        "resolve_seconds": round(resolve_seconds, 2),
        "events": events,
        "people": len(resolution.people),
        "save_resolution_seconds": round(save_seconds, 2),
        "save_resolution_events_per_s": round(events / save_seconds, 1),
        "replace_resolution_seconds": round(replace_seconds, 2),
        "database_mb": round(db_mb, 1),
        "queries": queries,
        "events_page_vs_raw_select": round(page / raw, 1) if raw else None,
        "total_seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(figures, indent=2))
    missed = [f"query {name} found no rows" for name in empty]
    if not figures["same_rows_as_baseline"]:
        missed.append("add_article and the bulk baseline stored different rows, or a re-add was stored")
    for line in missed:
        print(f"BAR MISSED: {line}", file=sys.stderr)
    return 1 if missed and not args.no_bars else 0


if __name__ == "__main__":
    sys.exit(main())
