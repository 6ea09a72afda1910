"""Migrations after m010 (`schema.py` holds the first ten): what lets a new day's changes
be counted from index entries alone, its stored mentions be read without geocoding, and a
state's events be read in date order."""

from __future__ import annotations

import sqlite3

from detente.store.migrations import migration, run_statements


@migration
def m011_counting_indexes(conn: sqlite3.Connection) -> None:
    """A new day re-counts the map's sites, the places and the located-in totals of every place
    and state it touches (`aggregate_tables`, `increment_write._count_places`). Read through
    the narrow place and located-in indexes, each such count fetched every event row of the
    place (a busy one holds thousands); these wider indexes hold every column those counts
    read, so the counts never leave the index. They replace the narrow ones, which are their
    prefixes, for every filter that used them."""
    run_statements(
        conn,
        """
        CREATE INDEX events_site ON events (
            location_place, location_country, latitude, longitude, geo_level, type, date_start,
            event_id, geonames_id
        );
        DROP INDEX events_place;
        CREATE INDEX events_located ON events (
            location_country, location_place, latitude, longitude, geo_level
        );
        DROP INDEX events_located_in;
        """,
    )


@migration
def m012_mention_geocodes(conn: sqlite3.Connection) -> None:
    """Each mention keeps where its place was geocoded (`codec.mention_geocode`: state, GeoNames
    id, coordinates, level), written when a resolution saves it. A later day that loads it to
    compare then needs no city index of its state: building those cost a short ingest into a
    large database more than a second. NULL until a resolution writes it (mentions stored before
    this migration are geocoded, and written, the next time a day loads them)."""
    run_statements(conn, "ALTER TABLE mentions ADD COLUMN geo TEXT;")


@migration
def m013_country_dates(conn: sqlite3.Connection) -> None:
    """Each state's events by date: `event_countries` keeps the event's `date_start`, written with
    it (`resolution.write_event`; a changed event is deleted and written again). A state's
    events since a date are then read from this index alone (it ends in `event_id`), and in
    SQLite a state's newest page reads its first rows in order, where before every event of
    the state was looked up and sorted (8,515 of one state in a million: 37 ms for a page,
    50 ms for a page and its count since a date)."""
    run_statements(
        conn,
        """
        ALTER TABLE event_countries ADD COLUMN date_start TEXT;
        UPDATE event_countries SET date_start =
            (SELECT e.date_start FROM events e WHERE e.event_id = event_countries.event_id);
        CREATE INDEX event_countries_date ON event_countries (country, date_start, event_id);
        """,
    )
