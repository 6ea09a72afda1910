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


def dyads(conn: sqlite3.Connection, country: str | None, limit: int) -> list[dict]:
    """The `limit` busiest pairs: ranked on bare counts first (no join with events), so the
    types and dates are gathered for those pairs only."""
    where, params = ("(a.country = ? OR b.country = ?)", [country, country]) if country else ("1", [])
    top = conn.execute(
        "SELECT a.country, b.country, COUNT(*) AS n FROM event_countries a"
        " JOIN event_countries b ON a.event_id = b.event_id AND a.country < b.country"
        f" WHERE {where} GROUP BY a.country, b.country ORDER BY n DESC, a.country, b.country LIMIT ?",
        [*params, limit],
    ).fetchall()
    if not top:
        return []
    pairs = ", ".join("(?, ?)" for _ in top)
    chosen = [code for row in top for code in (row[0], row[1])]
    rows = _pair_counts(conn, f"(a.country, b.country) IN (VALUES {pairs})", chosen)
    rows.sort(key=lambda r: (-r["events"], r["country_a"], r["country_b"]))
    return rows


def partners(conn: sqlite3.Connection, country: str) -> list[dict]:
    rows = conn.execute(
        f"SELECT p.country, e.type, COUNT(*) AS n, {_FIRST_LAST}"
        " FROM event_countries c JOIN event_countries p ON p.event_id = c.event_id AND p.country != c.country"
        " JOIN events e ON e.event_id = c.event_id WHERE c.country = ? GROUP BY p.country, e.type",
        (country,),
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


def dyad_years(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute(
        "SELECT a.country AS country_a, b.country AS country_b,"
        " CAST(substr(e.date_start, 1, 4) AS INTEGER) AS year,"
        f" e.type, COUNT(*) AS n, {_FIRST_LAST} {_PAIRS}"
        " WHERE e.date_start IS NOT NULL GROUP BY a.country, b.country, year, e.type",
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


def places(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute(
        "SELECT event_id, type, status, date_start, name, countries, location_place, location_country,"
        " geonames_id, latitude, longitude, geo_level FROM events"
        " WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
        " ORDER BY date_start DESC NULLS LAST, event_id"
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
    where, params = where_clause(spec or EventFilter())
    rows = conn.execute(
        "SELECT c.country, COUNT(*) AS events FROM event_countries c JOIN events e ON e.event_id = c.event_id"
        f" WHERE {where} GROUP BY c.country ORDER BY events DESC, c.country",
        params,
    ).fetchall()
    return [dict(row) for row in rows]


def network_edges(conn: sqlite3.Connection, spec: EventFilter | None = None) -> list[dict]:
    """Country pairs with their events by type, among the events the filter keeps."""
    where, params = where_clause(spec or EventFilter())
    rows = _pair_counts(conn, where, params)
    for row in rows:
        for key in ("first_date", "last_date", "first_precision", "last_precision"):
            del row[key]
    rows.sort(key=lambda r: (-r["events"], r["country_a"], r["country_b"]))
    return rows


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    def scalar(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    def grouped(column: str) -> dict[str, int]:
        rows = conn.execute(f"SELECT {column}, COUNT(*) FROM events GROUP BY {column} ORDER BY {column}")
        return {row[0]: row[1] for row in rows}

    return {
        "articles": scalar("SELECT COUNT(*) FROM articles"),
        "copies": scalar("SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL"),
        "mentions": scalar("SELECT COUNT(*) FROM mentions"),
        "events": scalar("SELECT COUNT(*) FROM events"),
        "sources": scalar("SELECT COUNT(*) FROM event_sources"),
        "people": scalar("SELECT COUNT(*) FROM people"),
        "countries": scalar("SELECT COUNT(DISTINCT country) FROM event_countries"),
        "located_events": scalar("SELECT COUNT(*) FROM events WHERE latitude IS NOT NULL"),
        "by_type": grouped("type"),
        "by_status": grouped("status"),
        "first_date": parse_date(scalar("SELECT MIN(date_start) FROM events")),
        "last_date": parse_date(scalar("SELECT MAX(date_start) FROM events")),
        "last_ingested_at": scalar("SELECT MAX(ingested_at) FROM articles"),
    }
