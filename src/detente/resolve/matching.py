"""When two mentions can be one happening: the pairwise rules of the merge.

Every rule is a necessary condition (same type and status, compatible countries,
dates, place, people and name). Dates are compared as periods, so "2022" agrees
with "15 December 2022" and "December 2022", while two day-precise dates must
overlap. A mention without a date joins another only on strong evidence: the
same people, the same named place or the same event name.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from detente.models import Event
from detente.resolve.names import fold

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
Interval = tuple[date, date]


def period(event: Event) -> Interval | None:
    """The days the event's date can stand for at its precision; None when undated."""
    d = event.date
    if d.start is None or d.precision == "unknown":
        return None
    if d.precision == "year":
        return date(d.start.year, 1, 1), date(d.start.year, 12, 31)
    if d.precision == "month":
        last = calendar.monthrange(d.start.year, d.start.month)[1]
        return date(d.start.year, d.start.month, 1), date(d.start.year, d.start.month, last)
    end = d.end if d.end and d.end >= d.start else d.start
    return d.start, end


def overlap(a: Interval | None, b: Interval | None) -> Interval | None:
    if a is None or b is None:
        return None
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def words(text: str | None) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", fold(text or "")))


@dataclass(frozen=True)
class PlaceView:
    """A mention's place in comparable form."""

    tokens: frozenset[str]
    geonames_id: int | None
    city_level: bool  # the place is the city itself, not a facility in it


def place_view(event: Event) -> PlaceView | None:
    loc = event.location
    if loc is None or not loc.place:
        return None
    return PlaceView(words(loc.place), loc.geonames_id, loc.geo_level == "city")


def places_compatible(a: PlaceView | None, b: PlaceView | None) -> bool:
    """Same place, one more specific than the other, or one side silent."""
    if a is None or b is None or a.tokens <= b.tokens or b.tokens <= a.tokens:
        return True
    same_city = a.geonames_id is not None and a.geonames_id == b.geonames_id
    return same_city and (a.city_level or b.city_level)


def countries_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Equal sets, or a subset of a multilateral (three or more states) set."""
    if a == b:
        return True
    small, large = sorted((a, b), key=len)
    return len(large) >= 3 and small <= large


@dataclass
class MentionView:
    """What the merge compares about one mention, computed once."""

    index: int  # position in the canonical order
    event: Event
    doc_id: str
    published: date | None
    countries: frozenset[str]
    interval: Interval | None
    people: frozenset[str]
    place: PlaceView | None
    place_country: str | None
    name: str | None
    evidence: frozenset[str]

    @classmethod
    def of(cls, index: int, event: Event, published: date | None) -> MentionView:
        loc = event.location
        return cls(
            index=index,
            event=event,
            doc_id=event.doc_id or "",
            published=published,
            countries=frozenset(event.countries),
            interval=period(event),
            people=frozenset(p.person_id for p in event.participants if p.person_id),
            place=place_view(event),
            place_country=loc.country if loc else None,
            name=" ".join(sorted(words(event.name))) or None,
            evidence=words(event.evidence),
        )

    @property
    def period_start(self) -> date:
        """First possible day; undated mentions sort last."""
        return self.interval[0] if self.interval else date.max


def _people_nested(a: MentionView, b: MentionView) -> bool:
    return a.people <= b.people or b.people <= a.people


def context_compatible(a: MentionView, b: MentionView) -> bool:
    """The rules shared by merging and by linking a plan to its execution."""
    if a.event.type != b.event.type or not countries_compatible(a.countries, b.countries):
        return False
    if a.name and b.name and a.name != b.name:
        return False
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    if not places_compatible(a.place, b.place):
        return False
    return not (a.people and b.people and not a.people & b.people)


def strongly_same(a: MentionView, b: MentionView) -> bool:
    """Enough to accept a pair when a date is missing: same people, named place or name.

    Both sides must then say the same about who took part and what the event is
    called: one side naming people or a name the other lacks is not "the same".
    """
    if bool(a.people) != bool(b.people) or not _people_nested(a, b):
        return False
    if bool(a.name) != bool(b.name):
        return False
    same_people = bool(a.people and b.people)
    same_place = a.place is not None and b.place is not None and a.place.tokens == b.place.tokens
    same_name = a.name is not None and a.name == b.name
    return same_people or same_place or same_name


def same_happening(a: MentionView, b: MentionView) -> bool:
    """Whether two mentions of different articles can be merged into one event."""
    if a.doc_id == b.doc_id or a.event.status != b.event.status:
        return False
    if a.interval is not None and b.interval is not None:
        if overlap(a.interval, b.interval) is None:
            return False
    elif not strongly_same(a, b):
        return False
    return context_compatible(a, b)


def affinity(a: MentionView, b: MentionView) -> float:
    """How alike two compatible mentions are; the merge takes the most alike pairs first."""
    score = 0.0
    if a.interval is not None and a.interval == b.interval:
        score += 2
    score += len(a.people & b.people)
    if a.place and b.place and a.place.tokens == b.place.tokens:
        score += 1
    union = a.evidence | b.evidence
    return score + (len(a.evidence & b.evidence) / len(union) if union else 0.0)
