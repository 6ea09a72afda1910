"""The event filters every listing and aggregate accepts, checked into one `EventFilter`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypedDict

from detente.query import validate
from detente.store.read import search
from detente.store.read.filters import EventFilter


class FilterArgs(TypedDict, total=False):
    """Keyword filters shared by `events()` and the aggregates (`sites()`, `network()`, ...)."""

    countries: str | Iterable[str] | None
    dyad: str | Iterable[str] | None
    type: str | Iterable[str] | None
    status: str | Iterable[str] | None
    since: date | str | None
    until: date | str | None
    person: str | None
    place: str | Iterable[str] | None
    located_in: str | None
    text: str | None
    allow_empty_period: bool


def event_filter(
    *,
    countries: str | Iterable[str] | None = None,
    dyad: str | Iterable[str] | None = None,
    type: str | Iterable[str] | None = None,
    status: str | Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    person: str | None = None,
    place: str | Iterable[str] | None = None,
    located_in: str | None = None,
    text: str | None = None,
    allow_empty_period: bool = False,
) -> EventFilter:
    """Check every filter value; raises ValueError naming the first bad one.

    `place` is one place or several (an event at any of them matches); `located_in`
    is the country the event's location lies in (whoever took part). A `since` after
    `until` is refused, unless `allow_empty_period` (the API's reading, as its schema
    cannot say that one bound precedes the other): then no event matches.
    """
    first, last = validate.period(since, until, allow_empty=allow_empty_period)
    wanted = tuple(dict.fromkeys([*validate.countries(countries), *validate.dyad(dyad)]))
    fts = None
    if text is not None and text.strip():
        fts = search.fts_query(text)
        if fts is None:
            raise ValueError(f"text: {text!r} has no words to search for")
    return EventFilter(
        countries=wanted,
        types=validate.event_types(type),
        statuses=validate.statuses(status),
        since=first,
        until=last,
        person=validate.text(person, "person"),
        places=validate.places(place),
        located_in=validate.country(located_in, "located_in") if located_in else None,
        text=fts,
    )
