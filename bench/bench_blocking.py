"""Throughput of `resolve_all` (in memory) with blocking against an all-pairs baseline, in one run.

(Incremental resolution into a database, a new day against a full re-resolution, is
`bench_resolve.py`.)

Input: a synthetic world (`synthetic.py`, seeded): 20 countries, every event type,
dates over ten years, officials, places, ~30% of mentions re-reporting a happening
another article reported, a few syndicated copies.
- detente: `resolve_all` as shipped (mentions compared only within blocks).
- baseline: the same `resolve_all` with blocking switched off, so every pair of
  mentions goes through the same match function. It is quadratic, so it runs on a
  smaller world (--baseline-size); detente runs on that world too (best of
  --rounds for both, against a busy machine's noise), which gives the ratio and
  checks that blocking loses no merge (both must give the same clusters).
Then detente alone on --size mentions: mentions/s, peak memory, and pairwise
precision/recall of the merge against the generator's truth. The small world is
also resolved shuffled, to check the ids do not depend on input order. The
gazetteer is loaded once, before any timing (`warm_up_seconds`).
Exit code 1 when the clusters differ or the ids move (use --no-bars to only print).

    .venv/bin/python bench/bench_blocking.py [--size N] [--baseline-size M] [--rounds K] [--no-bars]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import combinations
from unittest import mock

from synthetic import World, build_world, duplicate_share

from detente.models import Resolution
from detente.resolve import merge, resolve_all, resolver
from detente.resolve.matching import MentionView
from detente.resolve.places import Gazetteer

MentionKey = tuple[str, int]
PairSource = Callable[[Sequence[MentionView]], set[tuple[int, int]]]


def all_pairs(views: Sequence[MentionView]) -> set[tuple[int, int]]:
    """The naive candidate set: every pair of positions."""
    return set(combinations(range(len(views)), 2))


@contextmanager
def instrumented(source: PairSource, counts: list[int], merge_times: list[float]) -> Iterator[None]:
    """Let the merge take its candidate pairs from `source`; record pairs compared and merge seconds."""
    cluster = resolver.cluster_with_edges

    def counted(views: Sequence[MentionView]) -> set[tuple[int, int]]:
        pairs = source(views)
        counts.append(len(pairs))
        return pairs

    def timed_cluster(views: Sequence[MentionView]) -> tuple[list[list[MentionView]], list]:
        start = time.perf_counter()
        groups = cluster(views)
        merge_times.append(time.perf_counter() - start)
        return groups

    with (
        mock.patch.object(merge, "candidate_pairs", counted),
        mock.patch.object(resolver, "cluster_with_edges", timed_cluster),
    ):
        yield


@dataclass
class Run:
    seconds: float
    merge_seconds: float  # candidate pairs + matching + clustering, the part blocking changes
    pairs: int
    resolution: Resolution


def timed_resolve(world: World, gazetteer: Gazetteer, blocked: bool = True) -> Run:
    counts: list[int] = []
    merge_times: list[float] = []
    source = merge.candidate_pairs if blocked else all_pairs
    with instrumented(source, counts, merge_times):
        start = time.perf_counter()
        resolution = resolve_all(world.articles, world.mentions, gazetteer)
        seconds = time.perf_counter() - start
    return Run(seconds, sum(merge_times), sum(counts), resolution)


def clusters(world: World) -> dict[MentionKey, str | None]:
    return {(m.doc_id or "", m.evidence_start or 0): m.event_id for m in world.mentions}


def pair_scores(world: World) -> dict[str, float]:
    """Pairwise precision and recall of the merge against the happenings the generator reported."""
    predicted = clusters(world)
    both = Counter((predicted[key], world.truth[key]) for key in predicted)
    by_event = Counter(predicted.values())
    by_truth = Counter(world.truth[key] for key in predicted)

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    agreed, merged, true = pairs(both), pairs(by_event), pairs(by_truth)
    return {
        "pair_precision": round(agreed / merged, 4) if merged else 1.0,
        "pair_recall": round(agreed / true, 4) if true else 1.0,
    }


def rss_mb() -> float:
    """The process's peak resident memory so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best_of(rounds: int, size: int, seed: int, gazetteer: Gazetteer, blocked: bool) -> tuple[Run, World]:
    """The fastest of `rounds` runs, each on a freshly built world (resolve marks the mentions)."""
    runs = []
    for _ in range(rounds):
        world = build_world(size, seed)
        runs.append((timed_resolve(world, gazetteer, blocked), world))
    return min(runs, key=lambda pair: pair[0].seconds)


def compare_small(size: int, seed: int, gazetteer: Gazetteer, rounds: int) -> dict[str, object]:
    """Detente and the all-pairs baseline on the same small world, best of `rounds` each."""
    ours, ours_world = best_of(rounds, size, seed, gazetteer, blocked=True)
    naive, naive_world = best_of(rounds, size, seed, gazetteer, blocked=False)
    shuffled = build_world(size, seed)
    random.Random(seed).shuffle(shuffled.mentions)
    random.Random(seed + 1).shuffle(shuffled.articles)
    timed_resolve(shuffled, gazetteer)
    n = len(ours_world.mentions)
    return {
        "baseline_mentions": n,
        "baseline_seconds": round(naive.seconds, 2),
        "baseline_merge_seconds": round(naive.merge_seconds, 2),
        "baseline_mentions_per_s": round(n / naive.seconds, 1),
        "baseline_pairs_compared": naive.pairs,
        "detente_seconds_on_baseline_size": round(ours.seconds, 2),
        "detente_merge_seconds_on_baseline_size": round(ours.merge_seconds, 3),
        "detente_mentions_per_s_on_baseline_size": round(n / ours.seconds, 1),
        "detente_pairs_compared_on_baseline_size": ours.pairs,
        "ratio": round(naive.seconds / ours.seconds, 1),  # whole resolve_all, same world
        "merge_ratio": round(naive.merge_seconds / ours.merge_seconds, 1),  # the step blocking changes
        "same_clusters_as_baseline": clusters(ours_world) == clusters(naive_world),
        "same_ids_when_input_shuffled": clusters(ours_world) == clusters(shuffled),
        "events_on_baseline_size": len(ours.resolution.events),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=20_000, help="mentions for the detente run")
    parser.add_argument(
        "--baseline-size", type=int, default=2_000, help="mentions for the all-pairs comparison"
    )
    parser.add_argument("--rounds", type=int, default=3, help="runs on the small world, the fastest counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-bars", action="store_true", help="print figures; never fail")
    args = parser.parse_args()
    t0 = time.perf_counter()

    warm_start = time.perf_counter()  # the gazetteer, paid once per process
    gazetteer = Gazetteer.packaged()
    timed_resolve(build_world(20, args.seed), gazetteer)
    warm_seconds = time.perf_counter() - warm_start

    build_start = time.perf_counter()
    world = build_world(args.size, args.seed)
    build_seconds = time.perf_counter() - build_start
    rss_before = rss_mb()
    run = timed_resolve(world, gazetteer)
    peak = rss_mb()  # before the baseline, whose all-pairs set is the larger
    n = len(world.mentions)
    figures = {
        "mentions": n,
        "articles": len(world.articles),
        "duplicate_share": round(duplicate_share(world), 3),
        "world_build_seconds": round(build_seconds, 2),
        "warm_up_seconds": round(warm_seconds, 2),
        "detente_seconds": round(run.seconds, 2),
        "merge_seconds": round(run.merge_seconds, 2),
        "mentions_per_s": round(n / run.seconds, 1),
        "pairs_compared": run.pairs,
        "all_pairs": n * (n - 1) // 2,
        "events": len(run.resolution.events),
        "people": len(run.resolution.people),
        "copies": len(run.resolution.copies),
        **pair_scores(world),
        "rss_before_resolve_mb": round(rss_before, 1),
        "peak_rss_mb": round(peak, 1),
        **compare_small(args.baseline_size, args.seed, gazetteer, args.rounds),
        "total_seconds": 0.0,
    }
    figures["total_seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(figures, indent=2))
    missed = []
    if not figures["same_clusters_as_baseline"]:
        missed.append(
            "blocking changed the clusters: a pair the all-pairs baseline merges was never compared"
        )
    if not figures["same_ids_when_input_shuffled"]:
        missed.append("event ids changed when the input was shuffled")
    for line in missed:
        print(f"BAR MISSED: {line}", file=sys.stderr)
    return 1 if missed and not args.no_bars else 0


if __name__ == "__main__":
    sys.exit(main())
