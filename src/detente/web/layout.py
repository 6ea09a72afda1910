"""A deterministic force layout for the cooperation network, computed on the server.

Same graph in, same picture out: nodes start on a circle in sorted order and a fixed
number of Fruchterman-Reingold steps spread them, with no random numbers involved.
The steps are vectorised with numpy so a graph of every country lays out in well
under a second.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

WIDTH = 960
HEIGHT = 540
MARGIN = 50
ITERATIONS = 150


@dataclass(frozen=True)
class NodePosition:
    id: str
    x: float
    y: float


def _unit_positions(
    ids: list[str], edges: Sequence[tuple[str, str, float]], iterations: int
) -> list[tuple[float, float]]:
    """Fruchterman-Reingold in a unit square, from a circle in sorted order (no randomness)."""
    import numpy as np

    index = {node: i for i, node in enumerate(ids)}
    count = len(ids)
    angles = 2 * math.pi * np.arange(count) / count
    pos = np.column_stack([np.cos(angles), np.sin(angles)])
    pull = np.zeros((count, count))
    for a, b, weight in edges:
        if a in index and b in index and a != b:
            pull[index[a], index[b]] += max(float(weight), 1.0)
    pull = pull + pull.T
    if pull.max() > 0:
        pull = np.where(pull > 0, 0.5 + pull / pull.max(), 0.0)
    k = math.sqrt(4.0 / count)
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        np.fill_diagonal(dist, np.inf)
        # repulsion k^2/d between every pair, attraction d^2/k along edges (scaled by weight)
        strength = k * k / dist**2 - pull * np.where(np.isinf(dist), 0.0, dist) / k
        shift = (delta * strength[:, :, None]).sum(axis=1)
        length = np.maximum(np.linalg.norm(shift, axis=1), 1e-9)
        step = np.minimum(length, temperature)
        # a weak pull to the centre keeps disconnected pieces on the canvas
        pos = pos + shift / length[:, None] * step[:, None] - pos * 0.01
        temperature = max(temperature * 0.97, 0.005)
    return [(float(x), float(y)) for x, y in pos.tolist()]


@lru_cache(maxsize=32)
def _cached_unit_positions(
    ids: tuple[str, ...], edges: tuple[tuple[str, str, float], ...], iterations: int
) -> tuple[tuple[float, float], ...]:
    """A graph seen before is not laid out again: the network changes only on ingest."""
    return tuple(_unit_positions(list(ids), edges, iterations))


def force_layout(
    node_ids: Sequence[str],
    edges: Sequence[tuple[str, str, float]],
    iterations: int = ITERATIONS,
    width: int = WIDTH,
    height: int = HEIGHT,
    margin: int = MARGIN,
) -> list[NodePosition]:
    """Positions inside the width x height canvas; heavier edges pull their ends closer.

    A layout wider than tall is turned a quarter for a portrait canvas (a phone's), so it
    fills the screen instead of a strip of it.
    """
    ids = sorted(set(node_ids))
    if not ids:
        return []
    if len(ids) == 1:
        return [NodePosition(ids[0], width / 2, height / 2)]
    pos = list(_cached_unit_positions(tuple(ids), tuple(edges), iterations))
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    if (height > width) == (max(xs) - min(xs) > max(ys) - min(ys)):
        pos = [(y, x) for x, y in pos]
    return _fit(ids, pos, width, height, margin)


def cached_force_layout(
    node_ids: tuple[str, ...],
    edges: tuple[tuple[str, str, float], ...],
    width: int = WIDTH,
    height: int = HEIGHT,
    margin: int = MARGIN,
) -> tuple[NodePosition, ...]:
    """`force_layout` with the (costly) simulation of a graph seen before reused."""
    return tuple(force_layout(node_ids, edges, ITERATIONS, width, height, margin))


def _fit(
    ids: Sequence[str], pos: list[tuple[float, float]], width: int, height: int, margin: int
) -> list[NodePosition]:
    """Scale into the canvas; each axis stretches at most twice the other's scale."""
    xs = [p[0] for p in pos]
    ys = [p[1] for p in pos]
    scale_x = (width - 2 * margin) / max(max(xs) - min(xs), 1e-9)
    scale_y = (height - 2 * margin) / max(max(ys) - min(ys), 1e-9)
    base = min(scale_x, scale_y)
    scale_x, scale_y = min(scale_x, 2 * base), min(scale_y, 2 * base)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return [
        NodePosition(
            node, round(width / 2 + (x - cx) * scale_x, 1), round(height / 2 + (y - cy) * scale_y, 1)
        )
        for node, (x, y) in zip(ids, pos, strict=True)
    ]
