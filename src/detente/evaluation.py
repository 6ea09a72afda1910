"""Runs extraction over a folder and scores it with the shared scorer.

The scorer is not part of detente: it is loaded from its file (by default the
`eval/score.py` that sits above the gold folder, as in `shared/`), so the
numbers printed here are exactly the scorer's own.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from detente.dedup_links import format_links, link_result
from detente.evaluation_groups import format_groups, group_figures


class ScorerMissing(FileNotFoundError):
    """No scorer file was found; the message names where it was looked for."""


def find_scorer(gold_dir: Path, explicit: Path | None = None) -> Path:
    """The scorer given, else the first `eval/score.py` in a parent of the gold folder."""
    if explicit is not None:
        if not explicit.is_file():
            raise ScorerMissing(f"{explicit}: no such scorer file")
        return explicit
    for parent in gold_dir.resolve().parents:
        candidate = parent / "eval" / "score.py"
        if candidate.is_file():
            return candidate
    raise ScorerMissing(f"no eval/score.py above {gold_dir}; pass --scorer PATH")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("detente_external_scorer", path)
    if spec is None or spec.loader is None:
        raise ScorerMissing(f"{path}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(
    gold_dir: Path,
    source_dir: Path,
    *,
    scorer_path: Path | None = None,
    pred_path: Path | None = None,
    show_errors: bool = False,
    progress: bool = False,
    manifest_path: Path | None = None,
    use_manifest: bool = True,
) -> dict[str, Any]:
    """Extract every article of `source_dir`, then score against `gold_dir`.

    The pages' web addresses come from `manifest_path`, else from a manifest found in
    SOURCE_DIR or GOLD_DIR (`manifest.csv|tsv|jsonl|md`, or the gold's INDEX.md). Only its
    `id` and `url` columns are read: nothing else of the gold reaches extraction.
    """
    scorer = load_scorer(find_scorer(gold_dir, scorer_path))
    from detente.ingest import IngestOptions
    from detente.ingest.manifest import find_manifest, read_manifest
    from detente.pipeline import extract_sources

    if use_manifest and manifest_path is None:
        manifest_path = find_manifest(source_dir, gold_dir)
    manifest = read_manifest(manifest_path, columns=("url",)) if use_manifest and manifest_path else None
    with tempfile.TemporaryDirectory() as tmp:
        pred = pred_path or Path(tmp) / "pred.jsonl"
        options = IngestOptions(manifest=manifest)
        summary = extract_sources([str(source_dir)], pred, options, progress=progress)
        gold, predicted = scorer.load_gold(gold_dir), scorer.load_pred(pred)
        result = scorer.score(gold, predicted, show_errors)
        result["groups"] = group_figures(scorer, gold, predicted)
    result["extraction"] = {
        "read": summary.read,
        "failed": summary.failed,
        "events": summary.events,
        "manifest": str(manifest.path) if manifest else None,
    }
    result["dedup_links"] = link_result(gold, predicted, scorer.pair, show_errors)
    return result


def flatten(result: dict[str, Any]) -> dict[str, float]:
    """The figures a baseline can bound, under dotted names (`events.f1`, `fields.date`)."""
    figures: dict[str, float] = {}
    for group in ("events", "strict"):
        for key in ("precision", "recall", "f1"):
            figures[f"{group}.{key}"] = result[group][key]
    for key, value in result["fields"].items():
        figures[f"fields.{key}"] = value
    figures["published_date_accuracy"] = result["published_date_accuracy"]
    for key in ("recall", "precision"):
        value = result["dedup"].get(key)
        if value is not None:
            figures[f"dedup.{key}"] = value
    value = (result.get("dedup_links") or {}).get("recall_both_extracted")
    if value is not None:
        figures["dedup.recall_both_extracted"] = value
    return figures


def check_baseline(result: dict[str, Any], baseline_path: Path) -> list[str]:
    """Every figure below its recorded minimum, as a readable line; empty when all hold."""
    minimums: dict[str, float] = json.loads(baseline_path.read_text("utf-8"))["minimums"]
    figures = flatten(result)
    drops = []
    for name, minimum in sorted(minimums.items()):
        value = figures.get(name)
        if value is None:
            drops.append(f"{name}: missing from the result (minimum {minimum})")
        elif value + 1e-9 < minimum:
            drops.append(f"{name}: {value:.3f} is below the baseline minimum {minimum:.3f}")
    return drops


def format_result(result: dict[str, Any]) -> list[str]:
    """The scorer's own report lines."""
    e, s = result["events"], result["strict"]
    links = result.get("dedup_links") or {}
    lines = list(result.get("errors", [])) + list(links.get("errors", []))
    lines.append(
        f"docs {result['docs']}  gold {e['gold']}  predicted {e['predicted']}  matched {e['matched']}"
    )
    for name, v in result["by_type"].items():
        lines.append(
            f"  {name!s:18} gold {v['gold']:3}  pred {v['predicted']:3}  P {v['precision']:.2f}  "
            f"R {v['recall']:.2f}  F1 {v['f1']:.2f}"
        )
    lines.append(
        "fields on matched events: " + "  ".join(f"{k} {v:.2f}" for k, v in result["fields"].items())
    )
    lines.append(f"published date accuracy {result['published_date_accuracy']:.2f}   dedup {result['dedup']}")
    if links:
        lines += format_links(links)
    lines.extend(format_groups(result.get("groups") or {}))
    lines.append(f"strict F1 {s['f1']:.3f}")
    lines.append(f"event F1 {e['f1']:.3f}  (P {e['precision']:.3f}  R {e['recall']:.3f})")
    return lines
