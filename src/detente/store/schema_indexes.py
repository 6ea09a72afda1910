"""Migrations after m010 (`schema.py` holds the first ten): indexes that let a new day's
changes be counted from index entries alone."""

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
