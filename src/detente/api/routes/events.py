"""Events: the filtered listing and one event with every report of it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path

from detente.api import query_fields as fields
from detente.api.deps import Queries
from detente.api.errors import ERROR_RESPONSES, NOT_FOUND, query_rejections
from detente.api.filters import EventFilters
from detente.api.schemas import Event, EventDetail, Page, RelatedEvent

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)


@router.get("/events", response_model=Page[Event], summary="Events matching every given filter, newest first")
def list_events(
    queries: Queries,
    filters: EventFilters,
    sort: fields.Sort = None,
    limit: fields.Limit = 100,
    offset: fields.Offset = 0,
) -> dict[str, Any]:
    with query_rejections():
        page = queries.current().events(**filters, sort=sort, limit=limit, offset=offset)
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


@router.get(
    "/events/{event_id}/related",
    response_model=list[RelatedEvent],
    responses=NOT_FOUND,
    summary="Events tied to one: its plan or execution, a meeting's outcomes, other editions",
)
def related_events(
    queries: Queries,
    event_id: Annotated[str, Path(description="The event's stable id")],
) -> list[dict[str, Any]]:
    with query_rejections("event_id", "path"):
        query = queries.current()
        if query.event(event_id) is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return [row.to_dict() for row in query.related(event_id)]
