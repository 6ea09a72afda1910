"""Writing a Resolution: merged events, people, places and copies replace the previous ones."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from detente.models import EVENT_TYPES, STATUSES, Event, Person, Resolution, Source
from detente.store.codec import dumps, insert, iso
from detente.store.dialect import dialect_of
from detente.store.event_rows import event_rows
from detente.store.keys import name_key, place_keys, title_key

_MERGED_TABLES = (
    "event_places",
    "event_related",
    "event_sources",
    "event_participants",
    "event_pairs",
    "event_countries",
    "events",
)


def write_resolution(conn: sqlite3.Connection, resolution: Resolution) -> None:
    """Replace every merged table; the caller holds the transaction."""
    for table in (*_MERGED_TABLES, "person_offices", "person_names", "people", "places"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE articles SET copy_of = NULL")
    conn.execute("UPDATE mentions SET event_id = NULL")
    _write_people(conn, resolution.people)
    known_people = {row[0] for row in conn.execute("SELECT person_id FROM people")}
    for event in resolution.events:
        write_event(conn, event, known_people)
    _write_places(conn)
    _link_mentions(conn, resolution.events)
    _write_copies(conn, resolution.copies)
    dialect_of(conn).reindex_all_events(conn)


def _check(event: Event) -> None:
    label = event.event_id or f"event with evidence {event.evidence[:60]!r}"
    if not event.event_id:
        raise ValueError(f"cannot save {label}: merged events need an event_id")
    if event.type not in EVENT_TYPES:
        raise ValueError(f"cannot save {label}: unknown type {event.type!r}")
    if event.status not in STATUSES:
        raise ValueError(f"cannot save {label}: unknown status {event.status!r}")


def write_event(conn: sqlite3.Connection, event: Event, known_people: set[str]) -> None:
    _check(event)
    rows = event_rows(conn, event, known_people)
    insert(conn, "events", rows.event)
    states = sorted(set(event.countries))
    conn.executemany(  # the date as the events row holds it: a state's listing sorts by it
        "INSERT INTO event_countries (event_id, country, date_start) VALUES (?, ?, ?)",
        [(event.event_id, country, rows.event["date_start"]) for country in states],
    )
    pairs = [(a, b) for i, a in enumerate(states) for b in states[i + 1 :]] or [(c, "") for c in states]
    conn.executemany(
        "INSERT INTO event_pairs"
        " (country_a, country_b, event_id, type, status, date_start, date_end, date_precision)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(a, b, event.event_id, event.type, event.status, *_dates(event)) for a, b in pairs],
    )
    place, geonames_id = rows.event["location_place"], rows.event["geonames_id"]
    write_event_places(conn, [(kind, key, event.event_id) for kind, key in place_keys(place, geonames_id)])
    for row in rows.sources:
        insert(conn, "event_sources", row)
    for related in sorted(set(event.related) - {event.event_id}):
        conn.execute(
            "INSERT INTO event_related (event_id, related_id) VALUES (?, ?)", (event.event_id, related)
        )
    for row in rows.participants:
        insert(conn, "event_participants", row)


def write_event_places(conn: sqlite3.Connection, rows: list[tuple[int, str, str]]) -> None:
    """File events under their place keys (`keys.place_keys`): (kind, key, event_id) rows."""
    if rows:
        conn.executemany("INSERT INTO event_places (kind, key, event_id) VALUES (?, ?, ?)", rows)


def _dates(event: Event) -> tuple[str | None, str | None, str]:
    """date_start, date_end and date_precision as the events table stores them."""
    precision = event.date.precision if event.date.start else "unknown"
    return iso(event.date.start), iso(event.date.end or event.date.start), precision


def _write_people(conn: sqlite3.Connection, people: list[Person]) -> None:
    for person in people:
        conn.execute(
            "INSERT INTO people (person_id, name, country) VALUES (?, ?, ?)",
            (person.person_id, person.name, person.country),
        )
        for alias in dict.fromkeys([person.name, *person.aliases]):
            conn.execute(
                "INSERT INTO person_names (person_id, name, name_key) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (person.person_id, alias, name_key(alias)),
            )
        for office in person.offices:
            insert(
                conn,
                "person_offices",
                {
                    "person_id": person.person_id,
                    "title": office.title,
                    "title_key": title_key(office.title),
                    "country": office.country,
                    "first_seen": iso(office.first_seen),
                    "last_seen": iso(office.last_seen),
                },
            )


def _write_places(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO places (name, country, geonames_id, latitude, longitude, geo_level, event_count)"
        " SELECT location_place, location_country, MAX(geonames_id), AVG(latitude), AVG(longitude),"
        " MAX(geo_level), COUNT(*)"
        " FROM events WHERE location_place IS NOT NULL OR location_country IS NOT NULL"
        " GROUP BY location_place, location_country"
    )


def _link_mentions(conn: sqlite3.Connection, events: list[Event]) -> None:
    """Set mentions.event_id from each event's sources, and person ids on their participants.

    A source names its article and evidence; when one sentence states two events
    the mention of the same type wins, so each mention joins the right event.
    """
    participants_by_event = {
        event.event_id: {name_key(p.name): p.person_id for p in event.participants if p.person_id}
        for event in events
    }
    for event in events:
        sources = event.sources or ([Source(event.doc_id, event.evidence)] if event.doc_id else [])
        for source in sources:
            conn.execute(
                "UPDATE mentions SET event_id = ? WHERE id = ("
                " SELECT id FROM mentions WHERE doc_id = ? AND evidence = ? AND event_id IS NULL"
                " ORDER BY type = ? DESC, position LIMIT 1)",
                (event.event_id, source.doc_id, source.evidence, event.type),
            )
    aliases = _unique_aliases(conn)
    rows = conn.execute(
        "SELECT id, event_id, participants FROM mentions WHERE participants != '[]'"
    ).fetchall()
    for row in rows:
        by_name = participants_by_event.get(row["event_id"], {})
        participants = json.loads(row["participants"])
        for participant in participants:
            key = name_key(participant["name"])
            participant["person_id"] = by_name.get(key) or aliases.get((key, participant.get("country")))
        conn.execute("UPDATE mentions SET participants = ? WHERE id = ?", (dumps(participants), row["id"]))


def _unique_aliases(conn: sqlite3.Connection) -> dict[tuple[str, str | None], str]:
    """(name key, country) -> person_id, for the names that belong to exactly one person."""
    owners: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for row in conn.execute(
        "SELECT n.name_key, p.country, p.person_id FROM person_names n JOIN people p USING (person_id)"
    ):
        owners[(row[0], row[1])].add(row[2])
    return {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}


def _write_copies(conn: sqlite3.Connection, copies: dict[str, str]) -> None:
    for copy, original in copies.items():
        conn.execute("UPDATE articles SET copy_of = ? WHERE doc_id = ?", (original, copy))
