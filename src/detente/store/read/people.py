"""People under all their names, and the offices they were seen holding."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from detente.store.codec import parse_date
from detente.store.keys import name_key, title_key

_PERSON = "SELECT p.person_id, p.name, p.country, p.event_count FROM people p"  # counted with the events


def count_people(conn: sqlite3.Connection, country: str | None) -> int:
    where, params = ("WHERE country = ?", [country]) if country else ("", [])
    return int(conn.execute(f"SELECT COUNT(*) FROM people {where}", params).fetchone()[0])


def find_people(conn: sqlite3.Connection, country: str | None, limit: int, offset: int) -> list[dict]:
    where, params = ("WHERE p.country = ?", [country]) if country else ("", [])
    rows = conn.execute(
        f"{_PERSON} {where} ORDER BY event_count DESC, p.name LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return _with_aliases(conn, [dict(row) for row in rows])


def find_person(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """By person_id, else by any name form; a name shared by several people picks the most active."""
    row = conn.execute(f"{_PERSON} WHERE p.person_id = ?", (key,)).fetchone()
    if row is None:
        row = conn.execute(
            f"{_PERSON} WHERE p.person_id IN (SELECT person_id FROM person_names WHERE name_key = ?)"
            " ORDER BY event_count DESC, p.person_id LIMIT 1",
            (name_key(key),),
        ).fetchone()
    if row is None and name_key(key):
        # A shorter form of a stored name ("Asim Munir" for "Syed Asim Munir"), on word boundaries.
        row = conn.execute(
            f"{_PERSON} WHERE p.person_id IN (SELECT person_id FROM person_names"
            " WHERE ' ' || name_key || ' ' LIKE '% ' || ? || ' %' ESCAPE '\\')"
            " ORDER BY event_count DESC, p.person_id LIMIT 1",
            (_escape_like(name_key(key)),),
        ).fetchone()
    if row is None:
        row = _by_truncated_name(conn, name_key(key))
    return _with_aliases(conn, [dict(row)])[0] if row else None


def _by_truncated_name(conn: sqlite3.Connection, key: str) -> sqlite3.Row | None:
    """A cut-off last word ("Emomali Rahm" for "Emomali Rahmon"), the most active person first.

    At least two words and three letters of the last, so a bare initial never guesses.
    """
    words = key.split()
    if len(words) < 2 or len(words[-1]) < 3:
        return None
    return conn.execute(
        f"{_PERSON} WHERE p.person_id IN (SELECT person_id FROM person_names"
        " WHERE ' ' || name_key LIKE '% ' || ? || '%' ESCAPE '\\')"
        " ORDER BY event_count DESC, p.person_id LIMIT 1",
        (_escape_like(key),),
    ).fetchone()


def offices_of(conn: sqlite3.Connection, person_id: str) -> list[dict]:
    rows = conn.execute(
        "SELECT o.*, p.name FROM person_offices o JOIN people p USING (person_id)"
        " WHERE o.person_id = ? ORDER BY o.first_seen NULLS LAST, o.title",
        (person_id,),
    ).fetchall()
    return [_holding(row) for row in rows]


def holders_of(conn: sqlite3.Connection, title: str, country: str | None) -> list[dict]:
    """Who held an office, oldest first; the title matches case- and spelling-insensitively."""
    where, params = "o.title_key = ?", [title_key(title)]
    if country:
        where += " AND o.country = ?"
        params.append(country)
    rows = conn.execute(
        "SELECT o.*, p.name FROM person_offices o JOIN people p USING (person_id)"
        f" WHERE {where} ORDER BY o.first_seen NULLS LAST, o.last_seen NULLS LAST, p.name",
        params,
    ).fetchall()
    return [_holding(row) for row in rows]


def event_ids_of(
    conn: sqlite3.Connection, person_id: str, limit: int | None = None, offset: int = 0
) -> list[str]:
    """The person's events newest first; a page of them when `limit` is given (a head of
    state's hundreds of events are read, with their sources, only as far as asked)."""
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    rows = conn.execute(
        "SELECT e.event_id FROM events e WHERE e.event_id IN"
        " (SELECT event_id FROM event_participants WHERE person_id = ?)"
        f" ORDER BY e.date_start DESC NULLS LAST, e.event_id{page}",
        (person_id, *((limit, offset) if limit is not None else ())),
    ).fetchall()
    return [row[0] for row in rows]


def _holding(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "person_id": row["person_id"],
        "name": row["name"],
        "title": row["title"],
        "country": row["country"],
        "first_seen": parse_date(row["first_seen"]),
        "last_seen": parse_date(row["last_seen"]),
    }


def _with_aliases(conn: sqlite3.Connection, people: list[dict]) -> list[dict]:
    aliases: dict[str, list[str]] = defaultdict(list)
    ids = [p["person_id"] for p in people]
    if ids:
        marks = ", ".join("?" * len(ids))
        rows = conn.execute(
            f"SELECT person_id, name FROM person_names WHERE person_id IN ({marks}) ORDER BY person_id, name",
            ids,
        )
        for row in rows:
            aliases[row[0]].append(row[1])
    for person in people:
        person["aliases"] = [a for a in aliases.get(person["person_id"], []) if a != person["name"]]
    return people


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
