"""Rows to pandas, for notebooks; pandas is imported only when asked for."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from detente.query.rows import Page, Row

if TYPE_CHECKING:
    import pandas


def to_frame(rows: Iterable[Row] | Page[Any]) -> pandas.DataFrame:
    """One column per row field; a Page gives its items. Dates stay `datetime.date` objects."""
    import pandas

    items = rows.items if isinstance(rows, Page) else list(rows)
    records = [_record(row) for row in items]
    if not records:
        return pandas.DataFrame()
    return pandas.DataFrame.from_records(records)


def _record(row: Row) -> dict[str, Any]:
    """Field values kept as Python objects, nested rows as dicts (so dates are not turned into text)."""
    from dataclasses import fields

    record: dict[str, Any] = {}
    for field in fields(row):  # type: ignore[arg-type]
        value = getattr(row, field.name)
        if isinstance(value, list) and value and isinstance(value[0], Row):
            value = [item.to_dict() for item in value]
        elif isinstance(value, Row):
            value = value.to_dict()
        record[field.name] = value
    return record
