"""A synthetic world stored and resolved into a database file, built once and reused.

Building a million-mention database takes long on a 2-core machine, so the benches
build it into a file (`--db PATH`) and reuse it while its sidecar `PATH.json` says it
holds the same world (mentions, seed, scale). The world (`synthetic.build_world`,
scaled to keep its density as it grows) is stored article by article, then resolved
by `finish_resolution` in its bounded batches: the build is itself a full resolution
from nothing, and its time is reported. An interrupted build resumes where it stopped
(the time of an interrupted part is lost from the figures: `resumed` says so).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from synthetic import World, build_world

from detente.models import Article, Event
from detente.resolving import finish_resolution
from detente.store import open_store

Pairs = Sequence[tuple[Article, list[Event]]]
SOURCE = Path(__file__).resolve().parents[1] / "src" / "detente"


def resolution_fingerprint() -> str:
    """What a stored resolution was computed by: the resolve package and its merge rules.

    A database resolved under other rules is no base for a new day (the day would be
    resolved under the new ones) nor for comparing with a full re-resolution."""
    sha = hashlib.sha1()
    for path in [*sorted((SOURCE / "resolve").glob("*.py")), SOURCE / "lexicons" / "merging.json"]:
        sha.update(path.name.encode() + path.read_bytes())
    return sha.hexdigest()[:12]


def split_world(world: World, existing: int) -> tuple[Pairs, Pairs]:
    """The articles holding the first `existing` mentions, and the rest."""
    pairs = world.by_article()
    count = 0
    for position, (_, mentions) in enumerate(pairs):
        if count >= existing:
            return pairs[:position], pairs[position:]
        count += len(mentions)
    return pairs, []


def world_for(existing: int, new: int, seed: int) -> tuple[World, Pairs, Pairs]:
    """A world of `existing + new` mentions (plans carried out too), split in two."""
    world = build_world(existing + new, seed, scaled_to=existing + new, carried_out=True)
    return (world, *split_world(world, existing))


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".json"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> None:
    """A copy of the database with its write-ahead log (the copy opens as the source would).

    The copy is flushed to disk before it is used: otherwise the kernel writes GBs of it back
    while the next timed step runs, and that step's writes wait behind them (a new day at 1M
    stored its articles in 1.1 s instead of 0.2 s)."""
    remove_database(target)
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
            with open(f"{target}{suffix}", "rb") as copied:
                os.fsync(copied.fileno())


def describe(path: Path) -> dict | None:
    sidecar = Path(f"{path}.json")
    return json.loads(sidecar.read_text()) if sidecar.exists() and path.exists() else None


def ensure_database(
    path: Path,
    key: dict,
    pairs: Pairs,
    log: Callable[[str], None] | None = None,
    *,
    any_resolution: bool = False,
) -> dict:
    """The database at `path` holding these articles resolved: reused when its sidecar says it
    was built from the same `key` by the same resolution code and rules, else built now.
    Returns the sidecar (with build times).

    `any_resolution`: reuse a complete build of the same articles resolved by other code or
    rules too (its sidecar then says `resolution_current: false`): a new day can be timed on it
    in minutes instead of a rebuild of hours, but it is no base for `same_as_full`.

    A build that was interrupted (its sidecar says `complete: false`) is resumed: the
    articles already stored are skipped and the resolution goes on from its marks."""
    key = {**key, "resolution": resolution_fingerprint()}
    found = describe(path)
    if found is not None and found.get("key") == key and found.get("complete", True):
        found.update(reused=True, resolution_current=True)
        return found
    same_articles = found is not None and {**found["key"], "resolution": None} == {**key, "resolution": None}
    if any_resolution and same_articles and found is not None and found.get("complete", True):
        found.update(reused=True, resolution_current=False)
        return found
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    resumed = found is not None and found.get("key") == key
    if resumed:
        log(f"resuming the interrupted build of {path}")
    else:
        remove_database(path)
        found = {"key": key, "store_seconds": 0.0, "resolve_seconds": 0.0}
    sidecar = {**found, "complete": False, "articles": len(pairs), "mentions": sum(len(m) for _, m in pairs)}
    sidecar.pop("reused", None)
    Path(f"{path}.json").write_text(json.dumps(sidecar, indent=2))
    start = time.perf_counter()
    with open_store(path) as store:
        for position, (article, mentions) in enumerate(pairs, 1):
            store.add_article(article, mentions)  # skipped when already stored
            if position % 50_000 == 0:
                log(f"stored {position:,} of {len(pairs):,} articles")
        sidecar["store_seconds"] = round(sidecar["store_seconds"] + time.perf_counter() - start, 1)
        Path(f"{path}.json").write_text(json.dumps(sidecar, indent=2))
        start = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if done % 20_000 < 2_000:
                log(f"resolved {done:,} of {total:,} articles ({time.perf_counter() - start:.0f} s)")

        finish_resolution(store, progress=progress)
        sidecar["resolve_seconds"] = round(sidecar["resolve_seconds"] + time.perf_counter() - start, 1)
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sidecar.update(complete=True, resumed=resumed or found.get("resumed", False))
    sidecar["built_at"] = time.strftime("%Y-%m-%d %H:%M:%S")
    Path(f"{path}.json").write_text(json.dumps(sidecar, indent=2))
    return {**sidecar, "reused": False}
