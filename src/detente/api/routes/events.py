"""Events: the filtered listing and one event with every report of it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from detente.api import params
from detente.api import query_fields as fields
from detente.api.deps import Queries
from detente.api.errors import ERROR_RESPONSES, NOT_FOUND, query_rejections
from detente.api.schemas import Event, EventDetail, Page

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)


@router.get("/events", response_model=Page[Event], summary="Events matching every given filter, newest first")
def list_events(
    queries: Queries,
    country: fields.Countries = None,
    dyad: fields.Dyad = None,
    type: fields.Types = None,
    status: fields.Statuses = None,
    since: fields.Since = None,
    until: fields.Until = None,
    person: Annotated[
        str | None,
        Query(
            description="A person's id, any form of their name, or one word of it (a surname)",
            json_schema_extra=fields.text_schema(optional=True),
        ),
    ] = None,
    place: Annotated[
        str | None,
        Query(
            description="A place name (a city also finds the facilities in it) or GeoNames id",
            json_schema_extra=fields.text_schema(optional=True),
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description="Full text: every word in the evidence or name (it needs a letter or digit)",
            json_schema_extra=fields.text_schema(fields.WORDS_PATTERN, optional=True),
        ),
    ] = None,
    limit: fields.Limit = 100,
    offset: fields.Offset = 0,
) -> dict[str, Any]:
    start, stop = params.date_range(since, until)
    if start and stop and start > stop:  # an empty period: no event falls in it
        return {"items": [], "total": 0, "limit": limit, "offset": offset}
    filters = {
        "countries": params.country_codes(country),
        "dyad": params.dyad(dyad),
        "type": type,
        "status": status,
        "since": start,
        "until": stop,
        "person": params.optional_text(person, "person"),
        "place": params.optional_text(place, "place"),
        "text": params.optional_text(q, "q"),
    }
    with query_rejections():
        page = queries.current().events(**filters, limit=limit, offset=offset)
    return page.to_dict()


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    responses=NOT_FOUND,
    summary="One event with its sources, evidence, codes and related events",
)
def get_event(
    queries: Queries,
    event_id: Annotated[str, Path(description="The event's stable id")],
) -> dict[str, Any]:
    with query_rejections("event_id", "path"):
        event = queries.current().event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return event.to_dict()
