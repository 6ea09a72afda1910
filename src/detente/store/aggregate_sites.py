"""The map's sites (`agg_sites`) kept by difference as events come and go.

A site row counts the events of one type at one place and coordinate (to 3 decimals),
with the first event id, the last date and the finest geocoding level among them. A day
mostly adds events to a site or replaces some: the count moves by the difference and the
first, last and finest move with what is added. Only where a removed event held one of
those (it may have been the site's last date) is the site counted again from its events.
Recounting every touched place instead read all the events of each busy city.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence

from detente.store.read.geography import AT_SITE

SiteKey = tuple[str | None, str | None, float, float, str]  # place, country, latitude, longitude, type
SiteEvent = tuple[SiteKey, str, str | None, str | None]  # the site, event id, date_start, geo_level

_SITE = "ROUND(e.latitude, 3), ROUND(e.longitude, 3)"
_ROW = "place IS ? AND country IS ? AND latitude IS ? AND longitude IS ? AND type = ?"
ONE_SITE = (  # the events of one site row, by its key: place, country, type, latitude, longitude
    "e.location_place IS ? AND e.location_country IS ? AND e.type = ?"
    " AND ROUND(e.latitude, 3) = ? AND ROUND(e.longitude, 3) = ?"
)


def site_events(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[SiteEvent]:
    """The events matching `where` that count at a site, with what a site row keeps of them."""
    rows = conn.execute(
        f"SELECT e.location_place, e.location_country, {_SITE}, e.type, e.event_id, e.date_start,"
        f" e.geo_level FROM events e WHERE {where} AND {AT_SITE}",
        list(params),
    )
    return [((r[0], r[1], r[2], r[3], r[4]), r[5], r[6], r[7]) for r in rows]


def count_sites(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> None:
    """Insert the site rows of the events matching `where`, counted from them."""
    conn.execute(
        f"INSERT INTO agg_sites SELECT e.location_place, e.location_country, {_SITE},"
        " MAX(e.geo_level), e.type, COUNT(*), MIN(e.event_id), MAX(e.date_start)"
        f" FROM events e WHERE {where} AND {AT_SITE}"
        f" GROUP BY e.location_place, e.location_country, {_SITE}, e.type",
        list(params),
    )


def refresh_sites(conn: sqlite3.Connection, removed: list[SiteEvent], added: list[SiteEvent]) -> None:
    """Bring the site rows of these events up to date (`removed` read before they were deleted)."""
    gone: dict[SiteKey, list[SiteEvent]] = defaultdict(list)
    came: dict[SiteKey, list[SiteEvent]] = defaultdict(list)
    for item in removed:
        gone[item[0]].append(item)
    for item in added:
        came[item[0]].append(item)
    for key in sorted(gone.keys() | came.keys(), key=repr):
        row = conn.execute(
            f"SELECT events, first_id, last_date, geo_level FROM agg_sites WHERE {_ROW}", key
        ).fetchone()
        if row is None and not gone[key]:
            _insert(conn, key, came[key])
        elif row is None or _held(row, gone[key], came[key]):
            conn.execute(f"DELETE FROM agg_sites WHERE {_ROW}", key)
            count_sites(conn, ONE_SITE, [key[0], key[1], key[4], key[2], key[3]])
        else:
            _move(conn, key, row, len(came[key]) - len(gone[key]), came[key])


def _held(row: sqlite3.Row, gone: list[SiteEvent], came: list[SiteEvent]) -> bool:
    """Whether a removed event held the site's first id, last date or finest level and nothing
    added reaches it again (then only the site's events can tell the new one)."""
    first_id, last_date, level = row[1], row[2], row[3]
    if any(item[1] == first_id for item in gone) and not any(item[1] <= first_id for item in came):
        return True
    for position, held in ((2, last_date), (3, level)):
        lost = held is not None and any(item[position] == held for item in gone)
        if lost and not any(item[position] is not None and item[position] >= held for item in came):
            return True
    return False


def _insert(conn: sqlite3.Connection, key: SiteKey, items: list[SiteEvent]) -> None:
    place, country, latitude, longitude, kind = key
    conn.execute(
        "INSERT INTO agg_sites (place, country, latitude, longitude, geo_level, type, events, first_id,"
        " last_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (place, country, latitude, longitude, _most([i[3] for i in items]), kind, len(items),
         min(i[1] for i in items), _most([i[2] for i in items])),
    )  # fmt: skip


def _move(
    conn: sqlite3.Connection, key: SiteKey, row: sqlite3.Row, change: int, items: list[SiteEvent]
) -> None:
    events, first_id, last_date, level = row
    if events + change == 0:
        conn.execute(f"DELETE FROM agg_sites WHERE {_ROW}", key)
        return
    conn.execute(
        f"UPDATE agg_sites SET events = ?, first_id = ?, last_date = ?, geo_level = ? WHERE {_ROW}",
        (events + change, min([first_id, *(i[1] for i in items)]), _most([last_date, *(i[2] for i in items)]),
         _most([level, *(i[3] for i in items)]), *key),
    )  # fmt: skip


def _most(values: list[str | None]) -> str | None:
    """SQL's MAX: the greatest value, NULLs left out."""
    present = [v for v in values if v is not None]
    return max(present) if present else None
