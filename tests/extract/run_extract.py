"""Dev script: extract every article of a folder into the scorer's JSONL.

.venv/bin/python tests/extract/run_extract.py ../shared/seeds /tmp/seeds.jsonl
python3 ../shared/eval/score.py ../shared/gold/seeds /tmp/seeds.jsonl --show-errors
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from detente.extract import build_extractor

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.extract.articles import read_folder


def run(source: Path, out: Path) -> tuple[int, float]:
    started = time.perf_counter()
    extractor = build_extractor()
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for article in read_folder(source):
            events = extractor.extract(article)
            records = []
            for i, event in enumerate(events):
                record = event.to_record()
                record["event_id"] = f"{article.doc_id}-{i}"
                records.append(record)
            handle.write(
                json.dumps({**article.document_record(), "events": records}, ensure_ascii=False) + "\n"
            )
            count += 1
    return count, time.perf_counter() - started


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: run_extract.py SOURCE_DIR OUT.jsonl")
    n, seconds = run(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{n} articles in {seconds:.2f}s", file=sys.stderr)
