"""Pure data types shared by every layer.

Nothing here imports another detente module or a heavy library: ingest, screen,
extract, resolve and store all speak in these records, so they stay siblings.
The field names follow the event contract (`shared/spec/events.md`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

EventType = Literal["meeting", "agreement", "pledge", "exercise", "training", "defence_industry", "praise"]
EVENT_TYPES: tuple[str, ...] = (
    "meeting",
    "agreement",
    "pledge",
    "exercise",
    "training",
    "defence_industry",
    "praise",
)
Status = Literal["occurred", "planned", "proposed"]
STATUSES: tuple[str, ...] = ("occurred", "planned", "proposed")
Precision = Literal["day", "month", "year", "unknown"]
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "unknown")
PublishedSource = Literal["explicit", "inferred", "unknown"]
TOPICS: tuple[str, ...] = (
    "counter_terrorism",
    "intelligence_sharing",
    "training",
    "border_security",
    "drug_trafficking",
    "defence_production",
    "cyber",
    "surveillance_drones",
    "regional_security",
    "afghanistan",
    "military_education",
    "peacekeeping",
    "maritime",
    "disaster_relief",
    "connectivity",
)


def content_hash(text: str) -> str:
    """Hash of the text with white space folded, so re-ingesting a copy is a no-op."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article with its provenance, as ingest hands it on."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None  # source URL, or the file path it was read from
    published: date | None = None
    published_source: PublishedSource = "unknown"
    source_name: str | None = None  # the outlet ("APP", "SouthAsianDesk")
    language: str = "en"
    found_via: str = "text"  # text | html | warc | jsonl | csv | feed | stdin
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)

    def document_record(self) -> dict[str, Any]:
        """The contract's document record."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "published": {
                "date": self.published.isoformat() if self.published else None,
                "source": self.published_source,
            },
            "source_name": self.source_name,
            "language": self.language,
        }


@dataclass
class EventDate:
    start: date | None = None
    end: date | None = None
    precision: Precision = "unknown"

    def to_record(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": (self.end or self.start).isoformat() if self.start else None,
            "precision": self.precision if self.start else "unknown",
        }

    @classmethod
    def from_record(cls, data: dict[str, Any] | None) -> EventDate:
        data = data or {}
        start = date.fromisoformat(data["start"]) if data.get("start") else None
        end = date.fromisoformat(data["end"]) if data.get("end") else start
        return cls(start, end, data.get("precision") or "unknown")


@dataclass
class Participant:
    name: str
    title: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    person_id: str | None = None  # set by resolve's person registry
    rank: str | None = None  # military rank when `title` holds an office ("Field Marshal")
    aliases: list[str] = field(default_factory=list)  # other forms the article names them by


@dataclass
class Place:
    """Where an event happened; coordinates are filled in by resolve."""

    place: str | None = None
    country: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    # What the coordinates stand for: "city" (the place itself), "facility" (the city the
    # text ties a named facility to) or "country" (the capital, only the country is known).
    geo_level: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"place": self.place, "country": self.country}


@dataclass
class Codes:
    """The event-data field's codes for one event (contract's type table)."""

    cameo: str | None = None
    plover_type: str | None = None
    plover_context: str | None = None
    plover_mode: str | None = None


@dataclass
class Event:
    """One event as stated in one article (a mention until resolve merges it)."""

    type: EventType
    status: Status
    countries: list[str]
    evidence: str
    date: EventDate = field(default_factory=EventDate)
    participants: list[Participant] = field(default_factory=list)
    location: Place | None = None
    name: str | None = None
    topics: list[str] = field(default_factory=list)
    codes: Codes = field(default_factory=Codes)
    doc_id: str | None = None
    evidence_start: int | None = None  # character offset of evidence in the article text
    event_id: str | None = None  # stable id of the merged event, set by resolve
    sources: list[Source] = field(default_factory=list)  # on merged events: every report of it
    related: list[str] = field(default_factory=list)  # ids of linked events (a plan and its execution)

    def to_record(self) -> dict[str, Any]:
        """The contract's fields plus event_id and codes, as JSON-ready values."""
        return {
            "event_id": self.event_id,
            "type": self.type,
            "status": self.status,
            "date": self.date.to_record(),
            "countries": sorted(self.countries),
            "participants": [
                {"name": p.name, "title": p.title, "country": p.country} for p in self.participants
            ],
            "location": self.location.to_record() if self.location else None,
            "name": self.name,
            "topics": list(self.topics),
            "evidence": self.evidence,
            "cameo": self.codes.cameo,
            "plover": {
                "type": self.codes.plover_type,
                "context": self.codes.plover_context,
                "mode": self.codes.plover_mode,
            },
        }

    @classmethod
    def from_record(cls, data: dict[str, Any], doc_id: str | None = None) -> Event:
        loc = data.get("location")
        plover = data.get("plover") or {}
        return cls(
            type=data["type"],
            status=data.get("status") or "occurred",
            countries=sorted(data.get("countries") or []),
            evidence=data.get("evidence") or "",
            date=EventDate.from_record(data.get("date")),
            participants=[Participant(**p) for p in data.get("participants") or []],
            location=Place(loc.get("place"), loc.get("country")) if loc else None,
            name=data.get("name"),
            topics=list(data.get("topics") or []),
            codes=Codes(data.get("cameo"), plover.get("type"), plover.get("context"), plover.get("mode")),
            doc_id=doc_id or data.get("doc_id"),
            event_id=data.get("event_id"),
        )


@dataclass
class Source:
    """One article's report of a merged event."""

    doc_id: str
    evidence: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass
class IngestError:
    """A source that could not become an Article: named, with the reason, never fatal."""

    source: str  # path, URL or "file.jsonl:line 12"
    reason: str


@dataclass
class Office:
    """An office or rank a person was seen holding, with the dates it was seen."""

    title: str
    country: str | None = None
    first_seen: date | None = None
    last_seen: date | None = None


@dataclass
class Person:
    """One real person under every name the corpus uses for them."""

    person_id: str
    name: str  # the fullest form seen
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)


@dataclass
class Resolution:
    """What resolve makes of all stored mentions; the store saves it in one transaction.

    `events` are the merged events (canonical fields, `sources` filled, ids stable
    whatever the input order); every mention passed in has its `event_id` set.
    """

    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    copies: dict[str, str] = field(default_factory=dict)  # doc_id -> doc_id of the original it copies
