"""Counts over the merged events: dyads, partners, timelines, dyad-years, places, network, stats."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from detente.models import EVENT_TYPES
from detente.store.codec import parse_date
from detente.store.read.filters import EventFilter, where_clause

# The first and last start dates, each with its precision ("2025-11-01|month"), so a page can
# say "Nov 2025" instead of a made-up day. ISO dates sort as text, so MIN/MAX still work.
_FIRST_LAST = (
    "MIN(e.date_start || '|' || e.date_precision) AS first,"
    " MAX(e.date_start || '|' || e.date_precision) AS last"
)
_PAIRS = (
    "FROM event_countries a JOIN event_countries b ON a.event_id = b.event_id AND a.country < b.country"
    " JOIN events e ON e.event_id = a.event_id"
)


def _pair_counts(conn: sqlite3.Connection, where: str, params: list[Any]) -> list[dict]:
    """One dict per unordered pair: total, by_type, first/last date (pairs ordered a < b)."""
    rows = conn.execute(
        f"SELECT a.country AS country_a, b.country AS country_b, e.type, COUNT(*) AS n, {_FIRST_LAST}"
        f" {_PAIRS} WHERE {where} GROUP BY a.country, b.country, e.type",
        params,
    ).fetchall()
    return _pairs_of(rows)


def _pairs_of(rows: list[sqlite3.Row]) -> list[dict]:
    pairs: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["country_a"], row["country_b"])
        pair = pairs.setdefault(
            key,
            {
                "country_a": key[0],
                "country_b": key[1],
                "events": 0,
                "by_type": {},
                "first": None,
                "last": None,
            },
        )
        _add(pair, row["type"], row["n"], row["first"], row["last"])
    return [_finish(pair) for pair in pairs.values()]


def _add(bucket: dict, event_type: str, count: int, first: str | None, last: str | None) -> None:
    bucket["events"] += count
    bucket["by_type"][event_type] = bucket["by_type"].get(event_type, 0) + count
    if first and (bucket["first"] is None or first < bucket["first"]):
        bucket["first"] = first
    if last and (bucket["last"] is None or last > bucket["last"]):
        bucket["last"] = last


def _finish(bucket: dict, with_precision: bool = True) -> dict:
    """Split the "date|precision" bounds into dates (and their precisions, when asked for)."""
    for bound in ("first", "last"):
        day, _, precision = (bucket.pop(bound) or "").partition("|")
        bucket[f"{bound}_date"] = parse_date(day or None)
        if with_precision:
            bucket[f"{bound}_precision"] = (precision or "unknown") if day else None
    return bucket


def _stored_pairs(conn: sqlite3.Connection, where: str, params: list[Any]) -> list[dict]:
    """`_pair_counts` over every event, read from the pair table kept with the events."""
    rows = conn.execute(
        "SELECT country_a, country_b, type, events AS n, first, last FROM agg_pairs"
        f" WHERE {where} ORDER BY country_a, country_b, type",
        params,
    ).fetchall()
    return _pairs_of(rows)


def dyads(conn: sqlite3.Connection, country: str | None, limit: int) -> list[dict]:
    """The `limit` busiest pairs, from the pair table."""
    where, params = ("(country_a = ? OR country_b = ?)", [country, country]) if country else ("1 = 1", [])
    top = conn.execute(
        f"SELECT country_a, country_b, SUM(events) AS n FROM agg_pairs WHERE {where}"
        " GROUP BY country_a, country_b ORDER BY n DESC, country_a, country_b LIMIT ?",
        [*params, limit],
    ).fetchall()
    if not top:
        return []
    pairs = ", ".join("(?, ?)" for _ in top)
    chosen = [code for row in top for code in (row[0], row[1])]
    rows = _stored_pairs(conn, f"(country_a, country_b) IN (VALUES {pairs})", chosen)
    rows.sort(key=lambda r: (-r["events"], r["country_a"], r["country_b"]))
    return rows


def partners(conn: sqlite3.Connection, country: str) -> list[dict]:
    rows = conn.execute(
        "SELECT CASE WHEN country_a = ? THEN country_b ELSE country_a END AS country, type, events AS n,"
        " first, last FROM agg_pairs WHERE country_a = ? OR country_b = ? ORDER BY country, type",
        (country, country, country),
    ).fetchall()
    found: dict[str, dict] = {}
    for row in rows:
        bucket = found.setdefault(
            row["country"],
            {"country": row["country"], "events": 0, "by_type": {}, "first": None, "last": None},
        )
        _add(bucket, row["type"], row["n"], row["first"], row["last"])
    result = [_finish(bucket) for bucket in found.values()]
    result.sort(key=lambda r: (-r["events"], r["country"]))
    return result


def timeline(conn: sqlite3.Connection, spec: EventFilter, granularity: str) -> list[dict]:
    """Events per period and type; an event dated only to a year is left out of a monthly timeline."""
    if spec == EventFilter():
        rows = conn.execute(
            "SELECT period, type, events FROM agg_timeline WHERE granularity = ? ORDER BY period, type",
            (granularity,),
        ).fetchall()
        return [dict(row) for row in rows]
    width, precisions = (7, ("day", "month")) if granularity == "month" else (4, ("day", "month", "year"))
    where, params = where_clause(spec)
    marks = ", ".join("?" * len(precisions))
    rows = conn.execute(
        f"SELECT substr(e.date_start, 1, {width}) AS period, e.type, COUNT(*) AS events FROM events e"
        f" WHERE {where} AND e.date_start IS NOT NULL AND e.date_precision IN ({marks})"
        " GROUP BY period, e.type ORDER BY period, e.type",
        [*params, *precisions],
    ).fetchall()
    return [dict(row) for row in rows]


def dyad_years(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Pair-years in order of pair and year (a page of them when `limit` is given)."""
    rows = conn.execute(
        "WITH cells AS (SELECT DISTINCT country_a, country_b, year FROM agg_pair_years"
        " ORDER BY country_a, country_b, year LIMIT ? OFFSET ?)"
        " SELECT y.country_a, y.country_b, y.year, y.type, y.events AS n, y.first, y.last"
        " FROM agg_pair_years y JOIN cells USING (country_a, country_b, year)",
        (-1 if limit is None else limit, offset),
    ).fetchall()
    cells: dict[tuple[str, str, int], dict] = {}
    for row in rows:
        key = (row["country_a"], row["country_b"], row["year"])
        cell = cells.setdefault(
            key,
            {
                "country_a": key[0],
                "country_b": key[1],
                "year": key[2],
                "events": 0,
                "by_type": {},
                "first": None,
                "last": None,
            },
        )
        _add(cell, row["type"], row["n"], row["first"], row["last"])
    result = []
    for key in sorted(cells):
        cell = _finish(cells[key], with_precision=False)
        by_type = cell.pop("by_type")
        cell.update({event_type: by_type.get(event_type, 0) for event_type in EVENT_TYPES})
        result.append(cell)
    return result


def places(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Located events, newest first (a page of them when `limit` is given)."""
    rows = conn.execute(
        "SELECT event_id, type, status, date_start, name, countries, location_place, location_country,"
        " geonames_id, latitude, longitude, geo_level FROM events"
        " WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
        " ORDER BY date_start DESC NULLS LAST, event_id LIMIT ? OFFSET ?",
        (-1 if limit is None else limit, offset),
    ).fetchall()
    return [
        {
            "event_id": row["event_id"],
            "type": row["type"],
            "status": row["status"],
            "date_start": parse_date(row["date_start"]),
            "name": row["name"],
            "countries": json.loads(row["countries"]),
            "place": row["location_place"],
            "country": row["location_country"],
            "geonames_id": row["geonames_id"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
            "geo_level": row["geo_level"],
        }
        for row in rows
    ]


def country_counts(conn: sqlite3.Connection, spec: EventFilter | None = None) -> list[dict]:
    """Events per taking-part country, among the events the filter keeps."""
    if spec is None or spec == EventFilter():
        rows = conn.execute("SELECT country, events FROM agg_countries ORDER BY events DESC, country")
        return [dict(row) for row in rows]
    where, params = where_clause(spec)
    rows = conn.execute(
        "SELECT c.country, COUNT(*) AS events FROM event_countries c JOIN events e ON e.event_id = c.event_id"
        f" WHERE {where} GROUP BY c.country ORDER BY events DESC, c.country",
        params,
    ).fetchall()
    return [dict(row) for row in rows]


def network_edges(conn: sqlite3.Connection, spec: EventFilter | None = None) -> list[dict]:
    """Country pairs with their events by type, among the events the filter keeps."""
    if spec is None or spec == EventFilter():
        rows = _stored_pairs(conn, "1 = 1", [])
    else:
        rows = _pair_counts(conn, *where_clause(spec))
    for row in rows:
        for key in ("first_date", "last_date", "first_precision", "last_precision"):
            del row[key]
    rows.sort(key=lambda r: (-r["events"], r["country_a"], r["country_b"]))
    return rows


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Totals kept with the data (`agg_totals`); the rest are small tables or index ends."""

    def scalar(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    totals = totals_of(conn)

    def grouped(prefix: str) -> dict[str, int]:
        return {name[len(prefix) :]: n for name, n in sorted(totals.items()) if name.startswith(prefix) and n}

    return {
        "articles": totals.get("articles", 0),
        "copies": scalar("SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL"),
        "mentions": totals.get("mentions", 0),
        "events": totals.get("events", 0),
        "sources": totals.get("sources", 0),
        "people": scalar("SELECT COUNT(*) FROM people"),
        "countries": scalar("SELECT COUNT(*) FROM agg_countries"),
        "located_events": totals.get("located_events", 0),
        "by_type": grouped("type:"),
        "by_status": grouped("status:"),
        "first_date": parse_date(scalar("SELECT MIN(date_start) FROM events")),
        "last_date": parse_date(scalar("SELECT MAX(date_start) FROM events")),
        "last_ingested_at": scalar("SELECT MAX(ingested_at) FROM articles"),
    }


def totals_of(conn: sqlite3.Connection) -> dict[str, int]:
    return {row[0]: row[1] for row in conn.execute("SELECT name, value FROM agg_totals")}
