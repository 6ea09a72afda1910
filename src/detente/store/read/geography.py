"""Where events are placed, as the map draws them: named sites, and counts per country.

An event is placed at a site when it has coordinates of a city or facility; it is
placed only to a country when its coordinates stand for the country (its capital)
or when it names a country and nothing finer. Both are aggregates over the events
the filter keeps, so they can later be read from precomputed tables.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from detente.store.read.filters import EventFilter, where_clause

# Coordinates of a city or facility (rows stored before geo_level existed count when they name a place).
AT_SITE = (
    "e.latitude IS NOT NULL AND e.longitude IS NOT NULL"
    " AND COALESCE(e.geo_level, CASE WHEN e.location_place IS NULL THEN 'country' ELSE 'city' END)"
    " != 'country'"
)
ONLY_COUNTRY = f"NOT ({AT_SITE}) AND e.location_country IS NOT NULL"
NAMED_UNPLACED = f"NOT ({AT_SITE}) AND e.location_country IS NULL AND e.location_place IS NOT NULL"


def sites(conn: sqlite3.Connection, spec: EventFilter) -> list[dict[str, Any]]:
    """One row per place and coordinate (to 3 decimals), with its events by type, busiest first."""
    if spec == EventFilter():  # every event: the table kept with them
        rows = conn.execute(
            "SELECT place, country, latitude, longitude, geo_level, type, events AS n, first_id, last_date"
            " FROM agg_sites ORDER BY place, country, latitude, longitude, type"
        ).fetchall()
        return _sites_of(rows)
    where, params = where_clause(spec)
    rows = conn.execute(
        "SELECT e.location_place AS place, e.location_country AS country,"
        " ROUND(e.latitude, 3) AS latitude, ROUND(e.longitude, 3) AS longitude,"
        " MAX(e.geo_level) AS geo_level, e.type, COUNT(*) AS n, MIN(e.event_id) AS first_id,"
        " MAX(e.date_start) AS last_date"
        f" FROM events e WHERE {where} AND {AT_SITE}"
        " GROUP BY place, country, ROUND(e.latitude, 3), ROUND(e.longitude, 3), e.type",
        params,
    ).fetchall()
    return _sites_of(rows)


def _sites_of(rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = (row["place"], row["country"], row["latitude"], row["longitude"])
        site = found.setdefault(
            key,
            {
                "place": row["place"],
                "country": row["country"],
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "geo_level": row["geo_level"],
                "events": 0,
                "by_type": {},
                "only_event_id": row["first_id"],
                "last_date": row["last_date"],
            },
        )
        site["events"] += row["n"]
        site["by_type"][row["type"]] = row["n"]
        site["only_event_id"] = min(site["only_event_id"], row["first_id"])
        site["last_date"] = max(filter(None, (site["last_date"], row["last_date"])), default=None)
    result = list(found.values())
    for site in result:
        if site["events"] != 1:
            site["only_event_id"] = None  # a link to one event makes sense only for a lone event
    result.sort(key=lambda s: (-s["events"], s["place"] or "", s["latitude"], s["longitude"]))
    return result


def location_counts(conn: sqlite3.Connection, spec: EventFilter) -> list[dict[str, Any]]:
    """Per country the events are located in: how many in all, how many only to the country, and
    a point in it (the mean of its events' coordinates: the capital for country-level ones)."""
    if spec == EventFilter():
        rows = conn.execute(
            "SELECT country, events, only_country, latitude, longitude FROM agg_locations"
            " ORDER BY events DESC, country"
        ).fetchall()
        return [dict(row) for row in rows]
    where, params = where_clause(spec)
    rows = conn.execute(
        "SELECT e.location_country AS country, COUNT(*) AS events,"
        f" SUM(CASE WHEN {ONLY_COUNTRY} THEN 1 ELSE 0 END) AS only_country,"
        " ROUND(AVG(e.latitude), 4) AS latitude, ROUND(AVG(e.longitude), 4) AS longitude"
        f" FROM events e WHERE {where} AND e.location_country IS NOT NULL"
        " GROUP BY e.location_country ORDER BY events DESC, country",
        params,
    ).fetchall()
    return [dict(row) for row in rows]


def placement_totals(conn: sqlite3.Connection, spec: EventFilter) -> dict[str, int]:
    """How many events are placed at a site, only to a country, named but unplaced, or not at all."""
    kinds = ("at_site", "only_country", "named_unplaced")
    if spec == EventFilter():
        kept = {row[0]: row[1] for row in conn.execute("SELECT name, value FROM agg_totals")}
        totals = {key: int(kept.get(key, 0)) for key in ("events", *kinds)}
        totals["unplaced"] = totals["events"] - sum(totals[kind] for kind in kinds)
        return totals
    where, params = where_clause(spec)
    row = conn.execute(
        "SELECT COUNT(*) AS events,"
        f" SUM(CASE WHEN {AT_SITE} THEN 1 ELSE 0 END) AS at_site,"
        f" SUM(CASE WHEN {ONLY_COUNTRY} THEN 1 ELSE 0 END) AS only_country,"
        f" SUM(CASE WHEN {NAMED_UNPLACED} THEN 1 ELSE 0 END) AS named_unplaced"
        f" FROM events e WHERE {where}",
        params,
    ).fetchone()
    totals = {key: int(row[key] or 0) for key in ("events", *kinds)}
    totals["unplaced"] = totals["events"] - sum(totals[kind] for kind in kinds)
    return totals
