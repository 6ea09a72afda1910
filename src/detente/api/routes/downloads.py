"""Downloads of every event matching the filters of /api/events, in the export's columns.

The dashboard links them under its events table (`/api/events.csv?dyad=PAK-TJK`), so
an analyst takes away exactly what the filters select, in the table's order. Rows are
read and written a batch at a time, so a download of the whole database stays small
in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from detente.api import query_fields as fields
from detente.api.deps import Queries
from detente.api.errors import ERROR_RESPONSES, query_rejections
from detente.api.filters import EventFilters
from detente.export.columns import EVENT_COLUMNS, Column, event_record
from detente.export.stream import csv_chunks, json_chunks, parquet_chunks
from detente.query import Detente

router = APIRouter(tags=["downloads"], responses=ERROR_RESPONSES)
BATCH = 1000
Writer = Callable[[tuple[Column, ...], Iterable[list[dict[str, Any]]]], Iterator[bytes]]
FORMATS: dict[str, tuple[str, Writer]] = {
    "csv": ("text/csv; charset=utf-8", csv_chunks),
    "json": ("application/json", json_chunks),
    "parquet": ("application/vnd.apache.parquet", parquet_chunks),
}
DESCRIPTION = (
    "Every event matching the filters of /api/events (no paging), in `sort` order, with the columns"
    " of `detente export` (docs/exports.md)."
)


def _batches(query: Detente, ids: list[str]) -> Iterator[list[dict[str, Any]]]:
    for first in range(0, len(ids), BATCH):
        yield [event_record(row) for row in query.event_rows(ids[first : first + BATCH])]


def _download(queries: Queries, filters: dict[str, Any], sort: str | None, fmt: str) -> StreamingResponse:
    query = queries.current()
    with query_rejections():
        ids = query.event_ids(sort=sort, **filters)
    media_type, writer = FORMATS[fmt]
    return StreamingResponse(
        writer(EVENT_COLUMNS, _batches(query, ids)),
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="detente-events.{fmt}"',
            "X-Total-Count": str(len(ids)),
        },
    )


def _route(fmt: str, media_type: str) -> None:
    """GET /events.<fmt>: the same filters as /api/events, the whole selection as one file."""

    def download(queries: Queries, filters: EventFilters, sort: fields.Sort = None) -> StreamingResponse:
        return _download(queries, filters, sort, fmt)

    router.add_api_route(
        f"/events.{fmt}",
        download,
        methods=["GET"],
        name=f"download_events_{fmt}",
        response_class=StreamingResponse,
        responses={200: {"content": {media_type.split(";")[0]: {}}, "description": "The file"}},
        summary=f"Download the filtered events as {LABELS[fmt]}",
        description=DESCRIPTION,
    )


LABELS = {"csv": "CSV", "json": "one JSON array", "parquet": "Parquet"}
for _fmt, (_media_type, _) in FORMATS.items():
    _route(_fmt, _media_type)
