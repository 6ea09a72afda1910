"""Raw, unresolved readings of a date expression.

Resolution needs the publication date and the sentence's tense, and span merging needs
the parts, so parsing and resolving are kept apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tense = Literal["past", "future"] | None


# Raw, unresolved readings of an expression. Resolution needs the publication
# date and the sentence's tense, and span merging needs the parts, so parsing and
# resolving are kept apart.
@dataclass(frozen=True)
class Day:
    month: int
    day: int
    year: int | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class DaySpan:
    first: Day
    last: Day


@dataclass(frozen=True)
class Month:
    month: int
    year: int | None = None
    year_offset: int | None = None  # "May last year" -> -1


@dataclass(frozen=True)
class MonthSpan:
    first: Month
    last: Month


@dataclass(frozen=True)
class Year:
    year: int
    last: int | None = None


@dataclass(frozen=True)
class Weekday:
    weekday: int
    modifier: str  # "", "last", "next", "this", or "last week", "this week", "next week"


@dataclass(frozen=True)
class Shift:
    """A distance from publication: "yesterday" is (day, -1), "next month" (month, 1)."""

    unit: str
    amount: int


Raw = Day | DaySpan | Month | MonthSpan | Year | Weekday | Shift


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    raw: Raw
