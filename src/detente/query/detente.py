"""The analyst's entry point: one object over a detente database, answering in typed rows."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from detente.query import validate
from detente.query.rows import (
    ArticleRow,
    DyadRow,
    DyadYearRow,
    EventDetail,
    EventRow,
    Network,
    NetworkEdge,
    NetworkNode,
    OfficeHolding,
    Page,
    ParticipantRow,
    PartnerRow,
    PersonDetail,
    PersonRow,
    PlaceRow,
    SearchHit,
    SourceRow,
    Stats,
    TimelineRow,
)
from detente.store import Store, open_store
from detente.store.read import aggregates, articles, people, search
from detente.store.read import events as event_reads
from detente.store.read.filters import EventFilter

R = TypeVar("R")
_BATCH = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


class Detente:
    """Read-only queries; safe to share between threads (calls are serialised)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn = store.connection
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        return self._store.path

    def _read(self, func: Callable[..., R], *args: Any) -> R:
        with self._lock:
            return func(self._conn, *args)

    # events ---------------------------------------------------------------

    def events(
        self,
        *,
        countries: str | Iterable[str] | None = None,
        dyad: str | Iterable[str] | None = None,
        type: str | Iterable[str] | None = None,
        status: str | Iterable[str] | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        person: str | None = None,
        place: str | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Page[EventRow]:
        """Events matching every filter given, newest first.

        `countries`: all of them take part; `dyad`: both take part; `since`/`until`
        bound the start date (a bare year or month covers the whole period); `person`
        is a person_id, any name form or one word of one (a surname); `place` a place
        name, matching any comma-separated part ("Rawalpindi" finds "General Headquarters,
        Rawalpindi"), or a GeoNames id; `text`
        a full-text query over the events' evidence and names.
        """
        spec = event_filter(
            countries=countries,
            dyad=dyad,
            type=type,
            status=status,
            since=since,
            until=until,
            person=person,
            place=place,
            text=text,
        )
        limit, offset = validate.page(limit, offset)
        total = self._read(event_reads.count_events, spec)
        found = self._read(event_reads.find_events, spec, limit, offset)
        return Page([_event_row(EventRow, item) for item in found], total, limit, offset)

    def event_ids(
        self,
        *,
        countries: str | Iterable[str] | None = None,
        dyad: str | Iterable[str] | None = None,
        type: str | Iterable[str] | None = None,
        status: str | Iterable[str] | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        person: str | None = None,
        place: str | None = None,
        text: str | None = None,
    ) -> list[str]:
        """Ids of every event matching the filters of `events()`, newest first, unpaged."""
        spec = event_filter(
            countries=countries,
            dyad=dyad,
            type=type,
            status=status,
            since=since,
            until=until,
            person=person,
            place=place,
            text=text,
        )
        return self._read(event_reads.find_event_ids, spec)

    def event(self, event_id: str) -> EventDetail | None:
        """One event with every source, including the article text to highlight the evidence in."""
        found = self.details([event_id], with_text=True)
        return found[0] if found else None

    def details(self, event_ids: list[str], *, with_text: bool = False) -> list[EventDetail]:
        """Several events with their sources, a few queries per batch (exports use it); newest first."""
        details: list[EventDetail] = []
        unique = list(dict.fromkeys(event_ids))
        for first in range(0, len(unique), _BATCH):
            batch = unique[first : first + _BATCH]
            with self._lock:
                found = event_reads.events_by_ids(self._conn, batch)
                sources = event_reads.sources_of(self._conn, batch, with_text)
                related = event_reads.related_of(self._conn, batch)
            for item in found:
                detail = _event_row(EventDetail, item)
                detail.sources = [SourceRow(**source) for source in sources.get(item["event_id"], [])]
                detail.related = related.get(item["event_id"], [])
                details.append(detail)
        details.sort(key=_newest_first)
        return details

    def article(self, doc_id: str) -> ArticleRow | None:
        found = self._read(articles.article, doc_id)
        return ArticleRow(**found) if found else None

    # people ---------------------------------------------------------------

    def people(self, *, country: str | None = None, limit: int = 100, offset: int = 0) -> Page[PersonRow]:
        code = validate.country(country) if country else None
        limit, offset = validate.page(limit, offset)
        total = self._read(people.count_people, code)
        found = self._read(people.find_people, code, limit, offset)
        return Page([PersonRow(**item) for item in found], total, limit, offset)

    def person(self, key: str) -> PersonDetail | None:
        """A person by id or any name form, with offices over time and events with their sources."""
        found = self._read(people.find_person, key.strip())
        if found is None:
            return None
        offices = self._read(people.offices_of, found["person_id"])
        event_ids = self._read(people.event_ids_of, found["person_id"])
        return PersonDetail(
            **found,
            offices=[OfficeHolding(**office) for office in offices],
            events=self.details(event_ids),
        )

    def office(self, title: str, country: str | None = None) -> list[OfficeHolding]:
        """Who held an office when; "defense minister" finds "Defence Minister"."""
        if not title or not title.strip():
            raise ValueError("title: an office title is required")
        code = validate.country(country) if country else None
        return [OfficeHolding(**item) for item in self._read(people.holders_of, title, code)]

    # aggregates -----------------------------------------------------------

    def dyads(self, *, country: str | None = None, limit: int = 50) -> list[DyadRow]:
        code = validate.country(country) if country else None
        limit, _ = validate.page(limit, 0)
        return [DyadRow(**item) for item in self._read(aggregates.dyads, code, limit)]

    def partners(self, country: str) -> list[PartnerRow]:
        """A country's partners, most events first."""
        code = validate.country(country)
        return [PartnerRow(**item) for item in self._read(aggregates.partners, code)]

    def timeline(
        self,
        *,
        granularity: str = "month",
        dyad: str | Iterable[str] | None = None,
        country: str | None = None,
        type: str | Iterable[str] | None = None,
    ) -> list[TimelineRow]:
        """Events per period and type; events dated less precisely than the period are left out."""
        spec = event_filter(countries=[country] if country else None, dyad=dyad, type=type)
        rows = self._read(aggregates.timeline, spec, validate.granularity(granularity))
        return [TimelineRow(**item) for item in rows]

    def dyad_years(self) -> list[DyadYearRow]:
        return [DyadYearRow(**item) for item in self._read(aggregates.dyad_years)]

    def places(self) -> list[PlaceRow]:
        return [PlaceRow(**item) for item in self._read(aggregates.places)]

    def network(self) -> Network:
        nodes = [NetworkNode(**item) for item in self._read(aggregates.country_counts)]
        edges = [NetworkEdge(**item) for item in self._read(aggregates.network_edges)]
        return Network(nodes, edges)

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles and events whose text matches every word of `text`, best first."""
        query = search.fts_query(text or "")
        if query is None:
            raise ValueError(f"text: {text!r} has no words to search for")
        limit, _ = validate.page(limit, 0)
        return [SearchHit(**item) for item in self._read(search.search, query, limit)]

    def stats(self) -> Stats:
        return Stats(**self._read(aggregates.stats))

    # lifecycle ------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._store.close()

    def __enter__(self) -> Detente:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def event_filter(
    *,
    countries: str | Iterable[str] | None = None,
    dyad: str | Iterable[str] | None = None,
    type: str | Iterable[str] | None = None,
    status: str | Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    person: str | None = None,
    place: str | None = None,
    text: str | None = None,
) -> EventFilter:
    """Check every filter value; raises ValueError naming the first bad one."""
    first, last = validate.period(since, until)
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
        place=validate.text(place, "place"),
        text=fts,
    )


def _newest_first(event: EventRow) -> tuple[bool, int, str]:
    start = event.date_start
    return (start is None, -start.toordinal() if start else 0, event.event_id)


def _event_row(kind: type[R], item: dict[str, Any]) -> R:
    values = dict(item)
    values["participants"] = [ParticipantRow(**p) for p in item["participants"]]
    return kind(**values)


def open(path: str | Path = "detente.db") -> Detente:
    """Open an existing detente database for queries (its schema is brought up to date)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no detente database at {path}: ingest some articles first")
    return Detente(open_store(path))
