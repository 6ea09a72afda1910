"""Aggregates for analysts: dyads, partners, timelines, places, the network, search, totals."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from detente.api import params
from detente.api import query_fields as fields
from detente.api.deps import Queries
from detente.api.errors import ERROR_RESPONSES, query_rejections
from detente.api.filters import EventFilters
from detente.api.schemas import (
    Dyad,
    DyadYear,
    Location,
    Network,
    Partner,
    PlaceMarker,
    Placement,
    SearchHit,
    Site,
    Stats,
    TimelinePoint,
)

router = APIRouter(tags=["analysis"], responses=ERROR_RESPONSES)


def _dicts(rows: list[Any]) -> list[dict[str, Any]]:
    return [row.to_dict() for row in rows]


@router.get("/dyads", response_model=list[Dyad], summary="Country pairs by number of events")
def list_dyads(
    queries: Queries,
    country: fields.Country = None,
    limit: fields.Limit = 50,
) -> list[dict[str, Any]]:
    code = params.optional_country(country)
    with query_rejections():
        return _dicts(queries.current().dyads(country=code, limit=limit))


@router.get("/partners/{country}", response_model=list[Partner], summary="Every state a country worked with")
def list_partners(
    queries: Queries,
    country: fields.CountryInPath,
) -> list[dict[str, Any]]:
    code = params.country_code(country, location="path")
    with query_rejections("country", "path"):
        return _dicts(queries.current().partners(code))


@router.get("/timeline", response_model=list[TimelinePoint], summary="Events per month or year, by type")
def timeline(
    queries: Queries,
    filters: EventFilters,
    granularity: Annotated[Literal["month", "year"], Query(description="Period length")] = "month",
) -> list[dict[str, Any]]:
    """Counts of the events matching the filters of /api/events; events dated less precisely
    than the period (a year, for months) are left out."""
    with query_rejections():
        return _dicts(queries.current().timeline(granularity=granularity, **filters))


@router.get("/dyad-years", response_model=list[DyadYear], summary="Country pair by year, counts by type")
def dyad_years(
    queries: Queries, limit: fields.LongLimit = fields.LONG_PAGE, offset: fields.Offset = 0
) -> list[dict[str, Any]]:
    """In order of pair and year, a page at a time (the export has them all)."""
    with query_rejections():
        return _dicts(queries.current().dyad_years(limit=limit, offset=offset))


@router.get("/places", response_model=list[PlaceMarker], summary="Located events, for a map")
def places(
    queries: Queries, limit: fields.LongLimit = fields.LONG_PAGE, offset: fields.Offset = 0
) -> list[dict[str, Any]]:
    """Newest first, a page at a time."""
    with query_rejections():
        return _dicts(queries.current().places(limit=limit, offset=offset))


@router.get("/sites", response_model=list[Site], summary="Named places with their events, for map markers")
def sites(queries: Queries, filters: EventFilters) -> list[dict[str, Any]]:
    with query_rejections():
        return _dicts(queries.current().sites(**filters))


@router.get(
    "/locations", response_model=list[Location], summary="Countries events took place in, for a choropleth"
)
def locations(queries: Queries, filters: EventFilters) -> list[dict[str, Any]]:
    with query_rejections():
        return _dicts(queries.current().locations(**filters))


@router.get("/placement", response_model=Placement, summary="How many events a map can place, and where")
def placement(queries: Queries, filters: EventFilters) -> dict[str, Any]:
    with query_rejections():
        return queries.current().placement(**filters).to_dict()


@router.get("/network", response_model=Network, summary="Countries as nodes, cooperation as edges")
def network(
    queries: Queries,
    filters: EventFilters,
    min_events: Annotated[int, Query(ge=1, le=1_000_000, description="Leave out ties with fewer events")] = 1,
    limit: Annotated[
        int, Query(ge=1, le=fields.LONG_PAGE, description="Most ties to return, the strongest first")
    ] = fields.LONG_PAGE,
) -> dict[str, Any]:
    """Over the events matching the filters of /api/events (`country=PAK`: PAK's events)."""
    with query_rejections():
        return queries.current().network(min_events=min_events, most_edges=limit, **filters).to_dict()


@router.get("/search", response_model=list[SearchHit], summary="Full-text search over articles and events")
def search(
    queries: Queries,
    q: Annotated[
        str,
        Query(
            description="Words or a quoted phrase (it needs a letter or digit)",
            examples=["joint exercise"],
            json_schema_extra=fields.text_schema(fields.WORDS_PATTERN),
        ),
    ],
    limit: fields.Limit = 20,
) -> list[dict[str, Any]]:
    text = params.required_text(q, "q")
    with query_rejections("q"):
        return _dicts(queries.current().search(text, limit=limit))


@router.get("/stats", response_model=Stats, summary="Totals over the whole database")
def stats(queries: Queries) -> dict[str, Any]:
    return queries.current().stats().to_dict()
