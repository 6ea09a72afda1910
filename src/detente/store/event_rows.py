"""The rows one merged event is written as, and the same rows read back.

Writing and comparing share one definition: a new day rebuilds whole sets of mentions and
most of their events come out as they were, so the incremental save (`increment_write`)
reads an event's stored rows, builds the rows the rebuilt event would be written as, and
leaves the event in place when they are equal. The tables derived from the `events` row
(`event_countries`, `event_pairs`, `event_places`) follow from it; links (`event_related`)
are rewritten apart, so they are not part of the comparison.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from detente.models import Event, Source
from detente.store.codec import dumps, iso
from detente.store.incremental import chunks, marks
from detente.store.keys import name_key

Row = dict[str, Any]

EVENT_COLUMNS = (
    "event_id", "type", "status", "date_start", "date_end", "date_precision", "countries", "name",
    "location_place", "location_country", "geonames_id", "latitude", "longitude", "geo_level",
    "topics", "evidence", "all_evidence", "cameo", "plover_type", "plover_context", "plover_mode",
    "source_count", "first_reported", "doc_id", "evidence_start",
)  # fmt: skip
PARTICIPANT_COLUMNS = ("event_id", "position", "person_id", "name", "name_key", "title", "country")
SOURCE_COLUMNS = (
    "event_id",
    "position",
    "doc_id",
    "evidence",
    "evidence_start",
    "outlet",
    "published",
    "url",
)
COLUMNS = {
    "events": EVENT_COLUMNS,
    "event_participants": PARTICIPANT_COLUMNS,
    "event_sources": SOURCE_COLUMNS,
}


@dataclass
class EventRows:
    """The `events` row of one event and its `event_participants` and `event_sources` rows."""

    event: Row
    participants: list[Row]
    sources: list[Row]

    def values(self) -> tuple:
        """Everything compared, as plain values in column order."""
        return (
            tuple(self.event.values()),
            tuple(tuple(row.values()) for row in self.participants),
            tuple(tuple(row.values()) for row in self.sources),
        )


def event_rows(conn: sqlite3.Connection, event: Event, known_people: set[str]) -> EventRows:
    """The rows `resolution.write_event` writes for the event; sources are completed from their
    stored articles and mentions, which never change once stored."""
    sources = event.sources or ([Source(event.doc_id, event.evidence)] if event.doc_id else [])
    source_rows = [_source_row(conn, event, position, source) for position, source in enumerate(sources)]
    evidences = list(dict.fromkeys([event.evidence, *(s.evidence for s in sources)]))
    published = [row["published"] for row in source_rows if row["published"] is not None]
    location = event.location
    row = {
        "event_id": event.event_id,
        "type": event.type,
        "status": event.status,
        "date_start": iso(event.date.start),
        "date_end": iso(event.date.end or event.date.start),
        "date_precision": event.date.precision if event.date.start else "unknown",
        "countries": dumps(sorted(set(event.countries))),
        "name": event.name,
        "location_place": location.place if location else None,
        "location_country": location.country if location else None,
        "geonames_id": location.geonames_id if location else None,
        "latitude": location.latitude if location else None,
        "longitude": location.longitude if location else None,
        "geo_level": location.geo_level if location else None,
        "topics": dumps(list(event.topics)),
        "evidence": event.evidence,
        "all_evidence": "\n".join(e for e in evidences if e),
        "cameo": event.codes.cameo,
        "plover_type": event.codes.plover_type,
        "plover_context": event.codes.plover_context,
        "plover_mode": event.codes.plover_mode,
        "source_count": len({s.doc_id for s in sources}),
        "first_reported": min(published) if published else None,
        "doc_id": event.doc_id,
        "evidence_start": event.evidence_start,
    }
    participants = [
        {
            "event_id": event.event_id,
            "position": position,
            "person_id": person.person_id if person.person_id in known_people else None,
            "name": person.name,
            "name_key": name_key(person.name),
            "title": person.title,
            "country": person.country,
        }
        for position, person in enumerate(event.participants)
    ]
    return EventRows(row, participants, source_rows)


def stored_rows(conn: sqlite3.Connection, event_ids: Iterable[str]) -> dict[str, EventRows]:
    """The stored rows of these events, with the columns `event_rows` builds, in its order (a
    test holds the two to the same columns)."""
    found: dict[str, EventRows] = {}
    for batch in chunks(event_ids):
        sql = marks(batch)
        select = ", ".join(EVENT_COLUMNS)
        for row in conn.execute(f"SELECT {select} FROM events WHERE event_id IN ({sql})", batch):
            found[row[0]] = EventRows(dict(zip(EVENT_COLUMNS, row, strict=True)), [], [])
        for table, attribute in (("event_participants", "participants"), ("event_sources", "sources")):
            select = ", ".join(COLUMNS[table])
            for row in conn.execute(
                f"SELECT {select} FROM {table} WHERE event_id IN ({sql}) ORDER BY event_id, position", batch
            ):
                getattr(found[row[0]], attribute).append(dict(zip(COLUMNS[table], row, strict=True)))
    return found


def _source_row(conn: sqlite3.Connection, event: Event, position: int, source: Source) -> Row:
    """One report of the event, completed from the stored article where resolve left gaps (its
    text is read only when the stored mentions do not say where the evidence is)."""
    article = conn.execute(
        "SELECT source_name, published, url FROM articles WHERE doc_id = ?", (source.doc_id,)
    ).fetchone()
    start = _mention_offset(conn, event, source)
    if start is None and article is not None and source.evidence:
        text = conn.execute("SELECT text FROM articles WHERE doc_id = ?", (source.doc_id,)).fetchone()[0]
        found = text.find(source.evidence)
        start = found if found >= 0 else None
    return {
        "event_id": event.event_id,
        "position": position,
        "doc_id": source.doc_id,
        "evidence": source.evidence,
        "evidence_start": start,
        "outlet": source.outlet or (article["source_name"] if article else None),
        "published": iso(source.published) or (article["published"] if article else None),
        "url": source.url or (article["url"] if article else None),
    }


def _mention_offset(conn: sqlite3.Connection, event: Event, source: Source) -> int | None:
    row = conn.execute(
        "SELECT evidence_start FROM mentions WHERE doc_id = ? AND evidence = ? AND evidence_start IS NOT NULL"
        " ORDER BY type = ? DESC, position LIMIT 1",
        (source.doc_id, source.evidence, event.type),
    ).fetchone()
    return row[0] if row else None
