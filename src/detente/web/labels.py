"""Greedy placement of SVG text labels right next to their points, never over each other.

Text width is estimated from the character count and font size (no font metrics on
the server, so the estimate errs wide). Each label tries eight spots hugging its
point; when none is free it tries a shorter form of its text, and when even that
does not fit it is dropped rather than moved away from its point: the name stays
in the tooltip and the table under the chart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

EM_WIDTH = 0.62  # average glyph advance of the sans-serif fallbacks, in em, rounded up
ASCENT = 0.95  # em above the baseline a box must cover
DESCENT = 0.3  # em below it
GAP = 3.0  # pixels between a point's edge and its label
SHORTEST = 8  # characters below which a label is not cut any further


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    r: float
    text: str
    size: float = 12.0  # font size of its label, in SVG user units
    suffix: str = ""  # kept whole when the text is shortened, e.g. " +2" for two more places


Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str  # SVG text-anchor: start | middle | end
    text: str
    box: Box


def text_width(text: str, size: float) -> float:
    return len(text) * size * EM_WIDTH


def label_box(x: float, y: float, anchor: str, width: float, size: float) -> Box:
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return round(left, 1), round(y - size * ASCENT, 1), round(left + width, 1), round(y + size * DESCENT, 1)


def boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def point_box(p: Point) -> Box:
    return p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r


def shorter_forms(text: str) -> Iterator[str]:
    """The text, then its part before the first comma, then cuts ending in an ellipsis."""
    yield text
    head = text.split(",")[0].strip()
    if head and head != text:
        yield head
    for length in range(len(head) - 3, SHORTEST - 1, -3):
        yield head[:length].rstrip() + "…"


def _spots(p: Point) -> Iterator[tuple[float, float, str]]:
    """Baseline positions hugging the point: right, left, above, below, then the diagonals."""
    gap = p.r + GAP
    middle = p.y + p.size * (ASCENT - DESCENT) / 2  # baseline that centres the text on the point
    above = p.y - gap - p.size * DESCENT
    below = p.y + gap + p.size * ASCENT
    # diagonals start where the circle's 45-degree edge is, so the box corner hugs it
    side = p.r * 0.71
    high = p.y - side - GAP - p.size * DESCENT
    low = p.y + side + GAP + p.size * ASCENT
    yield p.x + gap, middle, "start"
    yield p.x - gap, middle, "end"
    yield p.x, above, "middle"
    yield p.x, below, "middle"
    yield p.x + side, high, "start"
    yield p.x + side, low, "start"
    yield p.x - side, high, "end"
    yield p.x - side, low, "end"


def _fit(point: Point, obstacles: list[Box], width: float, height: float) -> Label | None:
    for form in shorter_forms(point.text):
        text = form + point.suffix
        size = text_width(text, point.size)
        for x, y, anchor in _spots(point):
            box = label_box(x, y, anchor, size, point.size)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not any(boxes_overlap(box, other) for other in obstacles):
                return Label(round(x, 1), round(y, 1), anchor, text, box)
    return None


def place_labels(
    points: Sequence[Point], width: float, height: float, obstacles: Sequence[Box] = ()
) -> list[Label | None]:
    """A label per point, in order of priority, or None where no spot next to it is free.

    A label never covers another label, any point but its own, or an obstacle (a
    symbol drawn without a label).
    """
    circles = [point_box(p) for p in points] + list(obstacles)
    boxes: list[Box] = []
    placed: list[Label | None] = []
    for index, point in enumerate(points):
        label = _fit(point, circles[:index] + circles[index + 1 :] + boxes, width, height)  # not its own
        if label is not None:
            boxes.append(label.box)
        placed.append(label)
    return placed
