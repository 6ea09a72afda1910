"""Converting between detente's records and SQLite values (ISO dates, JSON lists)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from detente.models import Article, Codes, Event, EventDate, Participant, Place


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def participants_json(participants: list[Participant]) -> str:
    return dumps(
        [
            {
                "name": p.name,
                "title": p.title,
                "country": p.country,
                "person_id": p.person_id,
                "rank": p.rank,
                "aliases": list(p.aliases),
            }
            for p in participants
        ]
    )


def mention_values(mention: Event, doc_id: str, position: int) -> dict[str, Any]:
    """Column values of one mention row."""
    location = mention.location or Place()
    return {
        "doc_id": doc_id,
        "position": position,
        "type": mention.type,
        "status": mention.status,
        "date_start": iso(mention.date.start),
        "date_end": iso(mention.date.end or mention.date.start),
        "date_precision": mention.date.precision if mention.date.start else "unknown",
        "countries": dumps(sorted(mention.countries)),
        "participants": participants_json(mention.participants),
        "location_place": location.place,
        "location_country": location.country,
        "name": mention.name,
        "topics": dumps(list(mention.topics)),
        "evidence": mention.evidence,
        "evidence_start": mention.evidence_start,
        "cameo": mention.codes.cameo,
        "plover_type": mention.codes.plover_type,
        "plover_context": mention.codes.plover_context,
        "plover_mode": mention.codes.plover_mode,
        "event_id": mention.event_id,
    }


def mention_from_row(row: sqlite3.Row, *, geocoded: bool = False) -> Event:
    """A stored mention as extracted; with `geocoded`, its place as the last resolution that
    saved it geocoded it (when one did: see `mention_is_geocoded`)."""
    location = None
    if row["location_place"] or row["location_country"]:
        location = Place(row["location_place"], row["location_country"])
        if geocoded and row["geo"] is not None:
            (
                location.country,
                location.geonames_id,
                location.latitude,
                location.longitude,
                location.geo_level,
            ) = json.loads(row["geo"])
    return _event_of(row, [Participant(**p) for p in json.loads(row["participants"])], location)


def mention_geocode(event: Event) -> str | None:
    """The geocoded place of a resolved mention, as `mentions.geo` keeps it (None: no place)."""
    loc = event.location
    if loc is None:
        return None
    return dumps([loc.country, loc.geonames_id, loc.latitude, loc.longitude, loc.geo_level])


def mention_is_geocoded(row: sqlite3.Row) -> bool:
    """Whether the stored mention needs no geocoding: no place, or its geocode kept."""
    return row["geo"] is not None or not (row["location_place"] or row["location_country"])


def merged_event_from_row(row: sqlite3.Row) -> Event:
    """A row of `events` (participants and sources are read apart), its place geocoded."""
    location = None
    if row["location_place"] is not None or row["location_country"] is not None:
        location = Place(
            row["location_place"],
            row["location_country"],
            row["geonames_id"],
            row["latitude"],
            row["longitude"],
            row["geo_level"],
        )
    return _event_of(row, [], location)


def _event_of(row: sqlite3.Row, participants: list[Participant], location: Place | None) -> Event:
    return Event(
        type=row["type"],
        status=row["status"],
        countries=json.loads(row["countries"]),
        evidence=row["evidence"],
        date=EventDate(parse_date(row["date_start"]), parse_date(row["date_end"]), row["date_precision"]),
        participants=participants,
        location=location,
        name=row["name"],
        topics=json.loads(row["topics"]),
        codes=Codes(row["cameo"], row["plover_type"], row["plover_context"], row["plover_mode"]),
        doc_id=row["doc_id"],
        evidence_start=row["evidence_start"],
        event_id=row["event_id"],
    )


def article_values(article: Article, doc_id: str, ingested_at: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "hash": article.hash,
        "title": article.title,
        "text": article.text,
        "url": article.url,
        "published": iso(article.published),
        "published_source": article.published_source,
        "source_name": article.source_name,
        "language": article.language,
        "found_via": article.found_via,
        "ingested_at": ingested_at,
        "unresolved": 1,  # until a saved resolution includes it
    }


def article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        doc_id=row["doc_id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        published=parse_date(row["published"]),
        published_source=row["published_source"],
        source_name=row["source_name"],
        language=row["language"],
        found_via=row["found_via"],
        hash=row["hash"],
    )


def insert(conn: sqlite3.Connection, table: str, values: dict[str, Any], unless: str | None = None) -> bool:
    """INSERT one row from a dict of column values; table and column names are ours, never user input.

    With `unless` (a unique column, or "*" for any), a row whose value is already stored (or
    being stored by a concurrent transaction) is not inserted, and the answer is False."""
    conflict = (
        ""
        if not unless
        else " ON CONFLICT DO NOTHING"
        if unless == "*"
        else f" ON CONFLICT ({unless}) DO NOTHING"
    )
    cursor = conn.execute(_insert_sql(table, values) + conflict, values)
    return cursor.rowcount != 0


def insert_many(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """INSERT rows with the same columns in one call (one round trip to a server)."""
    if rows:
        conn.executemany(_insert_sql(table, rows[0]), rows)


def _insert_sql(table: str, values: dict[str, Any]) -> str:
    columns = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    return f"INSERT INTO {table} ({columns}) VALUES ({marks})"
