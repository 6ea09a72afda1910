"""Extraction time against the length of one pathological article, with the old rescan as baseline.

The input is the worst case issue 13 found: one defence article's lines joined into a
single paragraph and repeated to each size (every sentence a candidate). detente now
scans a paragraph's countries once (`extract/mentions/paragraph_states.py`); the baseline is the
same engine with the former rescan of the whole paragraph for every candidate sentence,
measured in the same run on the smaller sizes (it is quadratic: 136 KB took about a
minute). Prints seconds per size, the growth from one size to the next (2.0 is linear
for a doubling), and detente's speed-up over the baseline where both ran.

    .venv/bin/python bench/bench_pathological.py [--sizes 34000,68000,...] [--baseline-max 136000]
        [--repeat 3] [--no-bars]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from pathlib import Path

from detente.extract import build_extractor
from detente.extract.mentions.index import Mentions
from detente.extract.mentions.states import gazetteer
from detente.models import Article

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "fixtures" / "dev" / "articles" / "dev09_sau_pak_rawalpindi.txt"
BARS = {"speedup_at_largest_baseline": 3.0, "growth_per_doubling_up_to_272000": 2.6}


def repeated_paragraph(size: int) -> str:
    lines = [line.strip() for line in SOURCE.read_text().splitlines() if line.strip()]
    paragraph = " ".join(lines)
    return ((paragraph + " ") * (size // len(paragraph) + 1))[:size]


def rescan(self: Mentions, sentence, cut: int) -> list[str]:
    """What extraction did before: the whole paragraph, this sentence's tail cut, scanned again."""
    paragraph = self.paragraph_text(sentence.paragraph)
    mentions = gazetteer().parties(paragraph.replace(sentence.text, sentence.text[:cut]))
    return list(dict.fromkeys(m.code for m in mentions))


def timed(extractor, text: str, repeat: int) -> tuple[float, float, int]:
    runs, events = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        events = len(extractor.extract(Article("pathological", text)))
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), max(runs) - min(runs), events


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="34000,68000,136000,272000,544000,1000000")
    parser.add_argument("--baseline-max", type=int, default=136_000, help="largest size the baseline runs")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median and spread)")
    parser.add_argument("--no-bars", action="store_true", help="print figures; never fail")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    extractor = build_extractor()
    extractor.warm_up()
    figures: dict[str, object] = {"input": f"{SOURCE.name} as one paragraph, repeated", "repeat": args.repeat}
    rows = []
    for size in sizes:
        text = repeated_paragraph(size)
        seconds, spread, events = timed(extractor, text, args.repeat)
        row = {"bytes": size, "seconds": round(seconds, 2), "spread": round(spread, 2), "events": events}
        if size <= args.baseline_max:
            current = Mentions.nearby_states
            Mentions.nearby_states = rescan
            try:
                base, _, base_events = timed(extractor, text, 1)
            finally:
                Mentions.nearby_states = current
            row |= {"baseline_seconds": round(base, 2), "speedup": round(base / seconds, 1)}
            row["same_events"] = base_events == events
        rows.append(row)
        print(json.dumps(row), flush=True)
    for previous, row in itertools.pairwise(rows):
        row["growth"] = round(row["seconds"] / previous["seconds"], 2) if previous["seconds"] else None
    figures["sizes"] = rows
    with_baseline = [row for row in rows if "speedup" in row]
    if with_baseline:
        figures["speedup_at_largest_baseline"] = with_baseline[-1]["speedup"]
    doublings = [row["growth"] for row in rows[1:] if row["bytes"] <= 272_000 and row.get("growth")]
    if doublings:
        figures["growth_per_doubling_up_to_272000"] = max(doublings)
    print(json.dumps(figures, indent=2))
    failed = [] if args.no_bars else missed_bars(figures, rows)
    for name in failed:
        print(f"bar missed: {name}", file=sys.stderr)
    return 1 if failed else 0


def missed_bars(figures: dict[str, object], rows: list[dict]) -> list[str]:
    missed = []
    speedup = figures.get("speedup_at_largest_baseline")
    if isinstance(speedup, float | int) and speedup < BARS["speedup_at_largest_baseline"]:
        missed.append("speedup_at_largest_baseline")
    growth = figures.get("growth_per_doubling_up_to_272000")
    if isinstance(growth, float | int) and growth > BARS["growth_per_doubling_up_to_272000"]:
        missed.append("growth_per_doubling_up_to_272000")
    if any(row.get("same_events") is False for row in rows):
        missed.append("same_events")
    return missed


if __name__ == "__main__":
    raise SystemExit(main())
