"""The event filter, already validated, and the SQL WHERE clause it becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from detente.store.keys import name_key


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


def where_clause(spec: EventFilter, alias: str = "e") -> tuple[str, list[Any]]:
    """SQL condition (always valid, "1 = 1" when empty) and its parameters."""
    parts: list[str] = []
    params: list[Any] = []
    countries = sorted(set(spec.countries))
    if len(countries) >= 2:  # the first pair through the pair index: a dyad reads only its events
        parts.append(
            f"{alias}.event_id IN (SELECT event_id FROM event_pairs WHERE country_a = ? AND country_b = ?)"
        )
        params.extend(countries[:2])
        countries = countries[2:]
    for country in countries:
        parts.append(f"{alias}.event_id IN (SELECT event_id FROM event_countries WHERE country = ?)")
        params.append(country)
    if spec.types:
        parts.append(f"{alias}.type IN ({', '.join('?' * len(spec.types))})")
        params.extend(spec.types)
    if spec.statuses:
        parts.append(f"{alias}.status IN ({', '.join('?' * len(spec.statuses))})")
        params.extend(spec.statuses)
    if spec.since:
        parts.append(f"{alias}.date_start >= ?")
        params.append(spec.since.isoformat())
    if spec.until:
        parts.append(f"{alias}.date_start <= ?")
        params.append(spec.until.isoformat())
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
    if spec.place:
        parts.append(_place_condition(alias))
        params.extend(_place_params(spec.place))
    if spec.places:
        parts.append("(" + " OR ".join(_place_condition(alias) for _ in spec.places) + ")")
        params.extend(value for place in spec.places for value in _place_params(place))
    if spec.located_in:
        parts.append(f"{alias}.location_country = ?")
        params.append(spec.located_in)
    if spec.text:
        parts.append(f"{alias}.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(spec.text)
    return (" AND ".join(parts) or "1 = 1"), params


def _place_condition(alias: str) -> str:
    """A place name matches as a whole or by any comma-separated part of it:
    "General Headquarters, Rawalpindi" is in Rawalpindi, so a city finds its facilities."""
    return (
        f"(instr(',' || replace(replace(name_key({alias}.location_place), ', ', ','), ' ,', ',') || ',',"
        " ',' || ? || ',') > 0"
        f" OR CAST({alias}.geonames_id AS TEXT) = ?)"
    )


def _place_params(place: str) -> list[str]:
    return [re.sub(r"\s*,\s*", ",", name_key(place)), place.strip()]
