"""The event filter, already validated, and the SQL WHERE clause it becomes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from detente.store.keys import PLACE_GEONAMES, PLACE_NAME, name_key, place_query_key


@dataclass(frozen=True)
class EventFilter:
    """Values are checked by the query layer; every field narrows the result (AND)."""

    countries: tuple[str, ...] = ()  # every one of them takes part
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: date | None = None  # on date_start, inclusive
    until: date | None = None
    person: str | None = None  # person_id or any name form
    place: str | None = None  # place name or GeoNames id
    text: str | None = None  # an FTS5 query, already sanitised
    places: tuple[str, ...] = ()  # any one of these places (names or GeoNames ids)
    located_in: str | None = None  # the country the event's location lies in


def where_clause(
    spec: EventFilter, alias: str = "e", probe: bool = False, text_first: bool = False
) -> tuple[str, list[Any]]:
    """SQL condition (always valid, "1 = 1" when empty) and its parameters.

    `probe`: the caller reads the events in another order (the date index, a state's dated
    rows), so the type, status, date and text terms are checked on each event read, not read
    through their own indexes (`events.find_events` says when). `text_first` (no person or
    place in the filter): the text's matches are read first and the states checked on each,
    for a text rarer than the state's or pair's events (`events.text_first` says when)."""
    parts: list[str] = []
    params: list[Any] = []
    text_first = text_first and bool(spec.text) and not (spec.person or spec.place or spec.places)
    # With `text_first`, the states are checked per match, not read as the events to visit.
    ids = f"+{alias}.event_id" if text_first else f"{alias}.event_id"
    countries = sorted(set(spec.countries))
    pair = len(countries) >= 2
    if pair:  # the first pair through the pair index: a dyad reads only its events
        parts.append(f"{ids} IN (SELECT event_id FROM event_pairs WHERE country_a = ? AND country_b = ?)")
        params.extend(countries[:2])
        countries = countries[2:]
    # A state's events since or until a date are read from its own dated rows
    # (`event_countries_date`), not all of them: the date terms go inside its lookup.
    dates, date_params = date_terms(spec, "date_start")
    for country in countries:
        parts.append(f"{ids} IN (SELECT event_id FROM event_countries WHERE country = ?{dates})")
        params.extend([country, *date_params])
    # With a place or a state, its index (`event_places`, `event_pairs`, `event_countries`)
    # reads that place's or state's events; the type, status and date terms are then checked on
    # those rows, not read through their own indexes (`|| ''` hides a column from SQLite's
    # planner, which without statistics takes an equality on `events_type` for a handful of
    # rows when it is a third of the events: 58 events of a pair, 225 ms at 700k events instead
    # of 1 ms; one state's 1,007 exercises counted in 37 ms instead of 219). A state that holds
    # more events than a type would now read more rows than the type's index: at most a few
    # times more, where a type read for a small state was hundreds of times more.
    narrow = bool(probe or spec.place or spec.places or spec.countries)
    column = (lambda name: f"({alias}.{name} || '')") if narrow else (lambda name: f"{alias}.{name}")
    if spec.types:
        parts.append(f"{column('type')} IN ({', '.join('?' * len(spec.types))})")
        params.extend(spec.types)
    if spec.statuses:
        parts.append(f"{column('status')} IN ({', '.join('?' * len(spec.statuses))})")
        params.extend(spec.statuses)
    if not countries and date_params:
        outer, _ = date_terms(spec, column("date_start"))
        parts.append(outer.removeprefix(" AND "))
        params.extend(date_params)
    if spec.person:
        key = name_key(spec.person)
        # One word ("Munir") is a surname or given name: any name form holding it as a word.
        word = key if " " not in key else None
        parts.append(
            f"{alias}.event_id IN (SELECT event_id FROM event_participants WHERE person_id = ?"
            " OR person_id IN (SELECT person_id FROM person_names WHERE name_key = ?"
            " OR instr(' ' || name_key || ' ', ' ' || ? || ' ') > 0)"
            " OR name_key = ?)"
        )
        params.extend([spec.person, key, word, key])
    for wanted in ((spec.place,) if spec.place else (), spec.places):
        if wanted:  # one place, or any one of several: through the place index
            parts.append(_place_condition(alias, len(wanted)))
            params.extend(place_query_key(place) for place in wanted)
            params.extend(place.strip() for place in wanted)
    if spec.located_in:
        parts.append(f"{alias}.location_country = ?")
        params.append(spec.located_in)
    if spec.text:
        # With a state, pair, person or place the events are already read by `event_id IN`:
        # the text is then checked per event. Left as an index term, SQLite looks up every
        # (event_id, rowid) of the two lists (`sqlite_autoindex_events_1` ends in the rowid):
        # 8,515 events of one state × 68,844 matches took 108 s to count at a million.
        by_event_id = bool(spec.countries or spec.person or spec.place or spec.places)
        checked = "+" if probe or (by_event_id and not text_first) else ""
        parts.append(f"{checked}{alias}.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(spec.text)
    return (" AND ".join(parts) or "1 = 1"), params


def date_terms(spec: EventFilter, column: str) -> tuple[str, list[str]]:
    """` AND column >= ? AND column <= ?` for the filter's date bounds (empty without them)."""
    sql, params = "", []
    for bound, operator in ((spec.since, ">="), (spec.until, "<=")):
        if bound:
            sql += f" AND {column} {operator} ?"
            params.append(bound.isoformat())
    return sql, params


def _place_condition(alias: str, count: int) -> str:
    """Events at any of `count` places, by name or GeoNames id, read from `event_places`.

    A place name matches as a whole or by any run of its comma-separated parts:
    "General Headquarters, Rawalpindi" is in Rawalpindi, so a city finds its facilities
    (`keys.place_keys` files each event under every run)."""
    keys = ", ".join("?" * count)
    return (
        f"{alias}.event_id IN (SELECT event_id FROM event_places"
        f" WHERE kind = {PLACE_NAME} AND key IN ({keys})"
        f" UNION ALL SELECT event_id FROM event_places WHERE kind = {PLACE_GEONAMES} AND key IN ({keys}))"
    )
