"""The analyst's entry point: one object over a detente database, answering in typed rows."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, Unpack

from detente.query import related as relations
from detente.query import validate
from detente.query.data_files import load_rules
from detente.query.filtering import FilterArgs, event_filter
from detente.query.memo import memo_for
from detente.query.outlets import outlet_of
from detente.query.rows import (
    ArticleRow,
    DyadRow,
    DyadYearRow,
    EventDetail,
    EventRow,
    LocationRow,
    Network,
    NetworkEdge,
    NetworkNode,
    OfficeHolding,
    Page,
    ParticipantRow,
    PartnerRow,
    PersonDetail,
    PersonRow,
    Placement,
    PlaceRow,
    RelatedEvent,
    SearchHit,
    SiteRow,
    SourceRow,
    Stats,
    TimelineRow,
)
from detente.store import Store, open_store
from detente.store.location import database_exists, database_location
from detente.store.read import aggregates, articles, geography, people, search
from detente.store.read import events as event_reads
from detente.store.read import related as related_reads

__all__ = ["Detente", "event_filter", "open"]

R = TypeVar("R")
_BATCH = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


class Detente:
    """Read-only queries; safe to share between threads (calls are serialised)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn = store.connection
        self._lock = threading.Lock()
        self._memo = memo_for(store.path)

    @property
    def path(self) -> Path | str:
        """The SQLite file, or the PostgreSQL URL."""
        return self._store.path

    def _read(self, func: Callable[..., R], *args: Any) -> R:
        with self._lock:
            return func(self._conn, *args)

    def _counted(self, func: Callable[..., R], *args: Any) -> R:
        """An aggregate, kept until the database changes (see `detente.query.memo`)."""
        with self._lock:
            _ = self._conn.total_changes  # a closed query object refuses, as it does for any read
            return self._memo.read(self._conn, func, *args)

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
        place: str | Iterable[str] | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
        located_in: str | None = None,
        sort: str | None = None,
        allow_empty_period: bool = False,
    ) -> Page[EventRow]:
        """Events matching every filter given, newest first unless `sort` says otherwise.

        `countries`: all of them take part; `dyad`: both take part; `since`/`until`
        bound the start date (a bare year or month covers the whole period); `person`
        is a person_id, any name form or one word of one (a surname); `place` a place
        name, matching any comma-separated part ("Rawalpindi" finds "General Headquarters,
        Rawalpindi"), or a GeoNames id, or several of them (any matches); `located_in`
        the country the event is located in; `text` a full-text query over the events'
        evidence and names. `sort`: date, type, status, countries, event, place or
        sources, with a leading "-" for descending; blanks sort last. A `since` after
        `until` raises ValueError, unless `allow_empty_period`: then nothing matches.
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
            located_in=located_in,
            text=text,
            allow_empty_period=allow_empty_period,
        )
        order = validate.sort(sort)
        limit, offset = validate.page(limit, offset)
        total = self._counted(event_reads.count_events, spec)
        found = self._read(event_reads.find_events, spec, limit, offset, order)
        return Page([_event_row(EventRow, item) for item in found], total, limit, offset)

    def count(self, **filters: Unpack[FilterArgs]) -> int:
        """How many events `events(**filters)` would page through, without reading any of them
        (kept until the database changes, like the aggregates)."""
        return self._counted(event_reads.count_events, event_filter(**filters))

    def event_ids(self, *, sort: str | None = None, **filters: Unpack[FilterArgs]) -> list[str]:
        """Ids of every event matching the filters of `events()`, in its order, unpaged."""
        return self._read(event_reads.find_event_ids, event_filter(**filters), validate.sort(sort))

    def event_rows(self, event_ids: list[str]) -> list[EventRow]:
        """The events with these ids, in the order given (downloads page through `event_ids()`)."""
        found: dict[str, EventRow] = {}
        for first in range(0, len(event_ids), _BATCH):
            batch = event_ids[first : first + _BATCH]
            for item in self._read(event_reads.events_by_ids, batch):
                found[item["event_id"]] = _event_row(EventRow, item)
        return [found[event_id] for event_id in event_ids if event_id in found]

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
                detail.sources = [_source_row(source) for source in sources.get(item["event_id"], [])]
                detail.related = related.get(item["event_id"], [])
                details.append(detail)
        details.sort(key=_newest_first)
        return details

    def related(self, event_id: str) -> list[RelatedEvent]:
        """Events tied to this one: its plan or execution, what was agreed at a meeting (or the
        meeting it was agreed at), other editions of its named series (see `detente.query.related`)."""
        most = int(load_rules("related")["most_candidates"])
        with self._lock:
            found = event_reads.events_by_ids(self._conn, [event_id])
            if not found:
                return []
            me = related_reads.with_docs(self._conn, found)[0]
            candidates = related_reads.reported_together(self._conn, event_id, most)
            candidates += related_reads.sharing_countries(
                self._conn, event_id, me["type"], me["countries"], named=False, limit=most
            )
            if me["name"]:
                for pair in _pairs(me["countries"]):
                    candidates += related_reads.sharing_countries(
                        self._conn, event_id, me["type"], pair, named=True, limit=most
                    )
            linked = event_reads.related_of(self._conn, [event_id]).get(event_id, [])
            candidates += related_reads.with_docs(self._conn, event_reads.events_by_ids(self._conn, linked))
        return [
            RelatedEvent(kind, **{name: other[name] for name in _RELATED_FIELDS})
            for kind, other in relations.related(me, candidates, linked)
        ]

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

    def person(self, key: str, *, limit: int | None = None, offset: int = 0) -> PersonDetail | None:
        """A person by id or any name form, with offices over time and events with their sources:
        all of them, or the page of `limit` newest after `offset` (`event_count` says how many)."""
        if limit is not None:
            limit, offset = validate.page(limit, offset)
        found = self._read(people.find_person, key.strip())
        if found is None:
            return None
        offices = self._read(people.offices_of, found["person_id"])
        event_ids = self._read(people.event_ids_of, found["person_id"], limit, offset)
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
        return [DyadRow(**item) for item in self._counted(aggregates.dyads, code, limit)]

    def partners(self, country: str) -> list[PartnerRow]:
        """A country's partners, most events first."""
        code = validate.country(country)
        return [PartnerRow(**item) for item in self._counted(aggregates.partners, code)]

    def timeline(
        self,
        *,
        granularity: str = "month",
        country: str | None = None,
        **filters: Unpack[FilterArgs],
    ) -> list[TimelineRow]:
        """Events per period and type among the filtered events; events dated less precisely than
        the period are left out. `country` is short for `countries=[country]`."""
        if country:
            filters["countries"] = [country]
        spec = event_filter(**filters)
        rows = self._counted(aggregates.timeline, spec, validate.granularity(granularity))
        return [TimelineRow(**item) for item in rows]

    def dyad_years(self, *, limit: int | None = None, offset: int = 0) -> list[DyadYearRow]:
        """Every pair-year in order of pair and year, or a page of them."""
        rows = self._counted(aggregates.dyad_years, _most(limit), validate.row_offset(offset))
        return [DyadYearRow(**item) for item in rows]

    def places(self, *, limit: int | None = None, offset: int = 0) -> list[PlaceRow]:
        """Located events, newest first: all of them, or a page."""
        return [
            PlaceRow(**item)
            for item in self._read(aggregates.places, _most(limit), validate.row_offset(offset))
        ]

    def sites(self, **filters: Unpack[FilterArgs]) -> list[SiteRow]:
        """Named places (cities, facilities) with the filtered events placed there, busiest first."""
        return [SiteRow(**item) for item in self._counted(geography.sites, event_filter(**filters))]

    def locations(self, **filters: Unpack[FilterArgs]) -> list[LocationRow]:
        """Countries the filtered events are located in, with how many are placed only to the country."""
        spec = event_filter(**filters)
        return [LocationRow(**item) for item in self._counted(geography.location_counts, spec)]

    def placement(self, **filters: Unpack[FilterArgs]) -> Placement:
        """How many of the filtered events a map can place at a site, only at a country, or not at all."""
        return Placement(**self._counted(geography.placement_totals, event_filter(**filters)))

    def network(
        self, *, min_events: int = 1, most_edges: int | None = None, **filters: Unpack[FilterArgs]
    ) -> Network:
        """Countries as nodes and cooperation as edges, over the filtered events.

        `min_events` drops ties with fewer events, `most_edges` keeps only the strongest
        ties; either drops the countries left without a tie.
        """
        least = validate.minimum(min_events, "min_events")
        spec = event_filter(**filters)
        ties = self._counted(_strongest_ties, spec, least, _most(most_edges))
        edges = [NetworkEdge(**item) for item in ties["edges"]]
        nodes = [NetworkNode(**item) for item in self._counted(aggregates.country_counts, spec)]
        if ties["cut"]:
            tied = {country for edge in edges for country in (edge.country_a, edge.country_b)}
            nodes = [node for node in nodes if node.country in tied]
        return Network(nodes, edges)

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles and events whose text matches every word of `text`, best first: ranked
        among the 5,000 most recently stored matches of each kind (`read.search.WINDOW`), so
        a query matching more costs the same at any database size; narrower ones are ranked whole."""
        query = search.fts_query(text or "")
        if query is None:
            raise ValueError(f"text: {text!r} has no words to search for")
        limit, _ = validate.page(limit, 0)
        return [SearchHit(**item) for item in self._read(search.search, query, limit)]

    def stats(self) -> Stats:
        return Stats(**self._counted(aggregates.stats))

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


def _strongest_ties(conn: Any, spec: Any, least: int, most: int | None) -> dict[str, Any]:
    """The ties of at least `least` events, the `most` strongest, and whether any was left out.

    Kept cut (by the memo), so a page of the strongest ties does not copy thousands."""
    edges = aggregates.network_edges(conn, spec)
    cut = least > 1 or (most is not None and len(edges) > most)
    if cut:
        edges = [edge for edge in edges if edge["events"] >= least][:most]
    return {"edges": edges, "cut": cut}


def _most(limit: int | None) -> int | None:
    """A row limit (None: every row)."""
    return None if limit is None else validate.minimum(limit, "limit")


def _newest_first(event: EventRow) -> tuple[bool, int, str]:
    start = event.date_start
    return (start is None, -start.toordinal() if start else 0, event.event_id)


_RELATED_FIELDS = (
    "event_id",
    "type",
    "status",
    "date_start",
    "date_end",
    "date_precision",
    "countries",
    "name",
    "evidence",
)


def _pairs(countries: list[str], most: int = 10) -> list[list[str]]:
    """Country pairs of an event (the pair itself for a dyad), at most `most` of them."""
    ordered = sorted(countries)
    pairs = [[a, b] for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
    return pairs[:most] or [ordered]


def _source_row(source: dict[str, Any]) -> SourceRow:
    outlet = outlet_of(source["url"], source["outlet"])
    return SourceRow(**source, outlet_name=outlet.name, outlet_from=outlet.found)


def _event_row(kind: type[R], item: dict[str, Any]) -> R:
    values = dict(item)
    values["participants"] = [ParticipantRow(**p) for p in item["participants"]]
    return kind(**values)


def open(path: str | Path = "detente.db") -> Detente:
    """Open an existing detente database for queries (its schema is brought up to date):
    a SQLite file, or a `postgresql://USER@HOST:PORT/DB` URL."""
    location = database_location(path)
    if not database_exists(location):
        raise FileNotFoundError(f"no detente database at {location}: ingest some articles first")
    return Detente(open_store(location, pooled=True))
