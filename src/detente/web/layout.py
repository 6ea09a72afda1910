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


def force_layout(
    node_ids: Sequence[str], edges: Sequence[tuple[str, str, float]], iterations: int = ITERATIONS
) -> list[NodePosition]:
    """Positions inside the WIDTH x HEIGHT canvas; heavier edges pull their ends closer."""
    import numpy as np

    ids = sorted(set(node_ids))
    if not ids:
        return []
    if len(ids) == 1:
        return [NodePosition(ids[0], WIDTH / 2, HEIGHT / 2)]
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
    return _fit(ids, pos.tolist())


@lru_cache(maxsize=8)
def cached_force_layout(
    node_ids: tuple[str, ...], edges: tuple[tuple[str, str, float], ...]
) -> tuple[NodePosition, ...]:
    """The layout of a graph seen before is reused: the network only changes on ingest."""
    return tuple(force_layout(node_ids, edges))


def _fit(ids: Sequence[str], pos: list[list[float]]) -> list[NodePosition]:
    """Scale into the landscape canvas; each axis stretches at most twice the other's scale."""
    xs = [p[0] for p in pos]
    ys = [p[1] for p in pos]
    scale_x = (WIDTH - 2 * MARGIN) / max(max(xs) - min(xs), 1e-9)
    scale_y = (HEIGHT - 2 * MARGIN) / max(max(ys) - min(ys), 1e-9)
    base = min(scale_x, scale_y)
    scale_x, scale_y = min(scale_x, 2 * base), min(scale_y, 2 * base)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return [
        NodePosition(
            node, round(WIDTH / 2 + (x - cx) * scale_x, 1), round(HEIGHT / 2 + (y - cy) * scale_y, 1)
        )
        for node, (x, y) in zip(ids, pos, strict=True)
    ]
