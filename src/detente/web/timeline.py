"""The range and resolution of an events-over-time chart, chosen so the bulk of events is readable.

A few events dated decades away (a 1942 treaty recalled in passing, a plan for 2030)
would stretch the axis until the years that matter are a sliver. By default the chart
covers the shortest run of years holding CORE_SHARE of the dated events; the page
says how many fall outside it and offers the whole span. A range of six years or
less is drawn by month.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from detente.web.charts import NARROW_WIDTH, WIDTH, fill_periods, stacked_bars

if TYPE_CHECKING:
    from detente.query import Detente

CORE_SHARE = 0.9
MAX_MONTHLY_BARS = 72
RECENT_YEARS = 3  # the "latest years, by month" preset


def core_years(yearly: dict[int, int], share: float = CORE_SHARE) -> tuple[int, int] | None:
    """The shortest run of years holding `share` of the events (the latest such run on a tie)."""
    years = sorted(year for year, count in yearly.items() if count > 0)
    if not years:
        return None
    need = share * sum(yearly[year] for year in years)
    best: tuple[int, int] | None = None
    for first in years:
        total = 0
        for last in years:
            if last < first:
                continue
            total += yearly[last]
            if total >= need:
                if best is None or last - first <= best[1] - best[0]:
                    best = (first, last)
                break
    return best


def _months(since: str, until: str) -> int:
    """How many months a range covers (a bare year counts as all twelve of its months)."""
    first_year, first_month = int(since[:4]), int(since[5:7]) if len(since) >= 7 else 1
    last_year, last_month = int(until[:4]), int(until[5:7]) if len(until) >= 7 else 12
    return (last_year - first_year) * 12 + last_month - first_month + 1


def _axis(since: str, until: str, granularity: str) -> list[str]:
    """Every period of the range, so empty ones show as gaps."""
    if granularity == "year":
        return [str(year) for year in range(int(since[:4]), int(until[:4]) + 1)]
    first = since[:7] if len(since) >= 7 else f"{since[:4]}-01"
    last = until[:7] if len(until) >= 7 else f"{until[:4]}-12"
    return fill_periods([first, last])


@dataclass
class Preset:
    label: str
    since: str
    until: str


@dataclass
class ChartRange:
    """What the chart shows and what it leaves out, for the page and its JSON twin."""

    since: str | None
    until: str | None
    granularity: str
    chosen: bool  # picked by the reader; otherwise the default core range
    first_year: int | None  # of all dated events in scope
    last_year: int | None
    before: int = 0  # dated events before the range
    after: int = 0
    uncharted: int = 0  # in range but dated too coarsely for the bars (a year, in a monthly chart)
    undated: int = 0
    presets: list[Preset] = field(default_factory=list)


def chart(q: Detente, scope: dict[str, Any], since: str | None = None, until: str | None = None) -> dict:
    """Timeline rows, the chosen range and the bar geometry (wide and narrow) for one scope."""
    yearly: dict[int, int] = {}
    for row in q.timeline(granularity="year", **scope):
        yearly[int(row.period)] = yearly.get(int(row.period), 0) + row.events
    total = q.count(**scope)
    dated = sum(yearly.values())
    if not yearly:
        empty = ChartRange(None, None, "month", False, None, None, undated=total)
        return {"range": asdict(empty), "timeline": [], "chart": None, "narrow_chart": None}
    first_year, last_year = min(yearly), max(yearly)
    core = core_years(yearly) or (first_year, last_year)
    chosen = bool(since or until)
    start = since or (str(core[0]) if not chosen else str(first_year))
    end = until or (str(core[1]) if not chosen else str(last_year))
    granularity = "month" if _months(start, end) <= MAX_MONTHLY_BARS else "year"
    rows = [r.to_dict() for r in q.timeline(granularity=granularity, **scope, since=start, until=end)]
    in_range = q.count(**scope, since=start, until=end)
    day_before = _day_before(start)
    before = q.count(**scope, until=day_before) if day_before else 0
    after = dated - in_range - before
    presets = [Preset(f"Most events ({core[0]}–{core[1]})", str(core[0]), str(core[1]))]
    if (first_year, last_year) != core:
        presets.append(Preset(f"All years ({first_year}–{last_year})", str(first_year), str(last_year)))
    recent_first = max(first_year, core[1] - RECENT_YEARS + 1)
    presets.append(Preset(f"{recent_first}–{core[1]} by month", str(recent_first), str(core[1])))
    axis = _axis(start, end, granularity)
    counts = [(row["period"], row["type"], row["events"]) for row in rows]
    span = ChartRange(
        start,
        end,
        granularity,
        chosen,
        first_year,
        last_year,
        before=before,
        after=max(0, after),
        uncharted=max(0, in_range - sum(row["events"] for row in rows)),
        undated=total - dated,
        presets=presets,
    )
    return {
        "range": asdict(span),
        "timeline": rows,
        "chart": asdict(stacked_bars(counts, WIDTH, axis)),
        "narrow_chart": asdict(stacked_bars(counts, NARROW_WIDTH, axis)),
    }


def _day_before(bound: str) -> str | None:
    """The last day before a range's first bound, as an ISO date the query layer reads."""
    year = int(bound[:4])
    month = int(bound[5:7]) if len(bound) >= 7 else 1
    day = int(bound[8:10]) if len(bound) >= 10 else 1
    if year <= 1:
        return None
    return (date(year, month, day) - timedelta(days=1)).isoformat()
