"""Dates shown at the precision the source gave: "2025", "Nov 2025", "13 Nov 2025", never a made-up day.

Stored dates are ISO days (a year-precise date is kept as 1 January), so every label
is cut back to what was actually known, and a range drops what its ends share
("13–15 Nov 2025", "Nov 2025 – Jan 2026").
"""

from __future__ import annotations

from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _as_date(value: date | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def day_label(value: date | str | None, precision: str | None = "day") -> str:
    """One date at its precision: "2025", "Nov 2025" or "13 Nov 2025"; "" when there is none."""
    day = _as_date(value)
    if day is None:
        return ""
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_label(start: date | str | None, end: date | str | None = None, precision: str | None = "day") -> str:
    """An event's date at its precision, a range when it spans several days; "undated" without one."""
    first, last = _as_date(start), _as_date(end)
    if first is None:
        return "undated"
    precision = precision if precision in ("day", "month", "year") else "day"
    if last is None or last <= first:
        return day_label(first, precision)
    if precision == "year":
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if precision == "month":
        if (first.year, first.month) == (last.year, last.month):
            return day_label(first, "month")
        if first.year == last.year:
            return f"{MONTHS[first.month - 1]}–{MONTHS[last.month - 1]} {first.year}"
        return f"{day_label(first, 'month')} – {day_label(last, 'month')}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {day_label(last)}"
    return f"{day_label(first)} – {day_label(last)}"


def span_label(
    first: date | str | None,
    last: date | str | None,
    first_precision: str | None = "day",
    last_precision: str | None = "day",
) -> str:
    """From the first to the last of several events, each end at its own precision ("2018 – Nov 2025")."""
    start, end = day_label(first, first_precision), day_label(last, last_precision)
    if not start:
        return end
    if not end or start == end:
        return start
    return f"{start} – {end}"


def period_label(period: str) -> str:
    """A chart period: "2025-11" is "Nov 2025", "2025" stays "2025"."""
    if len(period) == 7 and period[4] == "-" and period[5:].isdigit():
        return f"{MONTHS[int(period[5:]) - 1]} {period[:4]}"
    return period
