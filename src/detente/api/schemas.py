"""Response models: the API's published contract, mirrored from the query layer's rows.

They are written out (not generated from the row dataclasses) so the OpenAPI
schema carries descriptions and enums, and so a change in the query layer shows
up as a failing test (`tests/api/test_schemas.py`) instead of a silent change in
what clients receive.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from detente.models import EventType, Precision, Status

T = TypeVar("T")

Alpha3 = Annotated[str, Field(description="ISO 3166-1 alpha-3 country code", examples=["PAK"])]


GEO_LEVEL = Field(
    None,
    description='What the coordinates stand for: "city", "facility" (the city a named facility is in)'
    ' or "country" (its capital: only the country is known); null when not located',
)


FIRST_PRECISION = Field(None, description="Precision of the first date: a year-precise date is only its year")
LAST_PRECISION = Field(None, description="Precision of the last date")


class Schema(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Page(Schema, Generic[T]):
    """One page of a longer result."""

    items: list[T]
    total: int = Field(description="Every match, not only this page's items")
    limit: int
    offset: int


class Participant(Schema):
    name: str = Field(description="The fullest form of the name seen")
    title: str | None = Field(description="Office or rank as reported")
    country: Alpha3 | None
    person_id: str | None = Field(description="Key into /api/people/{id}")


class Event(Schema):
    """One merged event: one real happening, however many outlets reported it."""

    event_id: str = Field(description="Stable id; key into /api/events/{id}")
    type: EventType
    status: Status
    date_start: date | None
    date_end: date | None
    date_precision: Precision
    countries: list[Alpha3] = Field(description="States taking part, sorted")
    name: str | None = Field(description="The event's own name, e.g. an exercise name")
    location_place: str | None
    location_country: Alpha3 | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    topics: list[str]
    participants: list[Participant]
    evidence: str = Field(description="The sentence stating the event, from its first report")
    cameo: str | None = Field(description="CAMEO event code")
    plover_type: str | None
    plover_context: str | None
    plover_mode: str | None
    source_count: int = Field(description="How many articles reported it")
    first_reported: date | None
    geo_level: str | None = GEO_LEVEL


class Source(Schema):
    """One article's report of an event."""

    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    evidence: str
    evidence_start: int | None = Field(description="Offset of the evidence in `text`, when located")
    evidence_end: int | None
    text: str | None = Field(description="The article text (omitted in listings)")
    published_source: Literal["explicit", "inferred", "unknown"] = Field(
        "unknown",
        description="How the publication date was found: stated by the page or its container,"
        " inferred (from the URL or page heuristics), or unknown",
    )
    outlet_name: str | None = Field(
        None, description="The outlet to show: a known outlet for the URL's domain, else the page's metadata"
    )
    outlet_from: Literal["known outlet", "page metadata", "URL domain"] | None = Field(
        None, description="Where `outlet_name` came from"
    )


class EventDetail(Event):
    sources: list[Source] = Field(description="Every article that reported the event, with its evidence")
    related: list[str] = Field(description="Ids of linked events (a plan and its execution)")


class OfficeHolding(Schema):
    """A person seen holding an office between two dates."""

    person_id: str
    name: str
    title: str
    country: Alpha3 | None
    first_seen: date | None
    last_seen: date | None


class Person(Schema):
    person_id: str
    name: str = Field(description="The fullest form of the name seen")
    country: Alpha3 | None
    aliases: list[str] = Field(description="Every other name form the corpus uses")
    event_count: int


class PersonDetail(Person):
    offices: list[OfficeHolding]
    events: list[EventDetail] = Field(description="Events the person took part in (sources without text)")


class Dyad(Schema):
    """An unordered country pair (country_a < country_b) and the events joining them."""

    country_a: Alpha3
    country_b: Alpha3
    events: int
    by_type: dict[str, int]
    first_date: date | None
    last_date: date | None
    first_precision: Precision | None = FIRST_PRECISION
    last_precision: Precision | None = LAST_PRECISION


class Partner(Schema):
    country: Alpha3
    events: int
    by_type: dict[str, int]
    first_date: date | None
    last_date: date | None
    first_precision: Precision | None = FIRST_PRECISION
    last_precision: Precision | None = LAST_PRECISION


class TimelinePoint(Schema):
    period: str = Field(description='"2025-03" by month, "2025" by year')
    type: EventType
    events: int


class DyadYear(Schema):
    """One country pair in one year, by event type (in the spirit of DCAD's dyad-years)."""

    country_a: Alpha3
    country_b: Alpha3
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


class PlaceMarker(Schema):
    """A located event, ready for a map marker."""

    event_id: str
    type: EventType
    status: Status
    date_start: date | None
    name: str | None
    countries: list[Alpha3]
    place: str | None
    country: Alpha3 | None
    geonames_id: int | None
    latitude: float
    longitude: float
    geo_level: str | None = GEO_LEVEL


class Site(Schema):
    """A named place (city or facility) at one coordinate, with the events placed there."""

    place: str | None
    country: Alpha3 | None
    latitude: float
    longitude: float
    geo_level: str | None = GEO_LEVEL
    events: int
    by_type: dict[str, int]
    only_event_id: str | None = Field(description="The event's id when the site has exactly one")
    last_date: date | None


class Location(Schema):
    """A country events are located in."""

    country: Alpha3
    events: int = Field(description="Events located in the country, at a site or only to the country")
    only_country: int = Field(description="Of those, events located only to the country")
    latitude: float | None = Field(None, description="A point in the country: its events' mean latitude")
    longitude: float | None = Field(None, description="and mean longitude")


class Placement(Schema):
    """How the filtered events are placed on a map."""

    events: int
    at_site: int = Field(description="At a city or facility with coordinates")
    only_country: int = Field(description="Only to a country")
    named_unplaced: int = Field(description="At a named place that could not be located")
    unplaced: int = Field(description="With no location at all")


class RelatedEvent(Schema):
    """An event tied to another, and how."""

    relation: Literal["execution", "plan", "outcome", "occasion", "edition", "linked"] = Field(
        description="execution: carried this plan out; plan: planned this event; outcome: agreed,"
        " pledged or signed at this meeting; occasion: the meeting this was agreed at;"
        " edition: another edition of the same named series; linked: linked by the resolver"
    )
    event_id: str
    type: EventType
    status: Status
    date_start: date | None
    date_end: date | None
    date_precision: Precision
    countries: list[Alpha3]
    name: str | None
    evidence: str


class NetworkNode(Schema):
    country: Alpha3
    events: int


class NetworkEdge(Schema):
    country_a: Alpha3
    country_b: Alpha3
    events: int
    by_type: dict[str, int]


class Network(Schema):
    """Countries as nodes, cooperation (events joining two states) as edges."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class SearchHit(Schema):
    kind: Literal["article", "event"]
    id: str = Field(description="doc_id for articles, event_id for events")
    title: str | None
    date: date | None
    snippet: str
    snippet_html: str = Field(description="HTML-escaped snippet with matches in <mark>")
    score: float


class Stats(Schema):
    articles: int
    copies: int = Field(description="Articles that syndicate another stored article")
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
