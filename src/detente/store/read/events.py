"""Events with their participants, sources and related ids."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from detente.store.codec import parse_date
from detente.store.dialect import dialect_of
from detente.store.read.filters import EventFilter, date_terms, where_clause

_ORDER = "ORDER BY e.date_start DESC NULLS LAST, e.event_id"
# Sort keys the query layer accepts, as SQL; "-key" sorts descending. Blanks always sort last.
SORT_COLUMNS = {
    "date": "e.date_start",
    "type": "e.type",
    "status": "e.status",
    "countries": "e.countries",
    "event": "lower(COALESCE(e.name, e.evidence))",
    "place": "lower(e.location_place)",
    "sources": "e.source_count",
}


def order_by(sort: str | None) -> str:
    """The ORDER BY for a checked sort key (`date`, `-sources`, ...); newest first by default."""
    if not sort:
        return _ORDER
    column = SORT_COLUMNS[sort.lstrip("-")]
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f"ORDER BY {column} {direction} NULLS LAST, e.date_start DESC NULLS LAST, e.event_id"


def count_events(conn: sqlite3.Connection, spec: EventFilter) -> int:
    """How many events match: read from the tables kept with the events for no filter, one
    country or one pair of countries (the dashboard's commonest questions)."""
    if spec == EventFilter():
        row = conn.execute("SELECT value FROM agg_totals WHERE name = 'events'").fetchone()
        return int(row[0]) if row else 0
    if spec == EventFilter(countries=spec.countries) and len(set(spec.countries)) in (1, 2):
        return _kept_count(conn, sorted(set(spec.countries)))
    where, params = where_clause(spec, text_first=text_first(conn, spec))
    return int(conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", params).fetchone()[0])


def _kept_count(conn: sqlite3.Connection, states: list[str]) -> int:
    """The events of one state (`agg_countries`) or of one pair of states (`agg_pairs`, sorted)."""
    if len(states) == 1:
        row = conn.execute("SELECT events FROM agg_countries WHERE country = ?", states).fetchone()
    else:
        row = conn.execute(
            "SELECT SUM(events) FROM agg_pairs WHERE country_a = ? AND country_b = ?", states
        ).fetchone()
    return int(row[0] or 0) if row else 0


def text_first(conn: sqlite3.Connection, spec: EventFilter) -> bool:
    """Whether a text with one state or one pair of states (SQLite) is read from its matches,
    the states checked on each, rather than from the states' events, the text checked on each:
    when the matches are fewer. Counted up to the states' events only (`_kept_count`), so the
    choice costs no more than the cheaper reading."""
    states = sorted(set(spec.countries))
    if not spec.text or spec.person or spec.place or spec.places or dialect_of(conn).name != "sqlite":
        return False
    if len(states) not in (1, 2):
        return False
    size = _kept_count(conn, states)
    matched = conn.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? LIMIT ?)", (spec.text, size)
    ).fetchone()[0]
    return int(matched) < size


#: Rows a newest-first listing may read through the date index, checking each against the
#: text matches, before reading the matches first and sorting them is cheaper.
ORDERED_SCAN_ROWS = 20_000


def find_events(
    conn: sqlite3.Connection, spec: EventFilter, limit: int, offset: int = 0, sort: str | None = None
) -> list[dict]:
    if not sort and len(set(spec.countries)) == 1 and spec == _dated(spec):
        rows = _state_page(conn, spec, limit, offset)
    else:
        probe = _probe_text(conn, spec, limit + offset, sort)
        where, params = where_clause(spec, probe=probe, text_first=not probe and text_first(conn, spec))
        query = f"SELECT e.* FROM events e WHERE {where} {order_by(sort)} LIMIT ? OFFSET ?"
        rows = conn.execute(query, [*params, limit, offset]).fetchall()
    return with_participants(conn, [event_dict(row) for row in rows])


def _dated(spec: EventFilter) -> EventFilter:
    """The filter's states, dates, types and statuses alone: the terms a state's page checks
    on each of its events (never cheaper through their own indexes than the state's rows)."""
    return EventFilter(
        countries=spec.countries, since=spec.since, until=spec.until, types=spec.types, statuses=spec.statuses
    )


def _state_page(conn: sqlite3.Connection, spec: EventFilter, limit: int, offset: int) -> list[sqlite3.Row]:
    """One state's events (since or until a date, of some types or statuses), newest first,
    read from its dated rows in `event_countries`. In SQLite the page stops after its own rows
    instead of looking up and sorting every event of the state (8,515 of one state in a
    million: 37 ms, now 1 ms; PostgreSQL, whose index read backwards puts blanks first, sorts
    the state's rows). Same order as `_ORDER`: the rows hold each event's own `date_start`.
    A type or status is checked per row: a rare one reads the state's rows to the end."""
    dates, params = date_terms(spec, "c.date_start")
    kinds, kind_params = where_clause(EventFilter(types=spec.types, statuses=spec.statuses), probe=True)
    query = (
        "SELECT e.* FROM event_countries c JOIN events e ON e.event_id = c.event_id"
        f" WHERE c.country = ?{dates} AND {kinds}"
        " ORDER BY c.date_start DESC NULLS LAST, c.event_id LIMIT ? OFFSET ?"
    )
    return conn.execute(query, [spec.countries[0], *params, *kind_params, limit, offset]).fetchall()


def _probe_text(conn: sqlite3.Connection, spec: EventFilter, wanted: int, sort: str | None) -> bool:
    """Whether a newest-first page of a common text is read in date order (SQLite).

    SQLite would look every match up and sort them all (tens of thousands of events for
    "joint exercise" in a million); when matches are dense, reading the date index and
    checking each event stops after about `wanted / density` rows. Same rows either way."""
    if sort or not spec.text or spec != EventFilter(text=spec.text) or dialect_of(conn).name != "sqlite":
        return False
    matches = conn.execute("SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?", (spec.text,))
    matched = int(matches.fetchone()[0])
    total = conn.execute("SELECT value FROM agg_totals WHERE name = 'events'").fetchone()
    events = int(total[0]) if total else 0
    return matched > 0 and wanted * events <= ORDERED_SCAN_ROWS * matched


def find_event_ids(conn: sqlite3.Connection, spec: EventFilter, sort: str | None = None) -> list[str]:
    where, params = where_clause(spec)
    rows = conn.execute(f"SELECT e.event_id FROM events e WHERE {where} {order_by(sort)}", params).fetchall()
    return [row[0] for row in rows]


def events_by_ids(conn: sqlite3.Connection, event_ids: list[str]) -> list[dict]:
    if not event_ids:
        return []
    marks = ", ".join("?" * len(event_ids))
    rows = conn.execute(
        f"SELECT e.* FROM events e WHERE e.event_id IN ({marks}) {_ORDER}", event_ids
    ).fetchall()
    return with_participants(conn, [event_dict(row) for row in rows])


def event_dict(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "event_id": row["event_id"],
        "type": row["type"],
        "status": row["status"],
        "date_start": parse_date(row["date_start"]),
        "date_end": parse_date(row["date_end"]),
        "date_precision": row["date_precision"],
        "countries": json.loads(row["countries"]),
        "name": row["name"],
        "location_place": row["location_place"],
        "location_country": row["location_country"],
        "geonames_id": row["geonames_id"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "geo_level": row["geo_level"],
        "topics": json.loads(row["topics"]),
        "participants": [],
        "evidence": row["evidence"],
        "cameo": row["cameo"],
        "plover_type": row["plover_type"],
        "plover_context": row["plover_context"],
        "plover_mode": row["plover_mode"],
        "source_count": row["source_count"],
        "first_reported": parse_date(row["first_reported"]),
    }


def with_participants(conn: sqlite3.Connection, events: list[dict]) -> list[dict]:
    """Fill each event's participants (dicts) in one query."""
    by_event: dict[str, list[dict]] = defaultdict(list)
    for row in _rows_for(conn, "event_participants", [e["event_id"] for e in events], "event_id, position"):
        by_event[row["event_id"]].append(
            {
                "name": row["name"],
                "title": row["title"],
                "country": row["country"],
                "person_id": row["person_id"],
            }
        )
    for event in events:
        event["participants"] = by_event.get(event["event_id"], [])
    return events


def sources_of(conn: sqlite3.Connection, event_ids: list[str], with_text: bool) -> dict[str, list[dict]]:
    """event_id -> its sources, oldest report first, each with the article's title (and text)."""
    result: dict[str, list[dict]] = defaultdict(list)
    if not event_ids:
        return result
    marks = ", ".join("?" * len(event_ids))
    text = "a.text" if with_text else "NULL"
    rows = conn.execute(
        f"SELECT s.*, a.title, a.published_source, {text} AS text"
        " FROM event_sources s LEFT JOIN articles a USING (doc_id)"
        f" WHERE s.event_id IN ({marks}) ORDER BY s.event_id, s.published NULLS LAST, s.position",
        event_ids,
    ).fetchall()
    for row in rows:
        start = row["evidence_start"]
        result[row["event_id"]].append(
            {
                "doc_id": row["doc_id"],
                "title": row["title"],
                "outlet": row["outlet"],
                "url": row["url"],
                "published": parse_date(row["published"]),
                "evidence": row["evidence"],
                "evidence_start": start,
                "evidence_end": start + len(row["evidence"]) if start is not None else None,
                "text": row["text"],
                "published_source": row["published_source"] or "unknown",
            }
        )
    return result


def related_of(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[str]]:
    """Links are symmetric: a plan lists its execution and the execution lists the plan."""
    result: dict[str, set[str]] = defaultdict(set)
    if not event_ids:
        return {}
    marks = ", ".join("?" * len(event_ids))
    query = (
        f"SELECT event_id, related_id FROM event_related WHERE event_id IN ({marks})"
        f" UNION SELECT related_id, event_id FROM event_related WHERE related_id IN ({marks})"
    )
    for row in conn.execute(query, [*event_ids, *event_ids]):
        result[row[0]].add(row[1])
    return {key: sorted(ids) for key, ids in result.items()}


def _rows_for(conn: sqlite3.Connection, table: str, event_ids: list[str], order: str) -> list[sqlite3.Row]:
    if not event_ids:
        return []
    marks = ", ".join("?" * len(event_ids))
    return conn.execute(
        f"SELECT * FROM {table} WHERE event_id IN ({marks}) ORDER BY {order}", event_ids
    ).fetchall()
