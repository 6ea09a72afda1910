"""Latency percentiles, computed the same way by every bench."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentiles(milliseconds: Sequence[float], digits: int = 3) -> dict[str, float]:
    """p50 (the median) and p95 (nearest rank) of a non-empty sample, in milliseconds."""
    ordered = sorted(milliseconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered), digits), "p95_ms": round(p95, digits)}
