"""Throughput of detente's extraction against the full-spaCy baseline, in one run.

Corpus: ../shared/corpora/background-news.jsonl with the ../shared/seeds articles mixed in.
- detente: read -> screen -> extract (parser only on candidate sentences) -> resolve.
- baseline: the full en_core_web_sm pipeline over every article's text (nlp.pipe).
Both use the model already loaded, so load time is reported apart: `load_seconds` is the
one-time cost of spaCy's model, the lexicons and the gazetteer, paid once per process.
Prints articles/s for each, the ratio, seed-only throughput, peak memory and whether
the screen lost any seed article. Exit code 1 when a bar is missed (use --no-bars to
only print).

    .venv/bin/python bench/bench_extract.py [--baseline-limit N] [--no-bars]

With --ingest 1,4,16 it measures `detente ingest` instead (each run a fresh process,
its own peak memory): the background corpus repeated that many times (each repeat's
articles with other ids and a line that makes their text new) into an empty database
(the baseline, in the same run) and into a copy of --large-db (a database of a million
events: `bench_api.py --events 1000000 --db PATH` builds one), --rounds times each:
articles/s (median, every run listed), peak RSS, and the ratio large/empty. Bars:
the ratio at least 0.8 at every size, peak RSS under 1 GB.

    .venv/bin/python bench/bench_extract.py --ingest 1,4,16 --large-db PATH [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from detente.ingest import IngestOptions, read_sources
from detente.models import Article
from detente.nlp import load_english
from detente.pipeline import ArticleProcessor, resolve
from detente.resolve.places import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BARS = {"end_to_end_articles_per_s": 300.0, "ratio": 20.0, "seed_articles_per_s": 15.0, "peak_mb": 1024.0}
INGEST_BARS = {"ratio": 0.8, "peak_rss_mb": 1024.0}
CHILD = (  # `detente ingest`, then its own peak memory on stderr (memory.py says why not getrusage)
    "import sys\n"
    f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
    "from memory import peak_rss_mb\n"
    "from detente.cli import app\n"
    "sys.argv = ['detente', *sys.argv[1:]]\n"
    "try:\n    app()\nexcept SystemExit as stop:\n    code = stop.code\n"
    "print(peak_rss_mb(), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def read_all(sources: list[str]) -> list[Article]:
    options = IngestOptions(id_field="id", text_field="text")
    return [item for item in read_sources(sources, options) if isinstance(item, Article)]


def run_detente(articles: list[Article], processor: ArticleProcessor) -> tuple[float, int, set[str]]:
    """Seconds for screen + extract + resolve over the articles; events; docs with events."""
    start = time.perf_counter()
    mentions = []
    with_events = set()
    for article in articles:
        events = processor.events_of(article) or []
        mentions.extend(events)
        if events:
            with_events.add(article.doc_id)
    resolve(articles, mentions)
    return time.perf_counter() - start, len(mentions), with_events


def run_baseline(articles: list[Article]) -> float:
    nlp = load_english()
    start = time.perf_counter()
    # spaCy refuses texts over nlp.max_length (one corpus record is a 1.2 MB page dump).
    for _ in nlp.pipe((a.text[: nlp.max_length] for a in articles), batch_size=16):
        pass
    return time.perf_counter() - start


def repeated_corpus(corpus: Path, copies: int, out: Path) -> int:
    """The corpus `copies` times over, each repeat a new text under a new id; returns articles."""
    count = 0
    with corpus.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
        records = [json.loads(line) for line in source if line.strip()]
        for repeat in range(copies):
            for record in records:
                if repeat:
                    record = {**record, "id": f"{record['id']}-r{repeat}"}
                    record["text"] = f"{record['text']}\n\nRepeat {repeat} of the corpus."
                sink.write(json.dumps(record) + "\n")
                count += 1
    return count


def timed_ingest(corpus: Path, db: Path) -> dict[str, float]:
    """`detente ingest` in its own process: seconds and peak RSS."""
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-c", CHILD, "ingest", str(corpus), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if run.returncode not in (0, 1):
        raise SystemExit(f"ingest into {db} failed:\n{run.stderr[-2000:]}")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(float(run.stderr.strip().splitlines()[-1]), 1)}


def ingest_figures(corpus: Path, sizes: list[int], large: Path | None, rounds: int) -> dict:
    """Ingest throughput and memory at each size, into an empty database and a large one."""
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:  # corpora and database copies
        return _ingest_figures(corpus, sizes, large, rounds, Path(folder))


def _ingest_figures(corpus: Path, sizes: list[int], large: Path | None, rounds: int, folder: Path) -> dict:
    from world_db import copy_database, remove_database

    from detente.store import open_store

    if large is not None:
        open_store(large).close()  # its migrations, once, before any copy is timed
    results: dict[str, dict] = {}
    for size in sizes:
        source = folder / f"corpus-x{size}.jsonl"
        articles = repeated_corpus(corpus, size, source)
        row: dict[str, object] = {"articles": articles}
        targets = ("empty", "large") if large else ("empty",)
        by_target: dict[str, list[dict[str, float]]] = {target: [] for target in targets}
        for _ in range(rounds):  # interleaved, so a busy spell on the machine hits both alike
            for target in targets:
                db = folder / f"{target}.db"
                remove_database(db)
                if target == "large":
                    copy_database(large, db)
                by_target[target].append(timed_ingest(source, db))
                remove_database(db)
        for target, runs in by_target.items():
            rates = [round(articles / r["seconds"], 1) for r in runs]
            row[target] = {
                "articles_per_s": statistics.median(rates),
                "articles_per_s_runs": rates,
                "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
            }
        if large:
            row["ratio"] = round(row["large"]["articles_per_s"] / row["empty"]["articles_per_s"], 2)  # type: ignore[index]
            row["ratio_runs"] = [  # each round's large / empty: the spread of the ratio
                round(e["seconds"] / g["seconds"], 2)
                for e, g in zip(by_target["empty"], by_target["large"], strict=True)
            ]
        results[f"x{size}"] = row
        print(f"x{size}: {row}", file=sys.stderr, flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ingest", help="measure `detente ingest` of the corpus repeated N,M,... times")
    parser.add_argument("--large-db", type=Path, help="with --ingest: a large database to ingest into")
    parser.add_argument("--rounds", type=int, default=3, help="with --ingest: runs of each measurement")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object only")
    parser.add_argument(
        "--baseline-limit",
        type=int,
        default=0,
        help="time the baseline on the first N articles only and scale (0 = all)",
    )
    parser.add_argument("--no-bars", action="store_true", help="print figures; never fail")
    args = parser.parse_args()
    corpus, seeds = SHARED / "corpora" / "background-news.jsonl", SHARED / "seeds"
    if not corpus.is_file() or not seeds.is_dir():
        print("../shared (corpora, seeds) is absent: nothing to measure")
        return 0

    if args.ingest:
        sizes = [int(size) for size in args.ingest.split(",")]
        figures = {"ingest": ingest_figures(corpus, sizes, args.large_db, args.rounds)}
        print(json.dumps(figures, indent=None if args.json else 2))
        missed = []
        for size, row in figures["ingest"].items():
            if "ratio" in row and row["ratio"] < INGEST_BARS["ratio"]:
                missed.append(f"{size}: into the large database at {row['ratio']} of the empty one's rate")
            for target in ("empty", "large"):
                if target in row and row[target]["peak_rss_mb"] > INGEST_BARS["peak_rss_mb"]:
                    missed.append(f"{size} into {target}: peak RSS {row[target]['peak_rss_mb']} MB")
        for line in missed:
            print(f"BAR MISSED: {line}", file=sys.stderr)
        return 1 if missed and not args.no_bars else 0

    t0 = time.perf_counter()
    read_start = time.perf_counter()
    articles = read_all([str(corpus), str(seeds)])
    read_seconds = time.perf_counter() - read_start
    seed_ids = {p.stem for p in seeds.glob("*.txt")}
    seed_articles = [a for a in articles if a.doc_id in seed_ids]

    load_start = time.perf_counter()
    processor = ArticleProcessor()
    processor.extractor.warm_up()
    Gazetteer.packaged()
    load_seconds = time.perf_counter() - load_start

    ours, n_events, with_events = run_detente(articles, processor)
    seeds_seconds, _, _ = run_detente(seed_articles, processor)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lost = sorted(a.doc_id for a in seed_articles if not processor.screen.keep(a))

    sample = articles[: args.baseline_limit] if args.baseline_limit else articles
    baseline = run_baseline(sample) * len(articles) / len(sample)

    n = len(articles)
    figures = {
        "articles": n,
        "read_seconds": round(read_seconds, 2),
        "load_seconds": round(load_seconds, 2),
        "detente_seconds": round(ours, 2),
        "articles_per_s": round(n / ours, 1),
        "end_to_end_articles_per_s": round(n / (read_seconds + ours), 1),
        "baseline_seconds": round(baseline, 1),
        "baseline_articles_per_s": round(n / baseline, 1),
        "ratio": round(baseline / (read_seconds + ours), 1),  # baseline vs our end to end
        "seed_articles_per_s": round(len(seed_articles) / seeds_seconds, 1),
        "peak_mb": round(peak_mb, 1),
        "events": n_events,
        "articles_with_events": len(with_events),
        "seed_articles_lost_by_screen": lost,
        "baseline_scaled_from": len(sample),
        "total_seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(figures, indent=2))
    missed = [
        f"{k} {figures[k]} (bar {v})"
        for k, v in BARS.items()
        if (figures[k] > v if k == "peak_mb" else figures[k] < v)
    ]
    if lost:
        missed.append(f"screen lost seed articles {lost}")
    for line in missed:
        print(f"BAR MISSED: {line}", file=sys.stderr)
    return 1 if missed and not args.no_bars else 0


if __name__ == "__main__":
    sys.exit(main())
