"""Query parameters shared by several endpoints, declared once so the OpenAPI schema agrees everywhere."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from detente.models import EventType, Status
from detente.query.validate import SORT_KEYS

MAX_PAGE = 500
MAX_OFFSET = 10_000_000  # far past any corpus; keeps SQLite's integers in range

_DATE_BOUND = "ISO date `YYYY-MM-DD`; `YYYY-MM` or `YYYY` mean the {} day of that month or year"

Countries = Annotated[
    list[str] | None,
    Query(
        description="ISO 3166-1 alpha-3; repeat (or comma-separate) for events joining all of them",
        examples=["PAK"],
    ),
]
Country = Annotated[str | None, Query(description="ISO 3166-1 alpha-3", examples=["PAK"])]
Dyad = Annotated[
    str | None,
    Query(description="Two alpha-3 codes, `A,B` or `A-B`: events between both", examples=["PAK,CHN"]),
]
Types = Annotated[list[EventType] | None, Query(description="Event type; repeat for any of several")]
Statuses = Annotated[list[Status] | None, Query(description="Occurred, planned or proposed; repeatable")]
Since = Annotated[str | None, Query(description=_DATE_BOUND.format("first"), examples=["2025-01"])]
Until = Annotated[str | None, Query(description=_DATE_BOUND.format("last"), examples=["2025-12-31"])]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Most rows to return, 1 to {MAX_PAGE}")]
Sort = Annotated[
    str | None,
    Query(
        description=f"Order by one of {', '.join(SORT_KEYS)}; prefix '-' for descending (default: -date)",
        examples=["-sources"],
    ),
]
