"""Typed rows the query layer hands to the CLI, the API, the dashboard and notebooks.

Every row is a plain dataclass so analysts get attribute access and type hints;
`to_dict()` gives JSON-ready values (ISO dates, nested dicts) so the API and the
exports never need to know how a row is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Generic, TypeVar


def _plain(value: Any) -> Any:
    """JSON-ready form of a row value: dates as ISO strings, rows as dicts."""
    if isinstance(value, Row):
        return value.to_dict()
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


class Row:
    """Mixin giving every row type the same JSON-ready `to_dict()`."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


T = TypeVar("T")


@dataclass
class Page(Row, Generic[T]):
    """One page of a longer result: `total` counts every match, not just `items`."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass
class ParticipantRow(Row):
    name: str
    title: str | None
    country: str | None
    person_id: str | None


@dataclass
class EventRow(Row):
    """One merged event: canonical fields, codes and how many outlets reported it."""

    event_id: str
    type: str
    status: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    countries: list[str]
    name: str | None
    location_place: str | None
    location_country: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    topics: list[str]
    participants: list[ParticipantRow]
    evidence: str
    cameo: str | None
    plover_type: str | None
    plover_context: str | None
    plover_mode: str | None
    source_count: int
    first_reported: date | None
    # What the coordinates stand for: "city", "facility" (the city a named facility is in)
    # or "country" (the capital: only the country is known); None when not located.
    geo_level: str | None = None


@dataclass
class SourceRow(Row):
    """One article's report of an event; `text` lets a page highlight the evidence.

    `evidence_start`/`evidence_end` are character offsets into `text` (None when the
    evidence could not be located). `text` is None where a listing omits it to stay light.
    """

    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    text: str | None
    # How the article's publication date was found: "explicit" (stated by the page or its
    # container), "inferred" (from the URL or page heuristics) or "unknown".
    published_source: str = "unknown"
    outlet_name: str | None = None  # the outlet to show: see detente.query.outlets
    outlet_from: str | None = None  # "known outlet", "page metadata" or "URL domain"


@dataclass
class EventDetail(EventRow):
    sources: list[SourceRow] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


@dataclass
class ArticleRow(Row):
    doc_id: str
    title: str | None
    url: str | None
    published: date | None
    published_source: str
    source_name: str | None
    language: str
    found_via: str
    hash: str
    ingested_at: str
    copy_of: str | None  # doc_id of the article this one syndicates
    text: str
    event_ids: list[str]


@dataclass
class OfficeHolding(Row):
    """A person seen holding an office, with the first and last dates it was seen."""

    person_id: str
    name: str
    title: str
    country: str | None
    first_seen: date | None
    last_seen: date | None


@dataclass
class PersonRow(Row):
    person_id: str
    name: str
    country: str | None
    aliases: list[str]
    event_count: int


@dataclass
class PersonDetail(PersonRow):
    offices: list[OfficeHolding] = field(default_factory=list)
    events: list[EventDetail] = field(default_factory=list)  # sources without article text


@dataclass
class DyadRow(Row):
    """An unordered country pair (country_a < country_b) and the events joining them."""

    country_a: str
    country_b: str
    events: int
    by_type: dict[str, int]
    first_date: date | None
    last_date: date | None
    first_precision: str | None = None  # of the first event's date: "day", "month", "year"
    last_precision: str | None = None


@dataclass
class PartnerRow(Row):
    country: str
    events: int
    by_type: dict[str, int]
    first_date: date | None
    last_date: date | None
    first_precision: str | None = None
    last_precision: str | None = None


@dataclass
class TimelineRow(Row):
    period: str  # "2025-03" by month, "2025" by year
    type: str
    events: int


@dataclass
class DyadYearRow(Row):
    """One unordered country pair in one year, in the spirit of the DCAD dyad-year tables."""

    country_a: str
    country_b: str
    year: int
    events: int
    meeting: int
    agreement: int
    pledge: int
    exercise: int
    training: int
    defence_industry: int
    praise: int
    first_date: date | None
    last_date: date | None


@dataclass
class PlaceRow(Row):
    """A located event, ready for a map marker."""

    event_id: str
    type: str
    status: str
    date_start: date | None
    name: str | None
    countries: list[str]
    place: str | None
    country: str | None
    geonames_id: int | None
    latitude: float
    longitude: float
    geo_level: str | None = None


@dataclass
class SiteRow(Row):
    """A named place (city or facility) at one coordinate with the events placed there."""

    place: str | None
    country: str | None
    latitude: float
    longitude: float
    geo_level: str | None
    events: int
    by_type: dict[str, int]
    only_event_id: str | None  # the event's id when the site has exactly one
    last_date: date | None


@dataclass
class LocationRow(Row):
    """A country events are located in: all of them, and those located only to the country."""

    country: str
    events: int
    only_country: int
    latitude: float | None = None  # a point in the country: the mean of its located events
    longitude: float | None = None


@dataclass
class Placement(Row):
    """How the filtered events are placed: at a site, only to a country, named but not found, not at all."""

    events: int
    at_site: int
    only_country: int
    named_unplaced: int
    unplaced: int


@dataclass
class RelatedEvent(Row):
    """An event linked to another, and how: see detente.query.related."""

    relation: str
    event_id: str
    type: str
    status: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    countries: list[str]
    name: str | None
    evidence: str


@dataclass
class NetworkNode(Row):
    country: str
    events: int


@dataclass
class NetworkEdge(Row):
    country_a: str
    country_b: str
    events: int
    by_type: dict[str, int]


@dataclass
class Network(Row):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


@dataclass
class SearchHit(Row):
    """An article or event matching a full-text query.

    `snippet` is plain text; `snippet_html` is the same text HTML-escaped with the
    matched terms wrapped in <mark>, safe to insert into a page as is.
    """

    kind: str  # "article" | "event"
    id: str  # doc_id or event_id
    title: str | None
    date: date | None
    snippet: str
    snippet_html: str
    score: float


@dataclass
class Stats(Row):
    articles: int
    copies: int
    mentions: int
    events: int
    sources: int
    people: int
    countries: int
    located_events: int
    by_type: dict[str, int]
    by_status: dict[str, int]
    first_date: date | None
    last_date: date | None
    last_ingested_at: str | None
