"""A deterministic force layout for the cooperation network, computed on the server.

Same graph in, same picture out: nodes start on a circle in sorted order and a fixed
number of Fruchterman-Reingold steps spread them, with no random numbers involved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SIZE = 760
MARGIN = 60
ITERATIONS = 150


@dataclass
class NodePosition:
    id: str
    x: float
    y: float


def _circle(ids: Sequence[str]) -> dict[str, list[float]]:
    count = len(ids)
    return {
        node: [math.cos(2 * math.pi * i / count), math.sin(2 * math.pi * i / count)]
        for i, node in enumerate(ids)
    }


def force_layout(
    node_ids: Sequence[str], edges: Sequence[tuple[str, str, float]], iterations: int = ITERATIONS
) -> list[NodePosition]:
    """Positions inside a SIZE x SIZE square; heavier edges pull their ends closer."""
    ids = sorted(set(node_ids))
    if not ids:
        return []
    if len(ids) == 1:
        return [NodePosition(ids[0], SIZE / 2, SIZE / 2)]
    pos = _circle(ids)
    links = [(a, b, max(float(w), 1.0)) for a, b, w in edges if a in pos and b in pos and a != b]
    heaviest = max((w for _, _, w in links), default=1.0)
    k = math.sqrt(4.0 / len(ids))
    temperature = 0.2
    for _ in range(iterations):
        shift = {node: [0.0, 0.0] for node in ids}
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = max(math.hypot(dx, dy), 1e-3)
                push = k * k / dist
                shift[a][0] += dx / dist * push
                shift[a][1] += dy / dist * push
                shift[b][0] -= dx / dist * push
                shift[b][1] -= dy / dist * push
        for a, b, weight in links:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = max(math.hypot(dx, dy), 1e-3)
            pull = dist * dist / k * (0.5 + weight / heaviest)
            shift[a][0] -= dx / dist * pull
            shift[a][1] -= dy / dist * pull
            shift[b][0] += dx / dist * pull
            shift[b][1] += dy / dist * pull
        for node in ids:
            dx, dy = shift[node]
            length = max(math.hypot(dx, dy), 1e-9)
            step = min(length, temperature)
            # a weak pull to the centre keeps disconnected pieces on the canvas
            pos[node][0] += dx / length * step - pos[node][0] * 0.01
            pos[node][1] += dy / length * step - pos[node][1] * 0.01
        temperature = max(temperature * 0.97, 0.005)
    return _fit(ids, pos)


def _fit(ids: Sequence[str], pos: dict[str, list[float]]) -> list[NodePosition]:
    xs = [pos[n][0] for n in ids]
    ys = [pos[n][1] for n in ids]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    scale = (SIZE - 2 * MARGIN) / span
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return [
        NodePosition(n, round(SIZE / 2 + (pos[n][0] - cx) * scale, 1), round(SIZE / 2 + (pos[n][1] - cy) * scale, 1))
        for n in ids
    ]
