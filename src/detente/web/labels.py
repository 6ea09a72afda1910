"""Greedy placement of SVG text labels next to points so nearby places do not print over each other.

Text width is estimated from the character count (no font metrics on the server);
each label tries right, left, above, below and the diagonals of its point and takes
the first spot free of earlier labels and points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CHAR_WIDTH = 6.6
LINE_HEIGHT = 12.0


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    r: float
    text: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str  # SVG text-anchor: start | middle | end


Box = tuple[float, float, float, float]  # left, top, right, bottom


def label_box(label: Label, width: float) -> Box:
    left = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}[label.anchor]
    return left, label.y - LINE_HEIGHT + 2, left + width, label.y + 3


def boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _candidates(p: Point) -> list[Label]:
    gap = p.r + 3
    return [
        Label(round(p.x + gap, 1), round(p.y + 4, 1), "start"),
        Label(round(p.x - gap, 1), round(p.y + 4, 1), "end"),
        Label(round(p.x, 1), round(p.y - gap - 1, 1), "middle"),
        Label(round(p.x, 1), round(p.y + gap + LINE_HEIGHT - 2, 1), "middle"),
        Label(round(p.x + gap, 1), round(p.y - gap, 1), "start"),
        Label(round(p.x + gap, 1), round(p.y + gap + 8, 1), "start"),
        Label(round(p.x - gap, 1), round(p.y - gap, 1), "end"),
        Label(round(p.x - gap, 1), round(p.y + gap + 8, 1), "end"),
    ]


def place_labels(
    points: Sequence[Point], width: float, height: float, *, required: int | None = None
) -> list[Label | None]:
    """A label per point, in order; the first `required` points always get one (maybe crowded).

    Later points whose every spot is taken get None: their name stays in the tooltip
    and the table under the chart.
    """
    required = len(points) if required is None else required
    taken: list[Box] = [(p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r) for p in points]
    placed: list[Label | None] = []
    for index, point in enumerate(points):
        text_width = CHAR_WIDTH * len(point.text)
        own = taken[index]
        choice = None
        for candidate in _candidates(point):
            box = label_box(candidate, text_width)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not any(boxes_overlap(box, other) for other in taken if other is not own):
                choice = candidate
                break
        if choice is None and index < required:
            choice = _candidates(point)[0]
        if choice is not None:
            taken.append(label_box(choice, text_width))
        placed.append(choice)
    return placed
