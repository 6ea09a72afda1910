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
    digits = _digits(size)
    return (
        round(left, digits),
        round(y - size * ASCENT, digits),
        round(left + width, digits),
        round(y + size * DESCENT, digits),
    )


def _digits(size: float) -> int:
    """Decimals that keep a tenth of the font size: 1 for a 12-unit font, more on a zoomed map layer."""
    digits = 1
    while size < 10 and digits < 6:
        size *= 10
        digits += 1
    return digits


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


def _spots(p: Point, space: float = GAP) -> Iterator[tuple[float, float, str]]:
    """Baseline positions hugging the point: right, left, above, below, then the diagonals."""
    gap = p.r + space
    middle = p.y + p.size * (ASCENT - DESCENT) / 2  # baseline that centres the text on the point
    above = p.y - gap - p.size * DESCENT
    below = p.y + gap + p.size * ASCENT
    # diagonals start where the circle's 45-degree edge is, so the box corner hugs it
    side = p.r * 0.71
    high = p.y - side - space - p.size * DESCENT
    low = p.y + side + space + p.size * ASCENT
    yield p.x + gap, middle, "start"
    yield p.x - gap, middle, "end"
    yield p.x, above, "middle"
    yield p.x, below, "middle"
    yield p.x + side, high, "start"
    yield p.x + side, low, "start"
    yield p.x - side, high, "end"
    yield p.x - side, low, "end"


class _Grid:
    """Boxes bucketed by the grid cells they touch, so a candidate is checked only against its
    neighbours: hundreds of map markers are labelled in milliseconds, not seconds."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1e-6)
        self.cells: dict[tuple[int, int], list[tuple[int, Box]]] = {}

    def _keys(self, box: Box) -> Iterator[tuple[int, int]]:
        for i in range(int(box[0] // self.cell), int(box[2] // self.cell) + 1):
            for j in range(int(box[1] // self.cell), int(box[3] // self.cell) + 1):
                yield i, j

    def add(self, box: Box, owner: int = -1) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append((owner, box))

    def hits(self, box: Box, owner: int) -> bool:
        """Does `box` overlap anything but the entries of `owner` (a point's own circle)?"""
        for key in self._keys(box):
            for who, other in self.cells.get(key, ()):
                if who != owner and boxes_overlap(box, other):
                    return True
        return False


def _fit(point: Point, owner: int, grid: _Grid, width: float, height: float, space: float) -> Label | None:
    for form in shorter_forms(point.text):
        text = form + point.suffix
        size = text_width(text, point.size)
        for x, y, anchor in _spots(point, space):
            box = label_box(x, y, anchor, size, point.size)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not grid.hits(box, owner):
                digits = _digits(point.size)
                return Label(round(x, digits), round(y, digits), anchor, text, box)
    return None


def place_labels(
    points: Sequence[Point],
    width: float,
    height: float,
    obstacles: Sequence[Box] = (),
    space: float = GAP,
) -> list[Label | None]:
    """A label per point, in order of priority, or None where no spot next to it is free.

    A label never covers another label, any point but its own, or an obstacle (a
    symbol drawn without a label). `space` is the gap between a point and its label,
    in the units of the points (a zoomed map layer has smaller units).
    """
    if not points:
        return []
    grid = _Grid(max(p.size for p in points) * 4)
    for index, point in enumerate(points):
        grid.add(point_box(point), index)
    for box in obstacles:
        grid.add(box)
    placed: list[Label | None] = []
    for index, point in enumerate(points):
        label = _fit(point, index, grid, width, height, space)
        if label is not None:
            grid.add(label.box)
        placed.append(label)
    return placed
