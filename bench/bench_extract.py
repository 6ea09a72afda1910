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
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
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


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
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
