"""Turns query rows into a table, JSON or CSV on standard output."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import fields as dataclass_fields
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

from detente.cli.safe import plain_text


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_flat(v)}" for k, v in value.items() if v not in (None, "", []))
    return str(value)


def field_names(row_type: type) -> tuple[str, ...]:
    """Every field a row type carries, in `to_dict()` order."""
    return tuple(f.name for f in dataclass_fields(row_type))


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    columns: Sequence[str],
    title: str = "",
    fields: Sequence[str] = (),
) -> None:
    """Print rows; the table shows `columns`, JSON and CSV carry every field.

    `fields` names every field of a row so that an empty CSV result still has the
    header a non-empty one would have (scripts read it by column name).
    """
    if fmt is OutputFormat.json:
        json.dump(list(rows), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    if fmt is OutputFormat.csv:
        header = list(rows[0].keys()) if rows else list(fields or columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(v) for k, v in row.items()})
        return
    table = Table(title=plain_text(title) if title else None, show_lines=False, header_style="bold")
    for position, column in enumerate(columns):
        last = position == len(columns) - 1
        # Short fields stay on one line; the last (evidence, snippet) takes what width is left.
        table.add_column(
            column, overflow="fold" if last else "ellipsis", no_wrap=not last, max_width=None if last else 28
        )
    for row in rows:
        table.add_row(*(plain_text(_flat(row.get(column)), keep_newlines=True) for column in columns))
    _console().print(table)


def _console() -> Console:
    """The terminal's width, or a wide page when output goes to a file or a pipe."""
    return Console() if sys.stdout.isatty() else Console(width=200)
