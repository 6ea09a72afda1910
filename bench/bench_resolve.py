"""A new day of mentions into a large database (incremental) against a full re-resolution, in one run.

World: `synthetic.py`, seeded, scaled so that happenings per pair of states and month
stay those of a 5,000-mention world (more states and years as it grows), with about
half the plans later reported carried out. The first --existing mentions are stored
and resolved into --db (built once, reused while its sidecar matches); the next --new
mentions are the day.
- detente: the day's articles stored, then `finish_resolution` (incremental: only the
  events the day could join are read), in a fresh process, --rounds times on a fresh
  copy of the database: `new_day_seconds` (median; all runs listed), its peak memory.
- baseline: `detente resolve --all` on the same database with the day in (the whole
  resolution redone from the mentions, batch by batch), --full-rounds times:
  `full_seconds`. `same_as_full`: every derived table (events, sources, participants,
  links, people, places, copies, the aggregate tables) is the same after both.
Blocking: pair precision and recall of the merge against the generator's truth, and
bucket pairs (pairs of mentions filed in one blocking bucket, the pairs compared) per
mention, on the --existing database and on a 5,000-mention one built in the same run.
The one-time load of the gazetteer in each process is reported apart (`warm_up_seconds`).
Exit code 1 when a bar is missed (use --no-bars to only print).

    .venv/bin/python bench/bench_resolve.py --existing 1000000 --new 1000 [--db PATH] [--rounds 3]
        [--full-rounds R] [--seed S] [--json] [--no-bars]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

from memory import peak_rss_mb
from world_db import copy_database, ensure_database, world_for

BASE = 5_000  # mentions of the world blocking is compared against
BARS = {"new_day_seconds": 10.0, "peak_rss_mb": 1024.0, "quality_drift": 0.02}
# Marks and row ids, and `mentions.geo`: a kept geocode, written when a resolution saves a mention
# (a database built before m012 keeps it only for the mentions a later day touched).
VOLATILE = {"id", "ingested_at", "applied_at", "saved_at", "generation", "unresolved", "geo"}
DERIVED = (
    "events", "event_countries", "event_pairs", "event_places", "event_sources", "event_related",
    "event_participants", "people", "person_names", "person_offices", "places", "person_variants",
    "mention_variants", "article_sketches", "agg_pairs", "agg_pair_years", "agg_timeline",
    "agg_countries", "agg_locations", "agg_sites", "agg_totals",
)  # fmt: skip


# ------------------------------------------------------------------ the measured steps (own process)


def child_new_day(db: Path, payload: Path) -> dict:
    from detente.resolve.places import Gazetteer
    from detente.resolving import finish_resolution
    from detente.store import open_store

    pairs = pickle.loads(payload.read_bytes())
    start = time.perf_counter()
    gazetteer = Gazetteer.packaged()
    for country in sorted({c for _, mentions in pairs for m in mentions for c in m.countries}):
        gazetteer.city("", country)  # each state's city index, built once per process
    warm = time.perf_counter() - start
    with open_store(db) as store:
        start = time.perf_counter()
        for article, mentions in pairs:
            store.add_article(article, mentions)
        stored = time.perf_counter() - start
        start = time.perf_counter()
        finish_resolution(store)
        resolved = time.perf_counter() - start
    return {
        "warm_up_seconds": round(warm, 2),
        "store_seconds": round(stored, 2),
        "resolve_seconds": round(resolved, 2),
        "seconds": round(stored + resolved, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def child_full(db: Path) -> dict:
    from detente.resolve.places import Gazetteer
    from detente.resolving import resolve_again
    from detente.store import open_store

    start = time.perf_counter()
    Gazetteer.packaged()
    warm = time.perf_counter() - start
    with open_store(db) as store:
        start = time.perf_counter()
        resolve_again(store)
        seconds = time.perf_counter() - start
    return {
        "warm_up_seconds": round(warm, 2),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def in_child(*args: str) -> dict:
    run = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False
    )
    if run.returncode != 0:
        raise SystemExit(f"bench child {args[0]} failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ comparing and scoring databases


def digest(db: Path) -> dict[str, str]:
    """A hash of every derived table's rows (volatile columns left out), in a stable order."""
    conn = sqlite3.connect(db)
    found = {}
    for table in (*DERIVED, "mentions", "articles"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
        if table == "articles":
            columns = ["doc_id", "copy_of"]
        kept = ", ".join(f'"{c}"' for c in columns)
        sha = hashlib.sha1()
        for row in conn.execute(f"SELECT {kept} FROM {table} ORDER BY {kept}"):
            sha.update(repr(row).encode())
        found[table] = sha.hexdigest()
    conn.close()
    return found


def scores(db: Path, truth: dict[tuple[str, int], int]) -> dict[str, object]:
    """Pair precision and recall of the stored merge (precision also by the number of states the
    events name), and bucket pairs per mention."""
    conn = sqlite3.connect(db)
    predicted = {
        (d, s or 0): e for d, s, e in conn.execute("SELECT doc_id, evidence_start, event_id FROM mentions")
    }
    rows = conn.execute("SELECT event_id, countries FROM events")
    states = {event_id: min(len(json.loads(countries)), 3) for event_id, countries in rows}
    both = Counter((predicted[key], truth[key]) for key in predicted)

    sizes = Counter(predicted.values())  # mentions per merged event

    def pairs(counts: Mapping[object, int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    agreed = pairs(both)
    merged = pairs(sizes)
    true = pairs(Counter(truth[key] for key in predicted))
    by_states = {}  # precision of the events naming 1, 2, 3+ states: where wrong merges gather
    for named in (1, 2, 3):
        merged_here = pairs({event: n for event, n in sizes.items() if states.get(event) == named})
        agreed_here = pairs({pair: n for pair, n in both.items() if states.get(pair[0]) == named})
        by_states[f"{named}{'+' if named == 3 else ''}"] = (
            round(agreed_here / merged_here, 4) if merged_here else 1.0
        )
    together = conn.execute(
        "SELECT COALESCE(SUM(n * (n - 1) / 2), 0) FROM"
        " (SELECT COUNT(*) AS n FROM mention_filings WHERE kind = 0 GROUP BY key)"
    ).fetchone()[0]
    probed = conn.execute(
        "SELECT COALESCE(SUM(p.n * t.n), 0) FROM"
        " (SELECT key, COUNT(*) AS n FROM mention_filings WHERE kind = 1 GROUP BY key) p"
        " JOIN (SELECT key, COUNT(*) AS n FROM mention_filings WHERE kind = 2 GROUP BY key) t USING (key)"
    ).fetchone()[0]
    conn.close()
    return {
        "mentions": len(predicted),
        "pair_precision": round(agreed / merged, 4) if merged else 1.0,
        "pair_recall": round(agreed / true, 4) if true else 1.0,
        "pair_precision_by_states": by_states,
        "bucket_pairs": together + probed,
        "bucket_pairs_per_mention": round((together + probed) / max(len(predicted), 1), 2),
    }


def spread(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 2), "min": min(values), "max": max(values)}


# ------------------------------------------------------------------ the run


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--existing", type=int, default=100_000, help="mentions already resolved")
    parser.add_argument("--new", type=int, default=1_000, help="mentions of the new day")
    parser.add_argument(
        "--db", type=Path, help="database file to build once and reuse (default: a temp file)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="new days, each on a fresh copy")
    parser.add_argument("--full-rounds", type=int, default=3, help="full re-resolutions (the baseline)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--any-resolution",
        action="store_true",
        help="reuse --db even when resolved by older resolution code (times the new day only: "
        "no full re-resolution, same_as_full and blocking figures are then the old code's)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object only")
    parser.add_argument("--no-bars", action="store_true", help="print figures; never fail")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = (
            child_new_day(Path(rest[0]), Path(rest[1])) if kind == "new-day" else child_full(Path(rest[0]))
        )
        print(json.dumps(result))
        return 0

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-resolve-") as folder:  # copies of the database: GBs
        return run(args, Path(folder), log)


def run(args: argparse.Namespace, work: Path, log: Callable[[str], None]) -> int:
    """The bench proper, its scratch files (database copies, the 5,000-mention base) in `work`."""
    db = args.db or work / "existing.db"
    started = time.perf_counter()
    world, existing, day = world_for(args.existing, args.new, args.seed)
    log(f"world: {len(world.mentions):,} mentions in {len(world.articles):,} articles")
    built = ensure_database(
        db,
        {"existing": args.existing, "new": args.new, "seed": args.seed},
        existing,
        log,
        any_resolution=args.any_resolution,
    )
    if not built.get("resolution_current", True):
        log(f"{db} was resolved by other resolution code: the new day is timed, never compared")
        args.full_rounds = 0
    base_world, base_existing, _ = world_for(BASE, 0, args.seed)
    base = ensure_database(work / "base.db", {"existing": BASE, "seed": args.seed}, base_existing, log)
    payload = work / "day.pickle"
    payload.write_bytes(pickle.dumps(list(day)))
    days, full_runs, same = [], [], []
    for round_number in range(max(args.rounds, args.full_rounds)):
        copy = work / "day.db"
        copy_database(db, copy)
        if round_number < args.rounds or round_number == 0:
            days.append(in_child("new-day", str(copy), str(payload)))
            log(f"new day {round_number + 1}: {days[-1]}")
        if round_number < args.full_rounds:
            full = work / "full.db"
            copy_database(copy, full)
            full_runs.append(in_child("full", str(full)))
            log(f"full {round_number + 1}: {full_runs[-1]}")
            same.append(digest(copy) == digest(full))
    quality = scores(db, world.truth)
    base_quality = scores(work / "base.db", base_world.truth)
    figures = {
        "existing_mentions": quality["mentions"],
        "new_mentions": sum(len(m) for _, m in day),
        "new_articles": len(day),
        "new_day_seconds": spread([d["seconds"] for d in days])["median"],
        "new_day_seconds_runs": [d["seconds"] for d in days],
        "new_day_resolve_seconds_runs": [d["resolve_seconds"] for d in days],
        "new_day_store_seconds_runs": [d["store_seconds"] for d in days],
        "warm_up_seconds_runs": [d["warm_up_seconds"] for d in days],
        "peak_rss_mb": max(d["peak_rss_mb"] for d in days),
        "full_seconds": spread([f["seconds"] for f in full_runs])["median"] if full_runs else None,
        "full_seconds_runs": [f["seconds"] for f in full_runs],
        "full_peak_rss_mb": max((f["peak_rss_mb"] for f in full_runs), default=None),
        "ratio": _ratio(full_runs, days),
        "same_as_full": all(same) if same else None,
        "build": {k: built[k] for k in ("articles", "store_seconds", "resolve_seconds", "reused")},
        "resolution_current": built.get("resolution_current", True),
        "blocking": {"at_existing": quality, "at_base": base_quality},
        "base_resolve_seconds": base["resolve_seconds"],
        "total_seconds": round(time.perf_counter() - started, 1),
    }  # fmt: skip
    missed = bars_missed(figures)
    print(json.dumps(figures, indent=None if args.json else 2, default=str))
    for line in missed:
        print(f"BAR MISSED: {line}", file=sys.stderr)
    return 1 if missed and not args.no_bars else 0


def _ratio(full_runs: list[dict], days: list[dict]) -> float | None:
    """How many times longer the full re-resolution takes than the new day (medians)."""
    if not full_runs:
        return None
    return round(
        statistics.median(f["seconds"] for f in full_runs) / statistics.median(d["seconds"] for d in days), 1
    )


def bars_missed(figures: dict) -> list[str]:
    missed = []
    if figures["new_day_seconds"] > BARS["new_day_seconds"]:
        missed.append(f"a new day took {figures['new_day_seconds']} s (bar {BARS['new_day_seconds']} s)")
    if figures["peak_rss_mb"] > BARS["peak_rss_mb"]:
        missed.append(f"a new day peaked at {figures['peak_rss_mb']} MB (bar {BARS['peak_rss_mb']} MB)")
    if figures["same_as_full"] is False:
        missed.append("the new day gave other events than a full re-resolution")
    at, base = figures["blocking"]["at_existing"], figures["blocking"]["at_base"]
    for key in ("pair_precision", "pair_recall"):
        if abs(at[key] - base[key]) > BARS["quality_drift"]:
            missed.append(
                f"{key} {at[key]} at {at['mentions']:,} mentions against {base[key]} at {base['mentions']:,}"
            )
    return missed


if __name__ == "__main__":
    sys.exit(main())
