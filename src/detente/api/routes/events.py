"""Events: the filtered listing and one event with every report of it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from detente.api import params
from detente.api.deps import Queries
from detente.api.errors import ERROR_RESPONSES, NOT_FOUND, query_rejections
from detente.api.schemas import Event, EventDetail, Page
from detente.models import EventType, Status

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)

MAX_PAGE = 500
MAX_OFFSET = 10_000_000  # far past any corpus; keeps SQLite's integers in range

CountryFilter = Annotated[
    list[str] | None,
    Query(
        description="ISO 3166-1 alpha-3; repeat (or comma-separate) for events joining all of them",
        examples=["PAK"],
    ),
]
DyadFilter = Annotated[
    str | None, Query(description="Two alpha-3 codes, `A,B`: events between both", examples=["PAK,CHN"])
]
DateBound = "ISO date `YYYY-MM-DD`; `YYYY-MM` or `YYYY` mean the {} day of that month or year"


@router.get("/events", response_model=Page[Event], summary="Events matching every given filter")
def list_events(
    queries: Queries,
    country: CountryFilter = None,
    dyad: DyadFilter = None,
    type: Annotated[EventType | None, Query(description="Event type")] = None,
    status: Annotated[Status | None, Query(description="Occurred, planned or proposed")] = None,
    since: Annotated[str | None, Query(description=DateBound.format("first"), examples=["2025-01"])] = None,
    until: Annotated[str | None, Query(description=DateBound.format("last"), examples=["2025-12-31"])] = None,
    person: Annotated[str | None, Query(description="A person's id or any form of their name")] = None,
    place: Annotated[str | None, Query(description="A place name")] = None,
    q: Annotated[str | None, Query(description="Full-text search over evidence and articles")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    start, stop = params.date_range(since, until)
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
    with query_rejections("event_id"):
        event = queries.current().event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return event.to_dict()
