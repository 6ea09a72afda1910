"""The schema, as registered migrations. Never edit an applied one: add a new one."""

from __future__ import annotations

import sqlite3

from detente.store.dialect import dialect_of
from detente.store.keys import place_keys
from detente.store.migrations import migration, run_statements
from detente.store.resolution import write_event_places


@migration
def m001_articles_and_mentions(conn: sqlite3.Connection) -> None:
    """What ingest and extract produce: articles and the events each one states."""
    run_statements(
        conn,
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE,
            title TEXT,
            text TEXT NOT NULL,
            url TEXT,
            published TEXT,
            published_source TEXT NOT NULL DEFAULT 'unknown',
            source_name TEXT,
            language TEXT NOT NULL DEFAULT 'en',
            found_via TEXT NOT NULL DEFAULT 'text',
            ingested_at TEXT NOT NULL,
            copy_of TEXT
        );
        CREATE INDEX articles_published ON articles (published);

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            date_precision TEXT NOT NULL DEFAULT 'unknown',
            countries TEXT NOT NULL,
            participants TEXT NOT NULL,
            location_place TEXT,
            location_country TEXT,
            name TEXT,
            topics TEXT NOT NULL,
            evidence TEXT NOT NULL,
            evidence_start INTEGER,
            cameo TEXT,
            plover_type TEXT,
            plover_context TEXT,
            plover_mode TEXT,
            event_id TEXT,
            UNIQUE (doc_id, position)
        );
        CREATE INDEX mentions_event ON mentions (event_id);
        """,
    )


@migration
def m002_resolved_events(conn: sqlite3.Connection) -> None:
    """What resolve produces; save_resolution replaces all of it at once."""
    run_statements(
        conn,
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            date_precision TEXT NOT NULL DEFAULT 'unknown',
            countries TEXT NOT NULL,
            name TEXT,
            location_place TEXT,
            location_country TEXT,
            geonames_id INTEGER,
            latitude REAL,
            longitude REAL,
            topics TEXT NOT NULL,
            evidence TEXT NOT NULL,
            all_evidence TEXT NOT NULL,
            cameo TEXT,
            plover_type TEXT,
            plover_context TEXT,
            plover_mode TEXT,
            source_count INTEGER NOT NULL DEFAULT 0,
            first_reported TEXT
        );
        CREATE INDEX events_date ON events (date_start);
        CREATE INDEX events_type ON events (type, status);

        CREATE TABLE event_countries (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            PRIMARY KEY (event_id, country)
        );
        CREATE INDEX event_countries_country ON event_countries (country, event_id);

        CREATE TABLE event_sources (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            doc_id TEXT NOT NULL,
            evidence TEXT NOT NULL,
            evidence_start INTEGER,
            outlet TEXT,
            published TEXT,
            url TEXT,
            PRIMARY KEY (event_id, position)
        );
        CREATE INDEX event_sources_doc ON event_sources (doc_id);

        CREATE TABLE event_related (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            related_id TEXT NOT NULL,
            PRIMARY KEY (event_id, related_id)
        );

        CREATE TABLE people (
            person_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            country TEXT
        );

        CREATE TABLE person_names (
            person_id TEXT NOT NULL REFERENCES people (person_id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            PRIMARY KEY (person_id, name_key)
        );
        CREATE INDEX person_names_key ON person_names (name_key);

        CREATE TABLE person_offices (
            person_id TEXT NOT NULL REFERENCES people (person_id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            title_key TEXT NOT NULL,
            country TEXT,
            first_seen TEXT,
            last_seen TEXT
        );
        CREATE INDEX person_offices_title ON person_offices (title_key, country);

        CREATE TABLE event_participants (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            person_id TEXT REFERENCES people (person_id) ON DELETE SET NULL,
            name TEXT NOT NULL,
            title TEXT,
            country TEXT,
            PRIMARY KEY (event_id, position)
        );
        CREATE INDEX event_participants_person ON event_participants (person_id);

        CREATE TABLE places (
            id INTEGER PRIMARY KEY,
            name TEXT,
            country TEXT,
            geonames_id INTEGER,
            latitude REAL,
            longitude REAL,
            event_count INTEGER NOT NULL DEFAULT 0,
            UNIQUE (name, country)
        );
        """,
    )


@migration
def m003_full_text_search(conn: sqlite3.Connection) -> None:
    """Full-text search over article title and text and event names and evidence: FTS5
    in SQLite, GIN indexes over tsvectors in PostgreSQL (`Dialect.full_text_schema`)."""
    run_statements(conn, dialect_of(conn).full_text_schema())


@migration
def m004_participant_name_keys(conn: sqlite3.Connection) -> None:
    """Index participants by normalised name so the person filter needs no table scan."""
    run_statements(
        conn,
        """
        ALTER TABLE event_participants ADD COLUMN name_key TEXT;
        UPDATE event_participants SET name_key = name_key(name);
        CREATE INDEX event_participants_name ON event_participants (name_key);
        """,
    )


@migration
def m005_geo_level(conn: sqlite3.Connection) -> None:
    """What an event's coordinates stand for (city, facility or only the country)."""
    run_statements(
        conn,
        """
        ALTER TABLE events ADD COLUMN geo_level TEXT;
        ALTER TABLE places ADD COLUMN geo_level TEXT;
        """,
    )


@migration
def m006_resolution_marks(conn: sqlite3.Connection) -> None:
    """Whether the resolution is current, written in the same transactions as the data.

    `articles.unresolved` is set in the transaction that stores an article and cleared in
    the one that saves a resolution including it, so a run killed between the two leaves
    a mark the next command finds. `resolution_state.generation` counts saved resolutions,
    so a resolution computed from an older snapshot never overwrites a newer one. A
    database from before this migration is marked where an interrupted run shows: a
    mention that no saved resolution linked to an event.
    """
    run_statements(
        conn,
        """
        ALTER TABLE articles ADD COLUMN unresolved INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX articles_unresolved ON articles (id) WHERE unresolved = 1;
        UPDATE articles SET unresolved = 1
            WHERE doc_id IN (SELECT doc_id FROM mentions WHERE event_id IS NULL);
        CREATE TABLE resolution_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL,
            saved_at TEXT
        );
        INSERT INTO resolution_state (id, generation, saved_at) VALUES (1, 0, NULL);
        """,
    )


@migration
def m007_incremental_resolution(conn: sqlite3.Connection) -> None:
    """What incremental resolution reads instead of every mention (see `store.incremental`).

    `event_pairs` files each event under each pair of its states (a lone state under
    itself and ''), for the plan links and the dyad listings; `mention_filings` indexes
    each mention by the hashed blocking buckets it is filed in;
    `mentions.component` names its set of strongly paired mentions; `person_variants`
    keeps the summed sightings of each name variant and the person it belongs to;
    `mention_variants` says which mentions name a variant; `article_sketches` and
    `article_bands` are the MinHash signatures and LSH bands copies are found by.
    `resolution_state.incremental` is 1 while these tables describe the saved resolution:
    a resolution saved whole (`Store.save_resolution`) sets it to 0, and the next
    resolution rebuilds them. A database from before this migration starts at 0.
    """
    run_statements(
        conn,
        """
        ALTER TABLE events ADD COLUMN doc_id TEXT;
        ALTER TABLE events ADD COLUMN evidence_start INTEGER;
        ALTER TABLE mentions ADD COLUMN component INTEGER;
        CREATE INDEX mentions_component ON mentions (component);
        ALTER TABLE people ADD COLUMN fingerprint TEXT;
        ALTER TABLE resolution_state ADD COLUMN incremental INTEGER NOT NULL DEFAULT 0;
        UPDATE resolution_state SET incremental = CASE WHEN EXISTS (SELECT 1 FROM mentions) THEN 0 ELSE 1 END;
        CREATE INDEX articles_copy_of ON articles (copy_of) WHERE copy_of IS NOT NULL;
        CREATE INDEX event_related_related ON event_related (related_id);
        CREATE INDEX events_place ON events (location_place, location_country);
        CREATE TABLE event_pairs (
            country_a TEXT NOT NULL,
            country_b TEXT NOT NULL,
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            date_precision TEXT NOT NULL,
            PRIMARY KEY (country_a, country_b, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_pairs_event ON event_pairs (event_id);
        INSERT INTO event_pairs
            SELECT a.country, b.country, e.event_id, e.type, e.status,
                e.date_start, e.date_end, e.date_precision
            FROM event_countries a JOIN event_countries b ON a.event_id = b.event_id AND a.country < b.country
            JOIN events e ON e.event_id = a.event_id;
        INSERT INTO event_pairs
            SELECT c.country, '', e.event_id, e.type, e.status,
                e.date_start, e.date_end, e.date_precision
            FROM event_countries c JOIN events e ON e.event_id = c.event_id
            WHERE (SELECT COUNT(*) FROM event_countries o WHERE o.event_id = e.event_id) = 1;
        CREATE TABLE mention_filings (
            key INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            mention_id INTEGER NOT NULL,
            PRIMARY KEY (key, kind, mention_id)
        ) WITHOUT ROWID;
        CREATE INDEX mention_filings_mention ON mention_filings (mention_id);
        CREATE TABLE mention_variants (
            variant INTEGER NOT NULL,
            mention_id INTEGER NOT NULL,
            PRIMARY KEY (variant, mention_id)
        ) WITHOUT ROWID;
        CREATE TABLE person_variants (
            country TEXT NOT NULL,
            name_key TEXT NOT NULL,
            office TEXT NOT NULL,
            person_id TEXT NOT NULL,
            summary TEXT NOT NULL,
            PRIMARY KEY (country, name_key, office)
        );
        CREATE TABLE article_sketches (
            doc_id TEXT PRIMARY KEY,
            signature BLOB NOT NULL
        );
        CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            doc_id TEXT NOT NULL,
            PRIMARY KEY (band, doc_id)
        ) WITHOUT ROWID;
        """,
    )


@migration
def m008_aggregate_tables(conn: sqlite3.Connection) -> None:
    """Counts behind the overview, timeline, dyads, partners, map and network, kept with the events.

    Every resolution updates the rows its events touch in its own transaction
    (`store.aggregate_tables`), so a page reads a few rows instead of counting a million
    events. `agg_totals` also counts articles and mentions, as each article is stored.
    A database that already holds events has them counted when it is opened
    (`resolution_state.aggregates`, see m009).
    """
    run_statements(
        conn,
        """
        CREATE TABLE agg_pairs (
            country_a TEXT NOT NULL, country_b TEXT NOT NULL, type TEXT NOT NULL,
            events INTEGER NOT NULL, first TEXT, last TEXT,
            PRIMARY KEY (country_a, country_b, type)
        ) WITHOUT ROWID;
        CREATE INDEX agg_pairs_b ON agg_pairs (country_b);
        CREATE TABLE agg_pair_years (
            country_a TEXT NOT NULL, country_b TEXT NOT NULL, year INTEGER NOT NULL, type TEXT NOT NULL,
            events INTEGER NOT NULL, first TEXT, last TEXT,
            PRIMARY KEY (country_a, country_b, year, type)
        ) WITHOUT ROWID;
        CREATE TABLE agg_timeline (
            granularity TEXT NOT NULL, period TEXT NOT NULL, type TEXT NOT NULL, events INTEGER NOT NULL,
            PRIMARY KEY (granularity, period, type)
        ) WITHOUT ROWID;
        CREATE TABLE agg_countries (country TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE agg_locations (
            country TEXT PRIMARY KEY, events INTEGER NOT NULL, only_country INTEGER NOT NULL,
            latitude REAL, longitude REAL
        ) WITHOUT ROWID;
        CREATE TABLE agg_sites (
            place TEXT, country TEXT, latitude REAL, longitude REAL, geo_level TEXT, type TEXT NOT NULL,
            events INTEGER NOT NULL, first_id TEXT, last_date TEXT
        );
        CREATE INDEX agg_sites_place ON agg_sites (place, country);
        CREATE TABLE agg_totals (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX events_located_in ON events (location_country);
        CREATE INDEX events_date_kind ON events (date_start, date_precision, type);
        CREATE INDEX articles_ingested ON articles (ingested_at);
        """,
    )


@migration
def m009_listing_indexes(conn: sqlite3.Connection) -> None:
    """Newest-first listings (events, map markers) read an index instead of sorting every event;
    each person's events are counted with the events (`people.event_count`), so the most
    active people are listed without counting a million participants.
    `resolution_state.aggregates` is 0 until the aggregate tables have been counted from the
    events once (`open_store` does it after the migrations), then they are kept up to date."""
    run_statements(
        conn,
        """
        CREATE INDEX events_newest ON events (date_start DESC, event_id);
        ALTER TABLE people ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
        UPDATE people SET event_count = (
            SELECT COUNT(DISTINCT event_id) FROM event_participants ep
            WHERE ep.person_id = people.person_id
        );
        CREATE INDEX people_active ON people (event_count DESC, name);
        CREATE INDEX people_country_active ON people (country, event_count DESC, name);
        ALTER TABLE resolution_state ADD COLUMN aggregates INTEGER NOT NULL DEFAULT 0;
        """,
    )


@migration
def m010_event_places(conn: sqlite3.Connection) -> None:
    """The place filter through an index: each event filed under every run of its place
    name's comma-separated parts and its GeoNames id (`keys.place_keys`), written with the
    event in the resolution's transaction, instead of every event's name read and split
    per request. Filled here from the events already stored."""
    run_statements(
        conn,
        """
        CREATE TABLE event_places (
            kind INTEGER NOT NULL,
            key TEXT NOT NULL,
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            PRIMARY KEY (kind, key, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_places_event ON event_places (event_id);
        """,
    )
    rows = conn.execute(
        "SELECT event_id, location_place, geonames_id FROM events"
        " WHERE location_place IS NOT NULL OR geonames_id IS NOT NULL"
    )
    batch: list[tuple[int, str, str]] = []
    for event_id, place, geonames_id in rows:
        batch.extend((kind, key, event_id) for kind, key in place_keys(place, geonames_id))
        if len(batch) >= 10_000:
            write_event_places(conn, batch)
            batch = []
    write_event_places(conn, batch)
