"""Figures per group of pages (the real pages' regions r1xx-r4xx), with the shared scorer.

A figure over all pages can hide a region where extraction fails; the issue asks for each
region's own figure. Groups come from the document ids: by default the letter and first
digit of ids shaped like `r104`, so any set named that way gets its regions.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

DEFAULT_GROUPS = r"^([a-z]\d)\d\d$"


def group_of(doc_id: str, pattern: re.Pattern[str]) -> str | None:
    match = pattern.match(doc_id)
    return match.group(1) if match else None


def group_figures(
    scorer: ModuleType, gold: dict[str, dict], pred: dict[str, dict], pattern: str = DEFAULT_GROUPS
) -> dict[str, dict[str, Any]]:
    """Each group's scorer figures; empty unless at least two groups are found."""
    compiled = re.compile(pattern)
    groups: dict[str, dict[str, dict]] = {}
    for doc_id, doc in gold.items():
        name = group_of(doc_id, compiled)
        if name is not None:
            groups.setdefault(name, {})[doc_id] = doc
    if len(groups) < 2:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for name, docs in sorted(groups.items()):
        result = scorer.score(docs, {k: v for k, v in pred.items() if k in docs})
        out[name] = {
            "docs": result["docs"],
            "events": result["events"],
            "strict": result["strict"],
            "fields": result["fields"],
            "published_date_accuracy": result["published_date_accuracy"],
        }
    return out


def format_groups(groups: dict[str, dict[str, Any]]) -> list[str]:
    lines = []
    for name, figures in groups.items():
        e, f = figures["events"], figures["fields"]
        lines.append(
            f"  {name}: docs {figures['docs']:3}  gold {e['gold']:3}  event F1 {e['f1']:.3f} "
            f"(P {e['precision']:.2f} R {e['recall']:.2f})  strict F1 {figures['strict']['f1']:.3f}  "
            f"date {f['date']:.2f}  published {figures['published_date_accuracy']:.2f}"
        )
    return ["per group of pages:", *lines] if lines else []
