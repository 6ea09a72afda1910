"""A synthetic world stored and resolved into a database file, built once and reused.

Building a million-mention database takes long on a 2-core machine, so the benches
build it into a file (`--db PATH`) and reuse it while its sidecar `PATH.json` says it
holds the same world (mentions, seed, scale). The world (`synthetic.build_world`,
scaled to keep its density as it grows) is stored article by article, then resolved
by `finish_resolution` in its bounded batches: the build is itself a full resolution
from nothing, and its time is reported.
"""

from __future__ import annotations

import json
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
    """A copy of the database with its write-ahead log (the copy opens as the source would)."""
    remove_database(target)
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def describe(path: Path) -> dict | None:
    sidecar = Path(f"{path}.json")
    return json.loads(sidecar.read_text()) if sidecar.exists() and path.exists() else None


def ensure_database(path: Path, key: dict, pairs: Pairs, log: Callable[[str], None] | None = None) -> dict:
    """The database at `path` holding these articles resolved: reused when its sidecar says it
    was built from the same `key`, else built now. Returns the sidecar (with build times)."""
    found = describe(path)
    if found is not None and found.get("key") == key:
        found["reused"] = True
        return found
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    remove_database(path)
    start = time.perf_counter()
    with open_store(path) as store:
        for position, (article, mentions) in enumerate(pairs, 1):
            store.add_article(article, mentions)
            if position % 50_000 == 0:
                log(f"stored {position:,} of {len(pairs):,} articles")
        stored = time.perf_counter() - start
        start = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if done % 20_000 < 2_000:
                log(f"resolved {done:,} of {total:,} articles ({time.perf_counter() - start:.0f} s)")

        finish_resolution(store, progress=progress)
        resolved = time.perf_counter() - start
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sidecar = {
        "key": key,
        "articles": len(pairs),
        "mentions": sum(len(m) for _, m in pairs),
        "store_seconds": round(stored, 1),
        "resolve_seconds": round(resolved, 1),
        "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    Path(f"{path}.json").write_text(json.dumps(sidecar, indent=2))
    sidecar["reused"] = False
    return sidecar
