"""Exports streamed in pieces, for HTTP downloads: memory stays bounded however many rows match.

Each generator takes batches of records (dicts keyed by column name, as
`columns.event_record` makes them) and yields bytes; CSV and JSON go out as they are
produced, Parquet is written batch by batch to a temporary file first (its footer
comes last) and then read out.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from detente.export.columns import Column
from detente.export.writers import csv_line, json_record, parquet_schema

CHUNK = 64 * 1024


def csv_chunks(columns: tuple[Column, ...], batches: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    """The same CSV as `detente export` and `detente events --format csv`, a batch at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(csv_line(columns))
    for batch in batches:
        for row in batch:
            writer.writerow(csv_line(columns, row))
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue().encode("utf-8")


def json_chunks(columns: tuple[Column, ...], batches: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    """One JSON array of records with the export's columns (dates as ISO strings)."""
    yield b"["
    first = True
    for batch in batches:
        pieces = []
        for row in batch:
            pieces.append(
                ("\n" if first else ",\n") + json.dumps(json_record(columns, row), ensure_ascii=False)
            )
            first = False
        if pieces:
            yield "".join(pieces).encode("utf-8")
    yield b"\n]\n"


def parquet_chunks(columns: tuple[Column, ...], batches: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    """A Parquet file with the export's schema, one row group per batch, read out in chunks."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(columns)
    with tempfile.TemporaryFile() as handle:
        with pq.ParquetWriter(handle, schema) as writer:
            for batch in batches:
                if batch:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        handle.seek(0)
        while chunk := handle.read(CHUNK):
            yield chunk
