"""Where `merging.json`'s same-story similarity comes from: article pairs of ../shared/news.

For every two pages whose gold events share two states, the weighted Jaccard of their openings'
telling words (what `resolve.evidence.same_story` compares), marked when the gold links an event
of one to an event of the other. Prints the pairs from the most alike down, the lowest
similarity of a same-story pair, the highest of an unlinked pair, and, leaving out one region
of pages (r1..r4) at a time, the threshold the other regions would give (the midpoint between
the two) and what it does on the region left out.

    python scripts/same_story_figures.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

from detente.dedup_links import gold_links
from detente.ingest import IngestOptions, read_sources
from detente.resolve.rules import merge_rules
from detente.resolve.text_similarity import opening_story, weighted_jaccard

ROOT = Path(__file__).resolve().parents[1]
Pair = tuple[float, bool, str, str]


def _gold(folder: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def article_pairs(shared: Path) -> list[Pair]:
    gold = _gold(shared / "gold" / "news")
    texts = {
        a.doc_id: a.text for a in read_sources([str(shared / "news")], IngestOptions()) if hasattr(a, "text")
    }
    linked = {(a[0], b[0]) for a, b in gold_links(gold)}  # ends sorted: the lower page first
    states = {doc: {c for e in g.get("events", []) for c in e["countries"]} for doc, g in gold.items()}
    chars = merge_rules().story_chars
    words = {doc: opening_story(text[:chars]).words for doc, text in texts.items()}
    pairs = [
        (weighted_jaccard(words[a], words[b]), (a, b) in linked, a, b)
        for a, b in itertools.combinations(sorted(texts), 2)
        if len(states.get(a, set()) & states.get(b, set())) >= 2
    ]
    return sorted(pairs, reverse=True)


def threshold(pairs: list[Pair]) -> float:
    """Midway between the least alike same-story pair above every unlinked one and the next below."""
    unlinked = max((s for s, linked, *_ in pairs if not linked), default=0.0)
    above = [s for s, linked, *_ in pairs if linked and s > unlinked]
    return (min(above) + unlinked) / 2 if above else unlinked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not (args.shared / "news").is_dir():
        print(f"no real pages at {args.shared / 'news'}: nothing to derive", file=sys.stderr)
        return 2
    pairs = article_pairs(args.shared)
    for score, linked, a, b in pairs[:25]:
        print(f"{score:.3f} {'linked' if linked else '      '} {a} {b}")
    print(f"all regions: threshold {threshold(pairs):.3f} (shipped {merge_rules().same_story_similarity})")
    for region in ("r1", "r2", "r3", "r4"):
        rest = [p for p in pairs if not (p[2].startswith(region) or p[3].startswith(region))]
        held = [p for p in pairs if p[2].startswith(region) and p[3].startswith(region)]
        cut = threshold(rest)
        hits = sum(1 for s, linked, *_ in held if linked and s >= cut)
        wrong = sum(1 for s, linked, *_ in held if not linked and s >= cut)
        total = sum(1 for _, linked, *_ in held if linked)
        print(
            f"without {region}: threshold {cut:.3f};",
            f"on {region}: {hits} of {total} linked pairs, {wrong} unlinked",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
