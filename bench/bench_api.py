"""Requests per second and latency of the REST API against its static schema, in one run.

A synthetic world of --size articles (`synthetic.py`, seeded) is stored and resolved
into a temporary database; `detente.api.serve` then runs in a subprocess on
127.0.0.1 at a free port. Each endpoint gets --requests GET requests from --threads
client threads (httpx, keep-alive), after one warm-up request; a --time-limit for
the whole load bounds the run, and an endpoint cut short says so. Baseline:
`/openapi.json`, a cached document with no database work, measured in the same run,
so `p50_vs_openapi` is what the query and the JSON encoding add. The client shares
the machine with the server, so the figures are a floor, not a capacity.
The server is stopped at the end, also on errors. Exit code 1 when any answer is
not 200 (use --no-bars to only print).

    .venv/bin/python bench/bench_api.py [--size N] [--requests R] [--threads T] [--time-limit S]
"""

from __future__ import annotations

import argparse
import json
import socket
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
from synthetic import build_world

from detente.resolve import resolve_all
from detente.store import open_store

SERVER = "import sys; from detente.api import serve; serve(sys.argv[1], port=int(sys.argv[2]))"
BASELINE = "/openapi.json"


def fill_database(path: Path, articles: int, seed: int) -> None:
    world = build_world(articles=articles, seed=seed)
    with open_store(path) as store:
        for article, mentions in world.by_article():
            store.add_article(article, mentions)
        store.save_resolution(resolve_all(store.articles(), store.mentions()))


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
        with httpx.Client(base_url=url, timeout=30) as client:
            client.get(path)  # warm-up: first-use imports and caches are not the steady state
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
        **percentiles([s * 1000 for s in load.seconds], digits=2),
        "non_200": sum(n for status, n in load.statuses.items() if status != 200),
        "cut_short": done < requests,
    }


def endpoints(url: str) -> list[str]:
    """The paths to load, with ids and filters taken from the database being served."""
    with httpx.Client(base_url=url, timeout=30) as client:
        event = client.get("/api/events", params={"limit": 1}).json()["items"][0]
        person = client.get("/api/people", params={"limit": 1}).json()["items"][0]
        dyad = client.get("/api/dyads", params={"limit": 1}).json()[0]
        pair = f"{dyad['country_a']},{dyad['country_b']}"
        typical = client.get("/api/events", params={"dyad": pair, "limit": 1}).json()["items"][0]
    since = int(typical["date_start"][:4]) - 2 if typical["date_start"] else 2015
    filtered = f"dyad={pair}&type={typical['type']}&status={typical['status']}&since={since}"
    return [
        BASELINE,
        "/api/stats",
        "/api/events?limit=100",
        f"/api/events?{filtered}",  # matches at least one event
        "/api/events?q=border%20security",
        f"/api/events/{event['event_id']}",
        "/api/people?limit=50",
        f"/api/people/{quote(person['person_id'])}",
        "/api/dyads",
        f"/api/partners/{dyad['country_a']}",
        "/api/timeline",
        "/api/dyad-years",
        "/api/places",
        "/api/network",
        "/api/search?q=joint%20exercise",
        "/",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=1_500, help="articles in the served database")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--threads", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--time-limit", type=float, default=180.0, help="seconds for the whole load")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-bars", action="store_true", help="print figures; never fail")
    args = parser.parse_args()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as folder:
        db = Path(folder) / "detente.db"
        fill_start = time.perf_counter()
        fill_database(db, args.size, args.seed)
        fill_seconds = time.perf_counter() - fill_start
        server = Server(db, Path(folder) / "server.log")
        try:
            start_seconds = server.wait_ready(timeout=60)
            deadline = time.monotonic() + args.time_limit
            results = {
                path: summary(hammer(server.url, path, args.requests, args.threads, deadline), args.requests)
                for path in endpoints(server.url)
            }
        finally:
            server.stop()

    base = results[BASELINE].get("p50_ms")
    for path, figures in results.items():
        if path != BASELINE and base and "p50_ms" in figures:
            figures["p50_vs_openapi"] = round(float(figures["p50_ms"]) / float(base), 1)
    report = {
        "articles": args.size,
        "threads": args.threads,
        "fill_seconds": round(fill_seconds, 1),
        "server_start_seconds": round(start_seconds, 2),
        "endpoints": results,
        "total_seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(report, indent=2))
    missed = [
        f"{path}: {f['non_200']} answers were not 200" for path, f in results.items() if f.get("non_200")
    ]
    for line in missed:
        print(f"BAR MISSED: {line}", file=sys.stderr)
    return 1 if missed and not args.no_bars else 0


if __name__ == "__main__":
    sys.exit(main())
