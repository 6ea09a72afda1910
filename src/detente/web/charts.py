"""Geometry for the stacked bar charts (events per period by type), drawn as plain SVG.

The server computes every rectangle so the page needs no chart library and the same
numbers appear in the HTML and its JSON twin.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from detente.models import EVENT_TYPES

WIDTH = 960  # the wide chart; the narrow one (NARROW_WIDTH) is drawn for phones
NARROW_WIDTH = 400
HEIGHT = 260
MARGIN_LEFT = 40
MARGIN_RIGHT = 30
MARGIN_BOTTOM = 28
MARGIN_TOP = 10
LABEL_SLOT = 72  # user units one month label ("Nov 2025" at 11 px) needs with its gap
YEAR_LABEL_SLOT = 40  # and one year label ("2025")
MAX_BAR_WIDTH = 48


@dataclass
class BarSegment:
    type: str
    count: int
    y: float
    height: float


@dataclass
class Bar:
    period: str
    total: int
    x: float
    width: float
    segments: list[BarSegment] = field(default_factory=list)
    label: bool = False


@dataclass
class Tick:
    value: int
    y: float


@dataclass
class StackedBars:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_bottom: float
    bars: list[Bar]
    ticks: list[Tick]
    types: list[str]


def nice_step(maximum: int, max_ticks: int = 5) -> int:
    """A 1/2/5 x 10^k step giving at most `max_ticks` ticks up to `maximum`."""
    if maximum <= 0:
        return 1
    raw = maximum / max_ticks
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        step = max(1, int(factor * magnitude))
        if maximum / step <= max_ticks:
            return step
    return max(1, int(10 * magnitude))


def fill_periods(periods: Iterable[str]) -> list[str]:
    """Every period from the first to the last, so empty months show as gaps, not squeezed out."""
    ordered = sorted(set(periods))
    if not ordered:
        return []
    if all(re.fullmatch(r"\d{4}-\d{2}", p) for p in ordered):
        first_year, first_month = map(int, ordered[0].split("-"))
        last_year, last_month = map(int, ordered[-1].split("-"))
        span = (last_year - first_year) * 12 + last_month - first_month
        return [
            f"{first_year + (first_month - 1 + i) // 12:04d}-{(first_month - 1 + i) % 12 + 1:02d}"
            for i in range(span + 1)
        ]
    if all(re.fullmatch(r"\d{4}", p) for p in ordered):
        return [str(year) for year in range(int(ordered[0]), int(ordered[-1]) + 1)]
    return ordered


def stacked_bars(
    counts: Iterable[tuple[str, str, int]], width: int = WIDTH, periods: list[str] | None = None
) -> StackedBars:
    """Bars per period, one segment per event type, in the fixed type order of the legend.

    `periods` fixes the axis (a chosen range, empty periods included); by default it runs
    from the first to the last period counted. Period labels are thinned to fit `width`.
    """
    by_period: dict[str, dict[str, int]] = defaultdict(dict)
    for period, event_type, count in counts:
        if period and count > 0:
            by_period[period][event_type] = by_period[period].get(event_type, 0) + count
    periods = periods if periods is not None else fill_periods(by_period)
    known = [t for t in EVENT_TYPES if any(t in row for row in by_period.values())]
    extra = sorted({t for row in by_period.values() for t in row} - set(EVENT_TYPES))
    types = known + extra
    top = max((sum(row.values()) for row in by_period.values()), default=0)
    step = nice_step(top)
    axis_max = max(step, math.ceil(top / step) * step)
    plot_bottom = HEIGHT - MARGIN_BOTTOM
    plot_height = plot_bottom - MARGIN_TOP
    plot_width = width - MARGIN_LEFT - MARGIN_RIGHT
    slot = plot_width / max(1, len(periods))
    label_slot = LABEL_SLOT if periods and "-" in periods[0] else YEAR_LABEL_SLOT
    label_every = max(1, math.ceil(len(periods) / max(1, plot_width // label_slot)))
    bars: list[Bar] = []
    for index, period in enumerate(periods):
        row = by_period.get(period, {})
        bar_width = min(slot * 0.8, MAX_BAR_WIDTH)
        bar = Bar(
            period,
            sum(row.values()),
            MARGIN_LEFT + index * slot + (slot - bar_width) / 2,
            bar_width,
            label=index % label_every == 0,
        )
        y = plot_bottom
        for event_type in types:
            count = row.get(event_type, 0)
            if count:
                height = plot_height * count / axis_max
                y -= height
                bar.segments.append(BarSegment(event_type, count, round(y, 2), round(height, 2)))
        bars.append(bar)
    ticks = [
        Tick(value, round(plot_bottom - plot_height * value / axis_max, 2))
        for value in range(0, axis_max + 1, step)
    ]
    return StackedBars(width, HEIGHT, MARGIN_LEFT, width - MARGIN_RIGHT, plot_bottom, bars, ticks, types)
