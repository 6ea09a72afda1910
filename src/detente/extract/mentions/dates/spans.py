"""Joining readings into spans ("28 August to 2 September 2025", "from May to July", "2019-2021")."""

from __future__ import annotations

import re

from detente.extract.mentions.dates.raw import Candidate, Day, DaySpan, Month, MonthSpan, Raw, Year
from detente.extract.mentions.dates.readings import valid_day

_SPAN_GAP = re.compile(r"\s*(?:-|–|—|to|through|till|until|and)\s*", re.IGNORECASE)

_SPAN_LEAD = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)


def merge_spans(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Join "28 August to 2 September 2025", "from May to July", "2019-2021"."""
    merged: list[Candidate] = []
    for cand in _share_years(text, candidates):
        prev = merged[-1] if merged else None
        joined = _join(text, prev, cand) if prev else None
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(cand)
    return merged


_LIST_GAP = re.compile(r"\s*(?:,|and|or|&)\s*(?:and\s+|or\s+)?", re.IGNORECASE)


def _share_years(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """In "March 3 and March 5, 2024" or "May and June 2024" the year covers the whole list."""
    shared = list(candidates)
    for i in range(len(shared) - 2, -1, -1):
        a, b = shared[i], shared[i + 1]
        if not _LIST_GAP.fullmatch(text[a.end : b.start]):
            continue
        if isinstance(a.raw, Day) and isinstance(b.raw, Day) and a.raw.year is None and b.raw.year:
            raw: Raw = Day(a.raw.month, a.raw.day, b.raw.year, a.raw.weekday)
        elif isinstance(a.raw, Month) and isinstance(b.raw, Month) and _plain(a.raw) and b.raw.year:
            raw = Month(a.raw.month, b.raw.year)
        else:
            continue
        if isinstance(raw, Day) and not valid_day(raw.year, raw.month, raw.day):
            continue
        shared[i] = Candidate(a.start, a.end, raw)
    return shared


def _join(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    gap = _SPAN_GAP.fullmatch(text[a.end : b.start])
    if not gap:
        return None
    window = max(0, a.start - 12)
    lead = _SPAN_LEAD.search(text, window, a.start)
    if gap.group(0).strip().lower() == "and" and not (lead and lead.group(1).lower() == "between"):
        return None
    raw: Raw | None = None
    if isinstance(a.raw, Day) and isinstance(b.raw, Day):
        year = b.raw.year or a.raw.year
        first, last = Day(a.raw.month, a.raw.day, a.raw.year or year), Day(b.raw.month, b.raw.day, year)
        raw = DaySpan(first, last) if (last.month, last.day) != (first.month, first.day) else None
    elif isinstance(a.raw, Month) and isinstance(b.raw, Month) and _plain(a.raw) and _plain(b.raw):
        year = b.raw.year or a.raw.year
        raw = MonthSpan(Month(a.raw.month, a.raw.year or year), Month(b.raw.month, year))
    elif isinstance(a.raw, Year) and isinstance(b.raw, Year) and b.raw.year > a.raw.year:
        raw = Year(a.raw.year, b.raw.year)
    if raw is None:
        return None
    return Candidate(lead.start() if lead else a.start, b.end, raw)


def _plain(month: Month) -> bool:
    """Not tied to "this/last/next year", so it can take the other end's year."""
    return month.year_offset is None
