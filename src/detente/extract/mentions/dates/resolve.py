"""Resolving readings against the publication date and the sentence's tense."""

from __future__ import annotations

from collections.abc import Callable
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta

from detente.extract.mentions.dates.raw import (
    Day,
    DaySpan,
    Month,
    MonthSpan,
    Raw,
    Shift,
    Tense,
    Weekday,
    Year,
)
from detente.extract.mentions.dates.readings import valid_day
from detente.models import EventDate


def resolve_weekday(weekday: int, published: date, direction: str = "past") -> date:
    """The weekday (Monday=0) nearest to publication in the given direction.

    "past": on or before publication; "future": on or after; "last": strictly
    before; "next": strictly after.
    """
    if not 0 <= weekday <= 6:
        raise ValueError(f"resolve_weekday: weekday must be 0 (Monday) to 6 (Sunday), got {weekday}")
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if direction == "past":
        return published - timedelta(days=back)
    if direction == "future":
        return published + timedelta(days=ahead)
    if direction == "last":
        return published - timedelta(days=back or 7)
    if direction == "next":
        return published + timedelta(days=ahead or 7)
    raise ValueError(f"resolve_weekday: direction must be past, future, last or next, got {direction!r}")


def as_date(published: date | None) -> date | None:
    if published is None:
        return None
    if not isinstance(published, date):
        raise TypeError(f"find_dates: published must be a date or None, got {type(published).__name__}")
    if not MINYEAR < published.year < MAXYEAR:
        raise ValueError(
            f"find_dates: published {published.isoformat()} leaves no year either side to resolve in"
        )
    return published.date() if isinstance(published, datetime) else published


def is_relative(raw: Raw) -> bool:
    if isinstance(raw, Day | Month):
        return raw.year is None
    if isinstance(raw, DaySpan | MonthSpan):
        return raw.first.year is None
    return not isinstance(raw, Year)


def resolve_hinted(
    raw: Raw, published: date | None, year_hint: int | None, tense: Callable[[], Tense]
) -> EventDate:
    """`resolve`, placing a year-less day or month of an undated page in `year_hint`."""
    if published is None and year_hint is not None and isinstance(raw, Day | DaySpan | Month | MonthSpan):
        first = raw.first if isinstance(raw, DaySpan | MonthSpan) else raw
        if first.year is None and getattr(first, "year_offset", None) is None:
            return resolve(raw, date(year_hint, 7, 1), lambda: None)  # nearest: within that year
    return resolve(raw, published, tense)


def resolve(raw: Raw, published: date | None, tense: Callable[[], Tense]) -> EventDate:
    if isinstance(raw, Year):
        start = date(raw.year, 1, 1)
        return EventDate(start, date(raw.last, 1, 1) if raw.last else start, "year")
    if isinstance(raw, Day | DaySpan):
        return _resolve_days(raw, published, tense)
    if isinstance(raw, Month | MonthSpan):
        return _resolve_months(raw, published, tense)
    if published is None:
        return EventDate()
    if isinstance(raw, Weekday) and raw.modifier.endswith(" week"):
        offset = {"last week": -1, "this week": 0, "next week": 1}[raw.modifier]
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        day = monday + timedelta(days=raw.weekday)
        return EventDate(day, day, "day")
    if isinstance(raw, Weekday):
        direction = raw.modifier if raw.modifier in ("last", "next") else None
        direction = direction or ("future" if tense() == "future" else "past")
        day = resolve_weekday(raw.weekday, published, direction)
        return EventDate(day, day, "day")
    return _resolve_shift(raw, published)


def _resolve_days(raw: Day | DaySpan, published: date | None, tense: Callable[[], Tense]) -> EventDate:
    first, last = (raw.first, raw.last) if isinstance(raw, DaySpan) else (raw, raw)
    if first.year is not None:
        start = date(first.year, first.month, first.day)
        end = date(last.year or first.year, last.month, last.day)
        if end < start:  # "December 28 to January 3, 2025": the span began the year before
            start = start.replace(year=start.year - 1)
        return EventDate(start, end, "day")
    if published is None:
        return EventDate()
    options = [
        date(y, first.month, first.day)
        for y in (published.year - 1, published.year, published.year + 1)
        if valid_day(y, first.month, first.day)
    ]
    if first.weekday is not None:
        options = [d for d in options if d.weekday() == first.weekday] or options
    start = _pick(options, published, tense(), lambda d: abs((d - published).days))
    end_year = start.year if (last.month, last.day) >= (first.month, first.day) else start.year + 1
    end = date(end_year, last.month, last.day) if valid_day(end_year, last.month, last.day) else start
    return EventDate(start, end, "day")


def _resolve_months(raw: Month | MonthSpan, published: date | None, tense: Callable[[], Tense]) -> EventDate:
    first, last = (raw.first, raw.last) if isinstance(raw, MonthSpan) else (raw, raw)
    if first.year is not None:
        start = date(first.year, first.month, 1)
        end = date(last.year or first.year, last.month, 1)
        if end < start:
            start = start.replace(year=start.year - 1)
        return EventDate(start, end, "month")
    if published is None:
        return EventDate()
    if first.year_offset is not None:
        start = date(published.year + first.year_offset, first.month, 1)
    else:
        here = date(published.year, published.month, 1)
        options = [date(y, first.month, 1) for y in (published.year - 1, published.year, published.year + 1)]
        start = _pick(options, here, tense(), lambda d: abs(_month_index(d) - _month_index(here)))
    end = date(start.year, last.month, 1)
    if end < start:
        end = end.replace(year=end.year + 1)
    return EventDate(start, end, "month")


def _pick(options: list[date], anchor: date, tense: Tense, distance: Callable[[date], int]) -> date:
    """The option on the side of `anchor` the tense points to; else the nearest
    (ties go to the past: news mostly reports what has happened)."""
    if tense == "past" and any(d <= anchor for d in options):
        return max(d for d in options if d <= anchor)
    if tense == "future" and any(d >= anchor for d in options):
        return min(d for d in options if d >= anchor)
    return min(options, key=lambda d: (distance(d), d > anchor))


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _add_months(day: date, months: int) -> date:
    index = _month_index(day) + months
    return date(index // 12, index % 12 + 1, 1)


def _resolve_shift(raw: Shift, published: date) -> EventDate:
    if raw.unit == "day":
        day = published + timedelta(days=raw.amount)
        return EventDate(day, day, "day")
    if raw.unit in ("week", "weekend"):
        # A week is the span of its days, Monday to Sunday (the guide's reading of "last week").
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=raw.amount)
        first = monday + timedelta(days=5) if raw.unit == "weekend" else monday
        return EventDate(first, monday + timedelta(days=6), "day")
    if raw.unit == "month":
        month = _add_months(published, raw.amount)
        return EventDate(month, month, "month")
    year = date(published.year + raw.amount, 1, 1)
    return EventDate(year, year, "year")
