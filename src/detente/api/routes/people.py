"""People and the offices they were seen holding."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from detente.api import params
from detente.api import query_fields as fields
from detente.api.deps import Queries
from detente.api.errors import ERROR_RESPONSES, NOT_FOUND, query_rejections
from detente.api.schemas import OfficeHolding, Page, Person, PersonDetail

router = APIRouter(tags=["people"], responses=ERROR_RESPONSES)


@router.get("/people", response_model=Page[Person], summary="People, most active first")
def list_people(
    queries: Queries,
    country: fields.Country = None,
    limit: fields.Limit = 100,
    offset: fields.Offset = 0,
) -> dict[str, Any]:
    code = params.optional_country(country)
    with query_rejections():
        page = queries.current().people(country=code, limit=limit, offset=offset)
    return page.to_dict()


@router.get(
    "/people/{key}",
    response_model=PersonDetail,
    responses=NOT_FOUND,
    summary="One person with their offices and events",
)
def get_person(
    queries: Queries,
    key: Annotated[
        str,
        Path(description="A person id, or any form of their name", json_schema_extra=fields.text_schema()),
    ],
    limit: fields.Limit = 100,
    offset: fields.Offset = 0,
) -> dict[str, Any]:
    """`events` holds the newest `limit` events after `offset`; `event_count` counts them all."""
    name = params.required_text(key, "key", "path")
    with query_rejections("key", "path"):
        person = queries.current().person(name, limit=limit, offset=offset)
    if person is None:
        raise HTTPException(404, f"no person with id or name {key!r}")
    return person.to_dict()


@router.get(
    "/offices",
    response_model=list[OfficeHolding],
    summary="Who was seen holding an office, and when",
)
def list_office_holders(
    queries: Queries,
    title: Annotated[
        str,
        Query(
            description="The office or rank",
            examples=["Chief of Army Staff"],
            json_schema_extra=fields.text_schema(),
        ),
    ],
    country: fields.Country = None,
) -> list[dict[str, Any]]:
    office = params.required_text(title, "title")
    code = params.optional_country(country)
    with query_rejections():
        holdings = queries.current().office(office, code)
    return [holding.to_dict() for holding in holdings]
