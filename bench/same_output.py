"""Is extraction's output byte-identical to a recorded reference? For refactors that must not
change behaviour.

    python bench/same_output.py record DIR    # store the outputs in DIR
    python bench/same_output.py check DIR     # extract again, compare byte for byte

Runs what `detente extract SRC --out X.jsonl` runs (the same pipeline function, one loaded
model for all sets, so a check takes about a minute instead of several) on ../shared's news,
seeds and background corpus, the bundled examples and every fixture set. Exit code 1 when
any set differs; each difference is named with its first differing line.
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

from detente.ingest import IngestOptions
from detente.pipeline import ArticleProcessor, extract_sources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def sets() -> list[tuple[str, Path, IngestOptions | None]]:
    found: list[tuple[str, Path, IngestOptions | None]] = []
    for name in ("news", "seeds"):
        if (SHARED / name).is_dir():
            found.append((name, SHARED / name, None))
    found.append(("examples", ROOT / "examples" / "articles", None))
    for folder in sorted((ROOT / "tests" / "fixtures").glob("*/articles")):
        found.append((f"fixture-{folder.parent.name}", folder, None))
    corpus = SHARED / "corpora" / "background-news.jsonl"
    if corpus.is_file():
        found.append(("background", corpus, IngestOptions(text_field="text", id_field="id")))
    return found


def extract_all(out_dir: Path) -> None:
    processor = ArticleProcessor()
    try:
        for name, source, options in sets():
            out = out_dir / f"{name}.jsonl"
            extract_sources([str(source)], out, options, processor=processor, progress=False)
    finally:
        processor.close()


def first_difference(a: Path, b: Path) -> str:
    left, right = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
    for number, (x, y) in enumerate(zip(left, right, strict=False), start=1):
        if x != y:
            return f"line {number}: {x[:160]!r} vs {y[:160]!r}"
    return f"{len(left)} lines vs {len(right)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "check"))
    parser.add_argument("reference", type=Path)
    args = parser.parse_args(argv)
    if args.mode == "record":
        args.reference.mkdir(parents=True, exist_ok=True)
        extract_all(args.reference)
        print(f"recorded {len(sets())} outputs in {args.reference}")
        return 0
    if not args.reference.is_dir():
        print(f"{args.reference}: no recorded reference (run `record` first)", file=sys.stderr)
        return 2
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        extract_all(Path(tmp))
        for name, _, _ in sets():
            recorded, fresh = args.reference / f"{name}.jsonl", Path(tmp) / f"{name}.jsonl"
            if not recorded.is_file():
                print(f"MISSING  {name}: not in the reference")
                status = 1
            elif filecmp.cmp(recorded, fresh, shallow=False):
                print(f"same     {name}")
            else:
                print(f"DIFFERS  {name}: {first_difference(recorded, fresh)}")
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
