"""The exported tables: their columns, in order, and how each row is flattened.

docs/exports.md documents every column listed here; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from detente.models import EVENT_TYPES
from detente.query.rows import DyadYearRow, EventDetail, EventRow, ParticipantRow, SourceRow

Kind = Literal["text", "int", "float", "date", "list", "participants"]


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "text"),
    Column("type", "text"),
    Column("status", "text"),
    Column("date_start", "date"),
    Column("date_end", "date"),
    Column("date_precision", "text"),
    Column("countries", "list"),
    Column("country_a", "text"),
    Column("country_b", "text"),
    Column("participants", "participants"),
    Column("location_place", "text"),
    Column("location_country", "text"),
    Column("geonames_id", "int"),
    Column("latitude", "float"),
    Column("longitude", "float"),
    Column("geo_level", "text"),
    Column("name", "text"),
    Column("topics", "list"),
    Column("cameo", "text"),
    Column("plover_type", "text"),
    Column("plover_context", "text"),
    Column("plover_mode", "text"),
    Column("source_count", "int"),
    Column("first_reported", "date"),
    Column("evidence", "text"),
)

SOURCE_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "text"),
    Column("type", "text"),
    Column("status", "text"),
    Column("date_start", "date"),
    Column("countries", "list"),
    Column("doc_id", "text"),
    Column("title", "text"),
    Column("outlet", "text"),
    Column("url", "text"),
    Column("published", "date"),
    Column("evidence", "text"),
    Column("evidence_start", "int"),
    Column("evidence_end", "int"),
)

DYAD_YEAR_COLUMNS: tuple[Column, ...] = (
    Column("country_a", "text"),
    Column("country_b", "text"),
    Column("year", "int"),
    Column("events", "int"),
    *(Column(event_type, "int") for event_type in EVENT_TYPES),
    Column("first_date", "date"),
    Column("last_date", "date"),
)


def event_record(event: EventRow) -> dict[str, Any]:
    """One event as an export row; country_a/country_b only for two-country events."""
    dyadic = len(event.countries) == 2
    return {
        "event_id": event.event_id,
        "type": event.type,
        "status": event.status,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "countries": list(event.countries),
        "country_a": event.countries[0] if dyadic else None,
        "country_b": event.countries[1] if dyadic else None,
        "participants": [_participant(p) for p in event.participants],
        "location_place": event.location_place,
        "location_country": event.location_country,
        "geonames_id": event.geonames_id,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_level": event.geo_level,
        "name": event.name,
        "topics": list(event.topics),
        "cameo": event.cameo,
        "plover_type": event.plover_type,
        "plover_context": event.plover_context,
        "plover_mode": event.plover_mode,
        "source_count": event.source_count,
        "first_reported": event.first_reported,
        "evidence": event.evidence,
    }


def source_record(event: EventDetail, source: SourceRow) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "type": event.type,
        "status": event.status,
        "date_start": event.date_start,
        "countries": list(event.countries),
        "doc_id": source.doc_id,
        "title": source.title,
        "outlet": source.outlet,
        "url": source.url,
        "published": source.published,
        "evidence": source.evidence,
        "evidence_start": source.evidence_start,
        "evidence_end": source.evidence_end,
    }


def dyad_year_record(row: DyadYearRow) -> dict[str, Any]:
    return {column.name: getattr(row, column.name) for column in DYAD_YEAR_COLUMNS}


def _participant(person: ParticipantRow) -> dict[str, Any]:
    return {
        "name": person.name,
        "title": person.title,
        "country": person.country,
        "person_id": person.person_id,
    }
