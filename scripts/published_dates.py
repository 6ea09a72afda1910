"""Publication dates of a prediction file against gold, per region of page ids.

    python scripts/published_dates.py ../shared/gold/news PRED.jsonl [--errors]

Prints, per region (the id's first two characters, "r1" for r1xx), the scorer's
published-date accuracy (a page whose gold has no date counts as right whatever is
predicted), a strict accuracy (such a page must be predicted undated too) and how
often the date's source (explicit/inferred/unknown) agrees. With --errors, every page
whose date or source differs is listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path


def _gold(folder: Path) -> dict[str, dict]:
    pages = {}
    for path in sorted(folder.glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        pages[str(page.get("doc_id", path.stem))] = page.get("published") or {}
    return pages


def _predicted(path: Path) -> dict[str, dict]:
    pages = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            pages[str(record["doc_id"])] = record.get("published") or {}
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every page that differs")
    args = parser.parse_args(argv)
    gold, pred = _gold(args.gold_dir), _predicted(args.pred)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # pages, scorer ok, strict ok, source ok
    errors = []
    for doc_id, wanted in sorted(gold.items()):
        got = pred.get(doc_id, {})
        wanted_date, got_date = wanted.get("date"), got.get("date")
        wanted_source = wanted.get("source") or ("unknown" if not wanted_date else "explicit")
        got_source = got.get("source") or "unknown"
        same_date = wanted_date == got_date
        same_source = wanted_source == got_source
        for region in (doc_id[:2], "all"):
            counts = tally[region]
            counts[0] += 1
            counts[1] += (not wanted_date) or same_date
            counts[2] += same_date
            counts[3] += same_source
        if not (same_date and same_source):
            errors.append(f"{doc_id}  gold {wanted_date} {wanted_source:8}  got {got_date} {got_source}")
    print(f"{'region':8}{'pages':>6}{'scorer':>9}{'strict':>9}{'source':>9}")
    for region, (pages, scorer, strict, source) in sorted(tally.items(), key=lambda kv: kv[0] == "all"):
        print(f"{region:8}{pages:>6}{scorer / pages:>9.3f}{strict / pages:>9.3f}{source / pages:>9.3f}")
    if args.errors:
        print("\n".join(errors) if errors else "no differences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
