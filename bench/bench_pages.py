"""How fast the dashboard's pages answer over a database of 10,000 events, against a static baseline.

A synthetic world (`synthetic.py`, seeded) of --size articles is stored and resolved
into a database (kept at --db and reused when it exists, so repeated runs skip the
fill); `detente.api.serve` then runs in a subprocess on 127.0.0.1. Each page is asked
for once cold (the first request pays for what the server caches: the map's zoom
layers, the network layout, the world outlines), then --requests times in a row by
one keep-alive client: a page's latency as the analyst waiting for it sees it. The
baseline, measured in the same run, is /static/style.css: a file with no database
work, so `p50_vs_static` is what the page itself costs. Bar: every page's p95 under
--bar milliseconds (200). Exit code 1 when a bar is missed or a page does not answer
200 (use --no-bars to only print).

    .venv/bin/python bench/bench_pages.py [--size N] [--db PATH] [--requests R] [--bar MS]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx
from bench_api import Server
from latency import percentiles
from synthetic import build_world

from detente.resolve import resolve_all
from detente.store import open_store

BASELINE = "/static/style.css"


def fill_database(path: Path, articles: int, seed: int) -> float:
    """Store and resolve the synthetic world; seconds taken."""
    start = time.perf_counter()
    world = build_world(articles=articles, seed=seed)
    with open_store(path) as store:
        for article, mentions in world.by_article():
            store.add_article(article, mentions)
        store.save_resolution(resolve_all(store.articles(), store.mentions()))
    return time.perf_counter() - start


def pages(client: httpx.Client) -> list[str]:
    """Every kind of page, with ids, pairs and places taken from the database being served."""
    stats = client.get("/api/stats").json()
    event = client.get("/api/events", params={"limit": 1, "sort": "-sources"}).json()["items"][0]
    person = client.get("/api/people", params={"limit": 1}).json()["items"][0]
    dyad = client.get("/api/dyads", params={"limit": 1}).json()[0]
    pair = f"{dyad['country_a']}-{dyad['country_b']}"
    place = client.get("/api/sites").json()[0]["place"]
    return [
        BASELINE,
        "/",
        "/events",
        f"/events?dyad={pair}&sort=-sources&limit=500",
        f"/events?place={quote(place)}&type=meeting",
        "/events?text=joint%20exercise&sort=date",
        f"/dyad/{pair}",
        f"/country/{dyad['country_a']}",
        f"/event/{event['event_id']}",
        f"/person/{quote(person['person_id'])}",
        "/network",
        f"/network?country={dyad['country_a']}&min_events=2",
        "/map",
        "/map?type=exercise&since=2020",
        f"/index.json?since={stats['first_date'][:4]}",
    ]


def measure(client: httpx.Client, path: str, requests: int) -> dict[str, object]:
    start = time.perf_counter()
    cold = client.get(path)
    cold_ms = (time.perf_counter() - start) * 1000
    timings, statuses = [], {cold.status_code}
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        statuses.add(response.status_code)
    return {
        "cold_ms": round(cold_ms, 1),
        **percentiles(timings, digits=1),
        "max_ms": round(max(timings), 1),
        "kb": round(len(cold.content) / 1024, 1),
        "statuses": sorted(statuses),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=6_000, help="articles in the synthetic world")
    parser.add_argument("--db", type=Path, help="database to reuse, or to fill when it does not exist")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page after a cold one")
    parser.add_argument("--bar", type=float, default=200.0, help="p95 every page must stay under, in ms")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-bars", action="store_true", help="print figures; never fail")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="detente-pages-") as folder:
        db = args.db or Path(folder) / "detente.db"
        fill_seconds = 0.0 if db.exists() else fill_database(db, args.size, args.seed)
        server = Server(db, Path(folder) / "server.log")
        try:
            server.wait_ready(timeout=60)
            with httpx.Client(base_url=server.url, timeout=60) as client:
                events = client.get("/api/stats").json()["events"]
                results = {path: measure(client, path, args.requests) for path in pages(client)}
        finally:
            server.stop()
    base = float(results[BASELINE]["p50_ms"])  # type: ignore[arg-type]
    for path, figures in results.items():
        if path != BASELINE:
            figures["p50_vs_static"] = round(float(figures["p50_ms"]) / base, 1)  # type: ignore[arg-type]
    report = {
        "events": events,
        "fill_seconds": round(fill_seconds, 1),
        "requests_per_page": args.requests,
        "bar_p95_ms": args.bar,
        "pages": results,
    }
    print(json.dumps(report, indent=2))
    missed = [
        f"{path}: p95 {figures['p95_ms']} ms over the {args.bar:.0f} ms bar"
        for path, figures in results.items()
        if float(figures["p95_ms"]) >= args.bar  # type: ignore[arg-type]
    ]
    missed += [
        f"{path}: answered {figures['statuses']}"
        for path, figures in results.items()
        if figures["statuses"] != [200]
    ]
    if events < 10_000:
        missed.append(f"the database holds {events} events, fewer than the 10,000 the bar is set for")
    for line in missed:
        print(f"BAR MISSED: {line}", file=sys.stderr)
    return 1 if missed and not args.no_bars else 0


if __name__ == "__main__":
    sys.exit(main())
