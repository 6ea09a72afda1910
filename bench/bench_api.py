"""Latency of every REST API endpoint and dashboard page over a large database, 1 and 8 clients.

A synthetic world of about --events merged events (`synthetic.py`, seeded, scaled to keep
its density as it grows; `world_db.py` stores and resolves it into --db once and reuses
it) is served by `detente.api.serve` in a subprocess on 127.0.0.1 at a free port. Every
API endpoint (ids and filters taken from the database served: a dyad, a person, an
event, a place) and every dashboard page (`bench_pages.pages`) gets --requests GET
requests from 1 client, then from 8 concurrent clients (httpx, keep-alive), after one
warm-up request whose time is reported as `first_ms` (the first request after a start
or an ingest counts what later ones reuse). The whole load is repeated --rounds times:
each figure is the median over rounds, with every round's value listed. Baseline:
`/openapi.json`, a cached document with no database work, in the same run. The clients
share the 2-core machine with the server, so the figures are a floor, not a capacity.
Bars (1 client): every API endpoint p95 under 50 ms, every page p95 under 200 ms; any
answer that is not 200 fails. Exit code 1 when a bar is missed (use --no-bars to only print).

    .venv/bin/python bench/bench_api.py --events 1000000 [--db PATH] [--requests R] [--rounds K]
        [--clients 1,8] [--time-limit S] [--seed S] [--json] [--no-bars]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx
from latency import percentiles
from world_db import describe, ensure_database, world_for

EVENTS_PER_MENTION = 0.71  # merged events per mention in the scaled synthetic world
BARS_MS = {"api": 50.0, "page": 200.0}
SERVER = "import sys; from detente.api import serve; serve(sys.argv[1], port=int(sys.argv[2]))"
BASELINE = "/openapi.json"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`detente.api.serve` in a subprocess; its log goes to a file shown if it fails to start."""

    def __init__(self, db: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with log.open("wb") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-c", SERVER, str(db), str(self.port)],
                stdout=sink,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float) -> float:
        """Seconds until the server answered; raises with its log if it died or never answered."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the API server exited with {self.process.returncode}:\n{self._log()}")
            try:
                if httpx.get(self.url + BASELINE, timeout=2).status_code == 200:
                    return time.perf_counter() - start
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"the API server did not answer within {timeout:.0f}s:\n{self._log()}")

    def _log(self) -> str:
        return self.log.read_text(errors="replace")[-2000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Load:
    """Latencies and status codes of one endpoint's requests."""

    seconds: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    wall: float = 0.0
    first: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, status: int) -> None:
        with self.lock:
            self.seconds.append(seconds)
            self.statuses[status] += 1


def hammer(url: str, path: str, requests: int, threads: int, deadline: float) -> Load:
    """`requests` GETs of `path` over `threads` keep-alive clients, stopping at `deadline`."""
    load = Load()
    tickets = iter(range(requests))
    tickets_lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            while time.monotonic() < deadline:
                with tickets_lock:
                    if next(tickets, None) is None:
                        return
                start = time.perf_counter()
                try:
                    status = client.get(path).status_code
                except httpx.HTTPError:
                    status = 0  # no answer at all
                load.record(time.perf_counter() - start, status)

    if time.monotonic() < deadline:
        with httpx.Client(base_url=url, timeout=60) as client:
            start = time.perf_counter()
            client.get(path)  # warm-up: first-use imports and caches are not the steady state
            load.first = time.perf_counter() - start
    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for future in [pool.submit(worker) for _ in range(threads)]:
            future.result()
    load.wall = time.perf_counter() - start
    return load


def summary(load: Load, requests: int) -> dict[str, object]:
    done = len(load.seconds)
    if not done:
        return {"requests": 0, "cut_short": True}
    return {
        "requests": done,
        "requests_per_s": round(done / load.wall, 1),
        "first_ms": round(load.first * 1000, 1),
        **percentiles([s * 1000 for s in load.seconds], digits=2),
        "non_200": sum(n for status, n in load.statuses.items() if status != 200),
        "cut_short": done < requests,
    }


def endpoints(url: str) -> list[str]:
    """Every API endpoint, with ids and filters taken from the database being served."""
    with httpx.Client(base_url=url, timeout=60) as client:
        event = client.get("/api/events", params={"limit": 1}).json()["items"][0]
        person = client.get("/api/people", params={"limit": 1}).json()["items"][0]
        dyad = client.get("/api/dyads", params={"limit": 1}).json()[0]
        pair = f"{dyad['country_a']},{dyad['country_b']}"
        typical = client.get("/api/events", params={"dyad": pair, "limit": 1}).json()["items"][0]
    since = int(typical["date_start"][:4]) - 2 if typical["date_start"] else 2015
    filtered = f"dyad={pair}&type={typical['type']}&status={typical['status']}&since={since}"
    country = dyad["country_a"]
    return [
        "/api/stats",
        "/api/events?limit=100",
        f"/api/events?dyad={pair}",
        f"/api/events?{filtered}",
        f"/api/events?country={country}&since={since}",
        "/api/events?q=border%20security",
        f"/api/events/{event['event_id']}",
        f"/api/events/{event['event_id']}/related",
        "/api/people?limit=50",
        f"/api/people/{quote(person['person_id'])}",
        "/api/dyads",
        f"/api/dyads?country={country}",
        f"/api/partners/{country}",
        "/api/timeline",
        f"/api/timeline?country={country}&granularity=year",
        "/api/dyad-years",
        "/api/places",
        "/api/sites",
        "/api/locations",
        "/api/placement",
        "/api/network",
        f"/api/network?country={country}&min_events=2",
        "/api/search?q=joint%20exercise",
    ]


def load_all(url: str, paths: list[str], requests: int, clients: int, deadline: float) -> dict[str, dict]:
    return {path: summary(hammer(url, path, requests, clients, deadline), requests) for path in paths}


def merged(rounds: list[dict[str, dict]]) -> dict[str, object]:
    """Medians over rounds of one path's figures, with each round's p50 and p95."""
    done = [r for r in rounds if "p50_ms" in r]
    if not done:
        return {"cut_short": True}
    return {
        "p50_ms": round(statistics.median(r["p50_ms"] for r in done), 2),
        "p95_ms": round(statistics.median(r["p95_ms"] for r in done), 2),
        "first_ms": round(statistics.median(r["first_ms"] for r in done), 1),
        "p50_ms_runs": [r["p50_ms"] for r in done],
        "p95_ms_runs": [r["p95_ms"] for r in done],
        "requests_per_s": round(statistics.median(r["requests_per_s"] for r in done), 1),
        "non_200": sum(r["non_200"] for r in done),
        "cut_short": any(r["cut_short"] for r in rounds),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--events", type=int, default=10_000, help="merged events in the served database (about)"
    )
    parser.add_argument(
        "--db", type=Path, help="database file to build once and reuse (default: a temp file)"
    )
    parser.add_argument(
        "--requests", type=int, default=30, help="requests per path, client setting and round"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", default="1,8", help="concurrent client settings, comma-separated")
    parser.add_argument("--time-limit", type=float, default=1800.0, help="seconds for the whole load")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object only")
    parser.add_argument("--no-bars", action="store_true", help="print figures; never fail")
    args = parser.parse_args()
    started = time.perf_counter()
    settings = [int(c) for c in args.clients.split(",")]
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as folder:
        db = args.db or Path(folder) / "detente.db"
        if args.events == 0 and args.db and args.db.exists():  # serve a database as it is
            built = {**(describe(db) or {}), "reused": True}
        else:
            mentions = round(args.events / EVENTS_PER_MENTION)
            _, existing, _ = world_for(mentions, 0, args.seed)
            built = ensure_database(db, {"events": args.events, "seed": args.seed}, existing)
        server = Server(db, Path(folder) / "server.log")
        try:
            start_seconds = server.wait_ready(timeout=600)
            from bench_pages import pages  # bench_pages takes Server from here

            with httpx.Client(base_url=server.url, timeout=60) as client:
                stats = client.get("/api/stats").json()
                page_paths = pages(client)
            paths = [BASELINE, *endpoints(server.url), *page_paths]
            deadline = time.monotonic() + args.time_limit
            runs = [
                {
                    clients: load_all(server.url, paths, args.requests, clients, deadline)
                    for clients in settings
                }
                for _ in range(args.rounds)
            ]
        finally:
            server.stop()
    results = {
        path: {f"{clients}_clients": merged([run[clients][path] for run in runs]) for clients in settings}
        for path in paths
    }
    report = {
        "events": stats.get("events"),
        "mentions": stats.get("mentions"),
        "articles": stats.get("articles"),
        "build": {k: built.get(k) for k in ("store_seconds", "resolve_seconds", "reused")},
        "server_start_seconds": round(start_seconds, 2),
        "requests": args.requests,
        "rounds": args.rounds,
        "endpoints": results,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(report, indent=None if args.json else 2))
    missed = bars_missed(results, settings[0])
    for line in missed:
        print(f"BAR MISSED: {line}", file=sys.stderr)
    return 1 if missed and not args.no_bars else 0


def bars_missed(results: dict[str, dict], clients: int) -> list[str]:
    missed = []
    for path, by_clients in results.items():
        for setting, figures in by_clients.items():
            if figures.get("non_200"):
                missed.append(f"{path} ({setting}): {figures['non_200']} answers were not 200")
        figures = by_clients[f"{clients}_clients"]
        bar = BARS_MS["api"] if path.startswith("/api/") else BARS_MS["page"]
        if path != BASELINE and figures.get("p95_ms", 0) > bar:
            missed.append(f"{path}: p95 {figures['p95_ms']} ms with {clients} client(s) (bar {bar} ms)")
    return missed


if __name__ == "__main__":
    sys.exit(main())
