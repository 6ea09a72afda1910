"""Writing what one batch of incremental resolution changes (the caller holds the transaction).

People are updated in place (an event outside the batch keeps its link to a person
whose aliases grew), replaced events are deleted with their rows and search entries,
the new ones written as a whole resolution writes them (`resolution.write_event`), and
plan links are rewritten for every plan the batch could move.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from detente.models import Person
from detente.store.aggregate_tables import refresh_aggregates, touched_by
from detente.store.codec import dumps, insert, iso, mention_geocode, participants_json
from detente.store.dialect import dialect_of
from detente.store.incremental import chunks, marks
from detente.store.keys import name_key, title_key
from detente.store.resolution import write_event


def apply_increment(conn: sqlite3.Connection, increment: Any) -> set[str]:
    """Write a `detente.resolve.incremental.Increment`; returns the ids of events written or removed.

    Events the batch rebuilt exactly as stored are not in it (`ResolvedState.unchanged_events`):
    they stay as they are, with their rows, search entries, counts and links."""
    _write_variants(conn, increment)
    _write_people(conn, increment.people, increment.gone_people)
    known = {row[0] for row in conn.execute("SELECT person_id FROM people")}
    removed, events = increment.removed_events, increment.events
    places = _places_of(conn, removed)
    counted_before = touched_by(conn, removed)
    _remove_events(conn, removed)
    for event in events:
        write_event(conn, event, known)
    _index_new_events(conn, [e.event_id for e in events])
    written = {e.event_id or "" for e in events}
    _count_places(conn, places | _places_of(conn, written))
    refresh_aggregates(conn, counted_before, touched_by(conn, written))
    _write_mentions(conn, increment)
    _write_copies(conn, increment)
    _write_links(conn, increment.relinked, increment.links)
    return removed | written


def _write_variants(conn: sqlite3.Connection, increment: Any) -> None:
    for (country, key, office), summary in increment.summaries.items():
        conn.execute(
            "INSERT INTO person_variants (country, name_key, office, person_id, summary)"
            " VALUES (?, ?, ?, '', ?)"
            " ON CONFLICT (country, name_key, office) DO UPDATE SET summary = excluded.summary",
            (country, " ".join(key), office, dumps(summary)),
        )
    conn.executemany(
        "UPDATE person_variants SET person_id = ? WHERE country = ? AND name_key = ? AND office = ?",
        (
            (pid, country, " ".join(key), office)
            for (country, key, office), pid in increment.variant_people.items()
        ),
    )
    conn.executemany(
        "INSERT INTO mention_variants (variant, mention_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        ((variant, row) for row, variant in increment.mention_variants),
    )


def _write_people(conn: sqlite3.Connection, people: dict[str, tuple[Person, str]], gone: set[str]) -> None:
    for batch in chunks(gone):
        conn.execute(f"DELETE FROM people WHERE person_id IN ({marks(batch)})", batch)
    for person_id, (person, mark) in people.items():
        updated = conn.execute(
            "UPDATE people SET name = ?, country = ?, fingerprint = ? WHERE person_id = ?",
            (person.name, person.country, mark, person_id),
        ).rowcount
        if not updated:
            conn.execute(
                "INSERT INTO people (person_id, name, country, fingerprint) VALUES (?, ?, ?, ?)",
                (person_id, person.name, person.country, mark),
            )
        conn.execute("DELETE FROM person_names WHERE person_id = ?", (person_id,))
        conn.execute("DELETE FROM person_offices WHERE person_id = ?", (person_id,))
        for alias in dict.fromkeys([person.name, *person.aliases]):
            conn.execute(
                "INSERT INTO person_names (person_id, name, name_key) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (person_id, alias, name_key(alias)),
            )
        for office in person.offices:
            insert(
                conn,
                "person_offices",
                {
                    "person_id": person_id,
                    "title": office.title,
                    "title_key": title_key(office.title),
                    "country": office.country,
                    "first_seen": iso(office.first_seen),
                    "last_seen": iso(office.last_seen),
                },
            )


def _places_of(conn: sqlite3.Connection, event_ids: set[str]) -> set[tuple[str | None, str | None]]:
    found: set[tuple[str | None, str | None]] = set()
    for batch in chunks(event_ids):
        rows = conn.execute(
            "SELECT DISTINCT location_place, location_country FROM events"
            f" WHERE event_id IN ({marks(batch)})"
            " AND (location_place IS NOT NULL OR location_country IS NOT NULL)",
            batch,
        )
        found.update((row[0], row[1]) for row in rows)
    return found


def _count_places(conn: sqlite3.Connection, places: set[tuple[str | None, str | None]]) -> None:
    """The `places` rows of these (place, country) keys, counted again from their events."""
    for place, country in places:
        conn.execute("DELETE FROM places WHERE name IS ? AND country IS ?", (place, country))
        conn.execute(
            "INSERT INTO places (name, country, geonames_id, latitude, longitude, geo_level, event_count)"
            " SELECT location_place, location_country, MAX(geonames_id), AVG(latitude), AVG(longitude),"
            " MAX(geo_level), COUNT(*) FROM events WHERE location_place IS ? AND location_country IS ?"
            " GROUP BY location_place, location_country",
            (place, country),
        )


def _remove_events(conn: sqlite3.Connection, event_ids: set[str]) -> None:
    for batch in chunks(event_ids):
        dialect_of(conn).unindex_events(conn, f"event_id IN ({marks(batch)})", batch)
        conn.execute(f"DELETE FROM events WHERE event_id IN ({marks(batch)})", batch)


def _index_new_events(conn: sqlite3.Connection, event_ids: list[str | None]) -> None:
    for batch in chunks(event_ids):
        dialect_of(conn).index_events(conn, f"event_id IN ({marks(batch)})", batch)


def _write_mentions(conn: sqlite3.Connection, increment: Any) -> None:
    """Each redone mention's event, component, participants and geocode, where they moved."""
    rows = []
    for row, (event_id, component, mention) in increment.mentions.items():
        values = (event_id, component, participants_json(mention.participants), mention_geocode(mention))
        if values != increment.saved.get(row):
            rows.append((*values, row))
    conn.executemany(
        "UPDATE mentions SET event_id = ?, component = ?, participants = ?, geo = ? WHERE id = ?", rows
    )
    conn.executemany(  # mentions loaded only to compare keep their geocode too
        "UPDATE mentions SET geo = ? WHERE id = ?",
        ((mention_geocode(m), row) for row, m in increment.geocoded.items() if row not in increment.mentions),
    )
    for row, filings in increment.filings.items():
        conn.execute("DELETE FROM mention_filings WHERE mention_id = ?", (row,))
        conn.executemany(
            "INSERT INTO mention_filings (key, kind, mention_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            ((key, kind, row) for kind, key in filings),
        )


def _write_copies(conn: sqlite3.Connection, increment: Any) -> None:
    for doc_id, (signature, bands) in increment.sketches.items():
        conn.execute(
            "INSERT INTO article_sketches (doc_id, signature) VALUES (?, ?)"
            " ON CONFLICT (doc_id) DO UPDATE SET signature = excluded.signature",
            (doc_id, signature.tobytes()),
        )
        conn.executemany(
            "INSERT INTO article_bands (band, doc_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            ((b, doc_id) for b in bands),
        )
    conn.executemany(
        "UPDATE articles SET copy_of = ? WHERE doc_id = ?",
        ((original, doc_id) for doc_id, original in increment.copy_of.items()),
    )


def _write_links(conn: sqlite3.Connection, relinked: set[str], links: dict[str, str | None]) -> None:
    for batch in chunks(relinked):
        sql = marks(batch)
        conn.execute(
            f"DELETE FROM event_related WHERE event_id IN ({sql}) OR related_id IN ({sql})", [*batch, *batch]
        )
    pairs = [(plan, done) for plan, done in links.items() if done]
    conn.executemany(
        "INSERT INTO event_related (event_id, related_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [pair for plan, done in pairs for pair in ((plan, done), (done, plan))],
    )


INCREMENTAL_TABLES = (
    "mention_filings",
    "mention_variants",
    "person_variants",
    "article_sketches",
    "article_bands",
)


def clear_incremental_state(conn: sqlite3.Connection) -> None:
    """Forget the tables incremental resolution reads (a whole resolution replaced them)."""
    for table in (
        "mention_filings",
        "mention_variants",
        "person_variants",
        "article_sketches",
        "article_bands",
    ):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE mentions SET component = NULL, geo = NULL")  # the gazetteer may have changed too
