"""Writing rows as CSV, JSONL or Parquet, atomically: a failed export leaves no partial file."""

from __future__ import annotations

import csv
import json
import os
import secrets
import stat
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from detente.export.columns import Column

FORMATS = ("csv", "jsonl", "parquet")


def check_format(fmt: str | None, path: Path) -> str:
    """The format asked for, else the one the file name implies; a clear error otherwise."""
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        asked = repr(fmt) if fmt else f"from file name {path.name!r}"
        raise ValueError(f"export format {asked} is not supported; use one of {', '.join(FORMATS)}")
    return chosen


def write(path: Path, fmt: str, columns: tuple[Column, ...], records: Iterable[dict[str, Any]]) -> int:
    """Write every record; returns how many were written."""
    writer: Callable[[Path, tuple[Column, ...], list[dict[str, Any]]], None] = {
        "csv": _write_csv,
        "jsonl": _write_jsonl,
        "parquet": _write_parquet,
    }[fmt]
    rows = list(records)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"cannot export to {path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise IsADirectoryError(f"cannot export to {path}: it is a folder; give a file name")
    temporary = _temporary_beside(path)
    try:
        writer(temporary, columns, rows)
        os.replace(temporary, path)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
    return len(rows)


def _temporary_beside(path: Path) -> Path:
    """A new empty file next to `path`, with the permissions writing `path` directly would give:
    the existing file's, else 0666 less the user's umask (mkstemp's 0600 would hide exports)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    while True:
        candidate = path.parent / f".{path.name}.{secrets.token_hex(6)}"
        try:
            handle = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)  # the umask applies
        except FileExistsError:
            continue
        try:
            if mode is not None:
                os.fchmod(handle, mode)
        finally:
            os.close(handle)
        return candidate


def _csv_value(column: Column, value: Any) -> Any:
    if value is None:
        return ""
    if column.kind == "list":
        return ";".join(value)
    if column.kind == "participants":
        return "; ".join(_participant_text(p) for p in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _participant_text(person: dict[str, Any]) -> str:
    details = ", ".join(part for part in (person.get("title"), person.get("country")) if part)
    return f"{person['name']} ({details})" if details else person["name"]


def _write_csv(path: Path, columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv_rows(handle, columns, rows)


def write_csv_rows(handle: TextIO, columns: tuple[Column, ...], rows: Iterable[dict[str, Any]]) -> int:
    """CSV with the export's conventions (`;`-joined lists, `Name (Title, CTY)`) to an open stream."""
    writer = csv.writer(handle)
    writer.writerow(csv_line(columns))
    count = 0
    for row in rows:
        writer.writerow(csv_line(columns, row))
        count += 1
    return count


def _write_jsonl(path: Path, columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(json_record(columns, row), ensure_ascii=False) + "\n")


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def json_record(columns: tuple[Column, ...], row: dict[str, Any]) -> dict[str, Any]:
    """A row as JSON-ready values in column order (dates as ISO strings)."""
    return {column.name: _json_value(row[column.name]) for column in columns}


def csv_line(columns: tuple[Column, ...], row: dict[str, Any] | None = None) -> list[Any]:
    """A CSV row with the export's conventions; the header when `row` is None."""
    if row is None:
        return [column.name for column in columns]
    return [_csv_value(column, row[column.name]) for column in columns]


def parquet_schema(columns: tuple[Column, ...]) -> Any:
    """The Arrow schema of a table: dates as date32, lists as lists, participants as structs."""
    import pyarrow as pa

    participant = pa.struct(
        [("name", pa.string()), ("title", pa.string()), ("country", pa.string()), ("person_id", pa.string())]
    )
    types = {
        "text": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
        "participants": pa.list_(participant),
    }
    return pa.schema([(column.name, types[column.kind]) for column in columns])


def _write_parquet(path: Path, columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=parquet_schema(columns))
    pq.write_table(table, path)
