"""Request-scoped access to the query layer."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from detente.api.pool import ThreadQueries


def thread_queries(request: Request) -> ThreadQueries:
    """The app's per-thread query objects; call `.current()` inside the endpoint body."""
    queries: ThreadQueries = request.app.state.queries
    return queries


Queries = Annotated[ThreadQueries, Depends(thread_queries)]
