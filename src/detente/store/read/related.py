"""Candidates for an event's related events: what shares its reports, its name or its countries.

The query layer decides which candidates are related and how; these reads only keep
the candidate lists short (indexed lookups, bounded by `limit`).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from detente.store.read.events import event_dict


def with_docs(conn: sqlite3.Connection, events: list[dict]) -> list[dict]:
    """Fill each event dict's `docs`: the articles that reported it."""
    if not events:
        return events
    ids = [e["event_id"] for e in events]
    marks = ", ".join("?" * len(ids))
    docs: dict[str, set[str]] = defaultdict(set)
    for row in conn.execute(f"SELECT event_id, doc_id FROM event_sources WHERE event_id IN ({marks})", ids):
        docs[row[0]].add(row[1])
    for event in events:
        event["docs"] = docs.get(event["event_id"], set())
    return events


def reported_together(conn: sqlite3.Connection, event_id: str, limit: int) -> list[dict]:
    """Other events reported by at least one of the articles that reported this one."""
    rows = conn.execute(
        "SELECT e.* FROM events e WHERE e.event_id IN ("
        " SELECT DISTINCT other.event_id FROM event_sources mine"
        " JOIN event_sources other ON other.doc_id = mine.doc_id"
        " WHERE mine.event_id = ? AND other.event_id != ?)"
        " ORDER BY e.date_start NULLS LAST, e.event_id LIMIT ?",
        (event_id, event_id, limit),
    ).fetchall()
    return with_docs(conn, [event_dict(row) for row in rows])


def sharing_countries(
    conn: sqlite3.Connection,
    event_id: str,
    event_type: str,
    countries: list[str],
    *,
    named: bool,
    limit: int,
) -> list[dict]:
    """Other events of the same type in which every one of `countries` takes part (named ones only
    when `named`), for plan/execution and series matching."""
    if not countries:
        return []
    # The events of these states are read through their indexes (a pair through
    # `event_pairs`, which also holds the type); the type is then checked on those rows, as
    # `events_type` would read a third of all events (`|| ''` hides it from the planner).
    conditions = ["(e.type || '') = ?", "e.event_id != ?"]
    params: list[object] = [event_type, event_id]
    if named:
        conditions.append("e.name IS NOT NULL")
    states = sorted(set(countries))
    if len(states) >= 2:
        conditions.append(
            "e.event_id IN (SELECT event_id FROM event_pairs"
            " WHERE country_a = ? AND country_b = ? AND type = ?)"
        )
        params.extend([states[0], states[1], event_type])
        states = states[2:]
    for country in states:
        conditions.append("e.event_id IN (SELECT event_id FROM event_countries WHERE country = ?)")
        params.append(country)
    rows = conn.execute(
        f"SELECT e.* FROM events e WHERE {' AND '.join(conditions)}"
        " ORDER BY e.date_start NULLS LAST, e.event_id LIMIT ?",
        [*params, limit],
    ).fetchall()
    return with_docs(conn, [event_dict(row) for row in rows])
