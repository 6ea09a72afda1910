"""Query parameters shared by several endpoints, declared once so the OpenAPI schema agrees everywhere.

The schema states every constraint the endpoints enforce (known country codes, a pair
of two different ones, real dates, text with a word in it), so a request the schema
allows is answered 2xx and the 422s are left to requests it forbids. The checks
themselves stay in `params` and the query layer; these are their description.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import Path, Query

from detente.models import EventType, Status
from detente.query import validate

MAX_PAGE = 500
MAX_OFFSET = 10_000_000  # far past any corpus; keeps SQLite's integers in range

_DATE_BOUND = "ISO date `YYYY-MM-DD`; `YYYY-MM` or `YYYY` mean the {} day of that month or year{}"
COUNTRY_CODE = "#/components/schemas/CountryCode"
#: A character that is neither white space nor a control character: what makes text not blank.
_VISIBLE = r"[^\s\x00-\x1f\x7f-\x9f]"
#: Free text the endpoints strip and refuse when blank or holding NUL.
TEXT_PATTERN = rf"^[^\x00]*{_VISIBLE}[^\x00]*$"
#: Full-text queries also need a word (letters or digits) to search for.
WORDS_PATTERN = r"^[^\x00]*[A-Za-z0-9_][^\x00]*$"
_YEAR = r"(?:\d{3}[1-9]|\d{2}[1-9]\d|\d[1-9]\d{2}|[1-9]\d{3})"  # 0001 to 9999: Python has no year 0
_PERIOD = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": rf"^{_YEAR}$"},
        {"type": "string", "pattern": rf"^{_YEAR}-(?:0[1-9]|1[0-2])$"},
    ]
}


@lru_cache(maxsize=1)
def country_codes() -> list[str]:
    return sorted(validate.country_codes())


def component_schemas() -> dict[str, Any]:
    """Schemas the parameters refer to, for the app to add to the OpenAPI components."""
    return {
        "CountryCode": {
            "type": "string",
            "enum": country_codes(),
            "description": "ISO 3166-1 alpha-3 (lower case is accepted too)",
        }
    }


def _dyad_pattern() -> str:
    """Two different known codes, `A,B` or `A-B`."""
    code = "(?:" + "|".join(country_codes()) + ")"
    return rf"^(?!({code})[,-]\1$){code}[,-]{code}$"


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def text_schema(pattern: str = TEXT_PATTERN, *, optional: bool = False) -> dict[str, Any]:
    """`json_schema_extra` for a free-text parameter."""
    schema = {"type": "string", "minLength": 1, "pattern": pattern}
    return nullable(schema) if optional else schema


Countries = Annotated[
    list[str] | None,
    Query(
        description="ISO 3166-1 alpha-3; repeat (or comma-separate) for events joining all of them",
        examples=["PAK"],
        json_schema_extra=nullable({"type": "array", "items": {"$ref": COUNTRY_CODE}}),
    ),
]
Country = Annotated[
    str | None,
    Query(
        description="ISO 3166-1 alpha-3",
        examples=["PAK"],
        json_schema_extra=nullable({"$ref": COUNTRY_CODE}),
    ),
]
CountryInPath = Annotated[
    str, Path(description="ISO 3166-1 alpha-3", examples=["PAK"], json_schema_extra={"$ref": COUNTRY_CODE})
]
Dyad = Annotated[
    str | None,
    Query(
        description="Two different alpha-3 codes, `A,B` or `A-B`: events between both",
        examples=["PAK,CHN"],
        json_schema_extra=nullable({"type": "string", "pattern": _dyad_pattern()}),
    ),
]
Types = Annotated[list[EventType] | None, Query(description="Event type; repeat for any of several")]
Statuses = Annotated[list[Status] | None, Query(description="Occurred, planned or proposed; repeatable")]


def _period_bound(which: str, note: str, example: str) -> Any:
    """`since` or `until`: a real date, month or year (the schema holds what `validate.day` reads)."""
    return Annotated[
        str | None,
        Query(
            description=_DATE_BOUND.format(which, note),
            examples=[example],
            json_schema_extra=nullable(_PERIOD),
        ),
    ]


Since = _period_bound("first", "; a `since` after `until` matches no event", "2025-01")
Until = _period_bound("last", "", "2025-12-31")
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Most rows to return, 1 to {MAX_PAGE}")]
LONG_PAGE = 500  # rows of a list a map or a table draws at once (places, dyad-years, network ties)
LongLimit = Annotated[int, Query(ge=1, le=LONG_PAGE, description=f"Most rows to return, 1 to {LONG_PAGE}")]
Sort = Annotated[
    str | None,
    Query(
        description=f"Order by one of {', '.join(validate.SORT_KEYS)}; prefix '-' for descending"
        " (default: -date)",
        examples=["-sources"],
        json_schema_extra=nullable({"type": "string", "pattern": rf"^-?(?:{'|'.join(validate.SORT_KEYS)})$"}),
    ),
]
