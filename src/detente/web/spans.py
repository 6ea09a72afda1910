"""Geometry for the person page's office timeline: one bar per office, first to last seen.

A date seen once still gets a visible sliver, and the axis runs over whole years so
the ticks fall on 1 January.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 960
LABEL_WIDTH = 260
ROW_HEIGHT = 26
AXIS_HEIGHT = 22
MIN_BAR = 6.0
NARROW_WIDTH = 400  # a phone's chart: each office's title above its bar, not beside it
NARROW_ROW_HEIGHT = 40


@dataclass
class SpanBar:
    title: str
    country: str | None
    first_seen: str
    last_seen: str
    x: float
    y: float
    width: float


@dataclass
class YearTick:
    year: int
    x: float


@dataclass
class SpanChart:
    width: int
    height: int
    label_width: int
    bars: list[SpanBar]
    ticks: list[YearTick]
    labels_above: bool = False  # titles sit over their bars (narrow chart)


def office_spans(offices: Sequence[dict], *, narrow: bool = False) -> SpanChart | None:
    """Bars for the offices that have dates (JSON-ready dicts with ISO dates); None without any.

    `narrow` draws for a phone: the full width for the time axis, titles above the bars.
    """
    dated = [o for o in offices if o.get("first_seen") or o.get("last_seen")]
    if not dated:
        return None
    firsts = [date.fromisoformat(o.get("first_seen") or o["last_seen"]) for o in dated]
    lasts = [date.fromisoformat(o.get("last_seen") or o["first_seen"]) for o in dated]
    start = date(min(firsts).year, 1, 1)
    end = date(max(lasts).year + 1, 1, 1)
    span_days = (end - start).days
    width, label_width = (NARROW_WIDTH, 22) if narrow else (WIDTH, LABEL_WIDTH)
    row_height = NARROW_ROW_HEIGHT if narrow else ROW_HEIGHT
    plot = width - label_width - (20 if narrow else 30)

    def x_of(day: date) -> float:
        return round(label_width + plot * (day - start).days / span_days, 1)

    bars = []
    for row, (office, first, last) in enumerate(zip(dated, firsts, lasts, strict=True)):
        x = x_of(first)
        bars.append(
            SpanBar(
                office["title"],
                office.get("country"),
                first.isoformat(),
                last.isoformat(),
                x,
                row * row_height + (18 if narrow else 4),
                max(MIN_BAR, x_of(last) - x),
            )
        )
    ticks = [YearTick(year, x_of(date(year, 1, 1))) for year in range(start.year, end.year + 1)]
    every = max(1, len(ticks) // (5 if narrow else 10))
    height = len(bars) * row_height + AXIS_HEIGHT
    return SpanChart(width, height, label_width, bars, ticks[::every], labels_above=narrow)
