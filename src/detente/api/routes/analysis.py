"""Aggregates for analysts: dyads, partners, timelines, places, the network, search, totals."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from detente.api import params
from detente.api import query_fields as fields
from detente.api.deps import Queries
from detente.api.errors import ERROR_RESPONSES, query_rejections
from detente.api.schemas import (
    Dyad,
    DyadYear,
    Network,
    Partner,
    PlaceMarker,
    SearchHit,
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
    granularity: Annotated[Literal["month", "year"], Query(description="Period length")] = "month",
    dyad: fields.Dyad = None,
    country: fields.Country = None,
    type: fields.Types = None,
) -> list[dict[str, Any]]:
    pair = params.dyad(dyad)
    code = params.optional_country(country)
    with query_rejections():
        return _dicts(queries.current().timeline(granularity=granularity, dyad=pair, country=code, type=type))


@router.get("/dyad-years", response_model=list[DyadYear], summary="Country pair by year, counts by type")
def dyad_years(queries: Queries) -> list[dict[str, Any]]:
    return _dicts(queries.current().dyad_years())


@router.get("/places", response_model=list[PlaceMarker], summary="Located events, for a map")
def places(queries: Queries) -> list[dict[str, Any]]:
    return _dicts(queries.current().places())


@router.get("/network", response_model=Network, summary="Countries as nodes, cooperation as edges")
def network(queries: Queries) -> dict[str, Any]:
    return queries.current().network().to_dict()


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
