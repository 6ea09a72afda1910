"""The aggregate tables (`agg_*`), kept with the events in the transaction that changes them.

Counts with a first or last date (pairs, pair-years, map sites), or an average (countries
the events are located in) are counted again for each key a change touches, from indexed
event tables: a pair, a country, a place. Plain counts (the timeline's months and years,
events per state, totals by type and status, placement on the map, sources) and each
person's event count move by the difference the change makes: recounting a year touched
by a day read a tenth of a million-event database. Articles and mentions are counted as
they are stored (`count_article`). `rebuild_aggregates` counts everything from scratch (a
migration, a whole resolution saved at once).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from detente.store.aggregate_sites import SiteEvent, count_sites, refresh_sites, site_events
from detente.store.incremental import chunks, marks
from detente.store.read.geography import AT_SITE, NAMED_UNPLACED, ONLY_COUNTRY

TABLES = (
    "agg_pairs",
    "agg_pair_years",
    "agg_timeline",
    "agg_countries",
    "agg_locations",
    "agg_sites",
    "agg_totals",
)
PRECISIONS = {"month": ("day", "month"), "year": ("day", "month", "year")}


@dataclass
class Touched:
    """The keys of the aggregate rows a set of events counts in."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    countries: Counter[str] = field(default_factory=Counter)  # state -> events among these
    periods: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (granularity, period, type)
    sites: list[SiteEvent] = field(default_factory=list)  # the events that count at a site
    located: set[str] = field(default_factory=set)
    people: Counter[str] = field(default_factory=Counter)  # person -> events among these
    totals: Counter[str] = field(default_factory=Counter)

    def add(self, other: Touched, sign: int = 1) -> None:
        self.pairs |= other.pairs
        for country, value in other.countries.items():
            self.countries[country] += sign * value
        for period, value in other.periods.items():
            self.periods[period] += sign * value
        self.located |= other.located
        for key, value in other.totals.items():
            self.totals[key] += sign * value
        for person, value in other.people.items():
            self.people[person] += sign * value


def touched_by(conn: sqlite3.Connection, event_ids: Iterable[str]) -> Touched:
    """What these stored events count in (read before they are deleted, or after they are written)."""
    found = Touched()
    for batch in chunks(event_ids):
        sql = marks(batch)
        for row in conn.execute(
            "SELECT a.country, b.country FROM event_countries a JOIN event_countries b"
            f" ON a.event_id = b.event_id AND a.country < b.country WHERE a.event_id IN ({sql})",
            batch,
        ):
            found.pairs.add((row[0], row[1]))
        rows = conn.execute(f"SELECT country FROM event_countries WHERE event_id IN ({sql})", batch)
        found.countries.update(row[0] for row in rows)
        rows = conn.execute(
            "SELECT person_id, COUNT(DISTINCT event_id) FROM event_participants"
            f" WHERE event_id IN ({sql}) AND person_id IS NOT NULL GROUP BY person_id",
            batch,
        )
        found.people.update(dict(rows.fetchall()))
        for row in conn.execute(
            "SELECT e.type, e.status, e.date_start, e.date_precision, e.location_place, e.location_country,"
            f" e.latitude IS NOT NULL, {AT_SITE}, {ONLY_COUNTRY}, {NAMED_UNPLACED},"
            " (SELECT COUNT(*) FROM event_sources s WHERE s.event_id = e.event_id)"
            f" FROM events e WHERE e.event_id IN ({sql})",
            batch,
        ):
            _count(found, row)
        found.sites += site_events(conn, f"e.event_id IN ({sql})", batch)
    return found


def _count(found: Touched, row: sqlite3.Row) -> None:
    kind, status, start, precision, _, country, located, at_site, only_country, unplaced, sources = row
    if start:
        for granularity, precisions in PRECISIONS.items():
            if precision in precisions:
                found.periods[(granularity, start[: 7 if granularity == "month" else 4], kind)] += 1
    if country is not None:
        found.located.add(country)
    found.totals.update(
        {
            "events": 1,
            f"type:{kind}": 1,
            f"status:{status}": 1,
            "located_events": int(located),
            "at_site": int(at_site),
            "only_country": int(only_country),
            "named_unplaced": int(unplaced),
            "sources": sources,
        }
    )


def refresh_aggregates(conn: sqlite3.Connection, before: Touched, after: Touched) -> None:
    """Bring the rows of every touched key up to date; `before` was read before the change."""
    keys = Touched()
    keys.add(before, -1)
    keys.add(after, 1)
    for a, b in keys.pairs:
        conn.execute("DELETE FROM agg_pairs WHERE country_a = ? AND country_b = ?", (a, b))
        conn.execute("DELETE FROM agg_pair_years WHERE country_a = ? AND country_b = ?", (a, b))
        _count_pairs(conn, "country_a = ? AND country_b = ?", [a, b])
    conn.executemany(
        "INSERT INTO agg_countries (country, events) VALUES (?, ?)"
        " ON CONFLICT (country) DO UPDATE SET events = agg_countries.events + excluded.events",
        [(country, change) for country, change in sorted(keys.countries.items()) if change],
    )
    conn.executemany(
        "INSERT INTO agg_timeline (granularity, period, type, events) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (granularity, period, type)"
        " DO UPDATE SET events = agg_timeline.events + excluded.events",
        [(*key, change) for key, change in sorted(keys.periods.items()) if change],
    )
    if any(keys.countries.values()):
        conn.execute("DELETE FROM agg_countries WHERE events = 0")
    if any(keys.periods.values()):
        conn.execute("DELETE FROM agg_timeline WHERE events = 0")
    refresh_sites(conn, before.sites, after.sites)
    for country in keys.located:
        conn.execute("DELETE FROM agg_locations WHERE country = ?", (country,))
        _count_locations(conn, "e.location_country = ?", [country])
    conn.executemany(  # an event holds a person once: counts add up over distinct events
        "UPDATE people SET event_count = event_count + ? WHERE person_id = ?",
        [(change, person) for person, change in sorted(keys.people.items()) if change],
    )
    for name, change in keys.totals.items():
        if change:
            conn.execute(
                "INSERT INTO agg_totals (name, value) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = agg_totals.value + excluded.value",
                (name, change),
            )
    conn.execute("DELETE FROM agg_totals WHERE value = 0")


def count_article(conn: sqlite3.Connection, mentions: int) -> None:
    """One more article with its mentions (in the transaction that stores it)."""
    conn.executemany(
        "INSERT INTO agg_totals (name, value) VALUES (?, ?)"
        " ON CONFLICT (name) DO UPDATE SET value = agg_totals.value + excluded.value",
        [("articles", 1), ("mentions", mentions)],
    )


def rebuild_aggregates(conn: sqlite3.Connection) -> None:
    """Every aggregate table counted again from the events."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table}")
    _count_pairs(conn, "country_b != ''", [])
    _count_countries(conn, "1 = 1", [])
    for granularity in PRECISIONS:
        _count_periods(conn, granularity, "1 = 1", [])
    count_sites(conn, "1 = 1", [])
    _count_locations(conn, "1 = 1", [])
    _count_people(conn, "1 = 1", [])
    everything = touched_by(conn, (row[0] for row in conn.execute("SELECT event_id FROM events")))
    for name, value in everything.totals.items():
        if value:
            conn.execute("INSERT INTO agg_totals (name, value) VALUES (?, ?)", (name, value))
    for table in ("articles", "mentions"):
        conn.execute(
            f"INSERT INTO agg_totals (name, value) VALUES (?, (SELECT COUNT(*) FROM {table}))"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (table,),
        )
    conn.execute("DELETE FROM agg_totals WHERE value = 0")


def _count_pairs(conn: sqlite3.Connection, where: str, params: list) -> None:
    """From `event_pairs`: each event under each pair of its states (lone states are left out)."""
    bounds = "MIN(date_start || '|' || date_precision), MAX(date_start || '|' || date_precision)"
    conn.execute(
        f"INSERT INTO agg_pairs SELECT country_a, country_b, type, COUNT(*), {bounds}"
        f" FROM event_pairs WHERE {where} GROUP BY country_a, country_b, type",
        params,
    )
    year = "CAST(substr(date_start, 1, 4) AS INTEGER)"
    conn.execute(
        f"INSERT INTO agg_pair_years SELECT country_a, country_b, {year}, type, COUNT(*), {bounds}"
        f" FROM event_pairs WHERE {where} AND date_start IS NOT NULL"
        f" GROUP BY country_a, country_b, {year}, type",
        params,
    )


def _count_people(conn: sqlite3.Connection, where: str, params: list) -> None:
    conn.execute(
        "UPDATE people SET event_count ="
        " (SELECT COUNT(DISTINCT event_id) FROM event_participants ep WHERE ep.person_id = people.person_id)"
        f" WHERE {where}",
        params,
    )


def _count_countries(conn: sqlite3.Connection, where: str, params: list) -> None:
    conn.execute(
        "INSERT INTO agg_countries SELECT country, COUNT(*) FROM event_countries"
        f" WHERE {where} GROUP BY country",
        params,
    )


def _count_periods(conn: sqlite3.Connection, granularity: str, where: str, params: list) -> None:
    width = 7 if granularity == "month" else 4
    precisions = PRECISIONS[granularity]
    conn.execute(
        f"INSERT INTO agg_timeline SELECT ?, substr(e.date_start, 1, {width}), e.type, COUNT(*) FROM events e"
        f" WHERE {where} AND e.date_start IS NOT NULL AND e.date_precision IN ({marks(precisions)})"
        f" GROUP BY substr(e.date_start, 1, {width}), e.type",
        [granularity, *params, *precisions],
    )


def _count_locations(conn: sqlite3.Connection, where: str, params: list) -> None:
    conn.execute(
        "INSERT INTO agg_locations SELECT e.location_country, COUNT(*),"
        f" SUM(CASE WHEN {ONLY_COUNTRY} THEN 1 ELSE 0 END),"
        " ROUND(AVG(e.latitude), 4), ROUND(AVG(e.longitude), 4)"
        f" FROM events e WHERE {where} AND e.location_country IS NOT NULL GROUP BY e.location_country",
        params,
    )
