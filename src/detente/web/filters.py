"""Reading the dashboard's filter parameters, with a clear message for a wrong value.

Forms submit empty strings for "any", so blanks mean no filter; anything else that
does not parse is a 400 naming the parameter and the reason. The event filters are
those of /api/events (plus the table's sort and page size), so every table can be
downloaded through the API with the very same selection.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Protocol
from urllib.parse import urlencode

from detente.models import EVENT_TYPES, STATUSES
from detente.query import validate
from detente.web.countries import ALPHA3, is_country

PAGE_SIZE = 100
PAGE_SIZES = (25, 50, 100, 200, 500)
SORTS = validate.SORT_KEYS


class PageError(Exception):
    """A request the dashboard cannot answer: shown as an error page, or JSON in a twin."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


class Params(Protocol):
    """A query string: Starlette's QueryParams, or any mapping (one value per name)."""

    def __iter__(self) -> Any: ...
    def get(self, key: str, default: Any = None) -> Any: ...


def values_of(params: Params | Mapping[str, str], name: str) -> list[str]:
    """Every value sent for `name` (repeated parameters), blanks dropped."""
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist else ([params.get(name)] if params.get(name) is not None else [])
    return [value.strip() for value in raw if value is not None and value.strip()]


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def country_param(value: str | None, name: str = "country") -> str | None:
    code = _blank_to_none(value)
    if code is None:
        return None
    if not ALPHA3.fullmatch(code.upper()) or not is_country(code):
        raise PageError(400, f"{name}: {value!r} is not an ISO 3166-1 alpha-3 country code (e.g. PAK)")
    return code.upper()


def countries_param(values: list[str], name: str = "country") -> tuple[str, ...]:
    """Codes from repeated parameters or one field ("PAK, CHN"); all of them must take part."""
    codes = [part for value in values for part in re.split(r"[,;\s]+", value) if part]
    return tuple(dict.fromkeys(country_param(code, name) or "" for code in codes))


def dyad_param(value: str | None) -> str | None:
    """Two different countries, "PAK-TJK" (any order, case, or a comma or space between), sorted."""
    text = _blank_to_none(value)
    if text is None:
        return None
    codes = [part for part in re.split(r"[-,;\s]+", text.upper()) if part]
    if len(codes) != 2 or not all(ALPHA3.fullmatch(code) for code in codes):
        raise PageError(400, f"dyad: {value!r} must be two alpha-3 country codes joined by '-', like PAK-TJK")
    if codes[0] == codes[1]:
        raise PageError(400, f"dyad: {value!r} names the same country twice")
    for code in codes:
        if not is_country(code):
            raise PageError(400, f"dyad: {value!r}: {code} is not an ISO 3166-1 alpha-3 country code")
    first, second = sorted(codes)
    return f"{first}-{second}"


def choice_param(value: str | None, name: str, allowed: tuple[str, ...]) -> str | None:
    choice = _blank_to_none(value)
    if choice is not None and choice not in allowed:
        raise PageError(400, f"{name}: {value!r} is not one of {', '.join(allowed)}")
    return choice


def choices_param(values: list[str], name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """Any of several values, from repeated parameters or one with commas ("planned,proposed")."""
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(choice_param(part, name, allowed) or "" for part in parts))


def int_param(value: str | None, name: str, low: int, high: int) -> int | None:
    text = _blank_to_none(value)
    if text is None:
        return None
    if not text.isdigit() or not low <= int(text) <= high:
        raise PageError(400, f"{name}: {value!r} is not a whole number from {low} to {high}")
    return int(text)


def text_param(value: str | None, name: str) -> str | None:
    text = _blank_to_none(value)
    if text is not None and ("\x00" in text or len(text) > 200):
        raise PageError(400, f"{name}: must be at most 200 characters with no NUL")
    return text


def date_param(value: str | None, name: str) -> str | None:
    """A bound as typed: YYYY, YYYY-MM or YYYY-MM-DD (a year or month covers all of it)."""
    text = _blank_to_none(value)
    if text is None:
        return None
    try:
        validate.day(text, name)
    except ValueError as exc:
        raise PageError(400, str(exc)) from exc
    return text


def period_params(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    first, last = date_param(since, "since"), date_param(until, "until")
    try:
        validate.period(first, last)
    except ValueError as exc:
        raise PageError(400, str(exc)) from exc
    return first, last


def places_param(values: list[str]) -> tuple[str, ...]:
    """Places from repeated parameters or one field with ';' between them ("Rawalpindi; Islamabad")."""
    places = [part.strip() for value in values for part in value.split(";") if part.strip()]
    for place in places:
        text_param(place, "place")
    return tuple(dict.fromkeys(places))


@dataclass(frozen=True)
class EventFilters:
    """The filters of an event table, as its form and its URL carry them."""

    country: tuple[str, ...] = ()
    dyad: str | None = None
    type: tuple[str, ...] = ()  # any of them
    status: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    place: tuple[str, ...] = ()
    located_in: str | None = None
    person: str | None = None
    text: str | None = None
    sort: str | None = None
    limit: int = PAGE_SIZE
    offset: int = 0

    @classmethod
    def from_params(cls, params: Params | Mapping[str, str]) -> EventFilters:
        """The filters in a query string; an unknown parameter is refused, not silently ignored.

        `year=2025` is kept as a shorthand for since=2025&until=2025.
        """
        known = [f.name for f in fields(cls)] + ["year"]
        for name in params:
            if name not in known:
                raise PageError(400, f"{name}: unknown parameter; this page takes {', '.join(known)}")
        year = int_param(params.get("year"), "year", 1900, 2100)
        since, until = params.get("since"), params.get("until")
        if year and not (_blank_to_none(since) or _blank_to_none(until)):
            since = until = str(year)
        first, last = period_params(since, until)
        sort = _blank_to_none(params.get("sort"))
        if sort is not None and sort.lstrip("-") not in SORTS:
            raise PageError(400, f"sort: {sort!r} is not one of {', '.join(SORTS)} (prefix '-' to reverse)")
        limit = int_param(params.get("limit"), "limit", 1, max(PAGE_SIZES)) or PAGE_SIZE
        return cls(
            country=countries_param(values_of(params, "country")),
            dyad=dyad_param(params.get("dyad")),
            type=choices_param(values_of(params, "type"), "type", EVENT_TYPES),
            status=choices_param(values_of(params, "status"), "status", STATUSES),
            since=first,
            until=last,
            place=places_param(values_of(params, "place")),
            located_in=country_param(params.get("located_in"), "located_in"),
            person=text_param(params.get("person"), "person"),
            text=text_param(params.get("text"), "text"),
            sort=sort,
            limit=limit,
            offset=int_param(params.get("offset"), "offset", 0, 10_000_000) or 0,
        )

    def query_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `Detente.events` (the sort, offset and page size included)."""
        return {
            **self.selection(),
            "sort": self.sort,
            "limit": self.limit,
            "offset": self.offset,
        }

    def selection(self) -> dict[str, Any]:
        """Only what selects events (for aggregates and counts): no sort, no paging."""
        return {
            "countries": list(self.country) or None,
            "dyad": tuple(self.dyad.split("-")) if self.dyad else None,
            "type": list(self.type) or None,
            "status": list(self.status) or None,
            "since": self.since,
            "until": self.until,
            "place": list(self.place) or None,
            "located_in": self.located_in,
            "person": self.person,
            "text": self.text,
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def is_filtered(self) -> bool:
        return any(value for value in self.selection().values())

    def link(self, **changes: Any) -> str:
        """The query string of these filters with some changed: for paging, sorting and clearing."""
        values = replace(self, **changes)
        pairs: list[tuple[str, Any]] = []
        for name, value in asdict(values).items():
            if name == "limit" and value == PAGE_SIZE:
                continue
            if isinstance(value, tuple):
                pairs.extend((name, item) for item in value)
            elif value not in (None, "", 0):
                pairs.append((name, value))
        return urlencode(pairs)

    def sort_link(self, key: str) -> str:
        """Sort by `key`, or reverse it when the table is already sorted by it; back to page one."""
        current = self.sort or "-date"
        target = f"-{key}" if current == key else key
        if key == "date" and current not in ("date", "-date"):
            target = "-date"  # newest first is what a date column is expected to show first
        return self.link(sort=None if target == "-date" else target, offset=0)

    def api_query(self) -> str:
        """The same selection and order for /api/events(.csv|.json|.parquet), in the API's names."""
        pairs: list[tuple[str, str]] = [("country", code) for code in self.country]
        if self.dyad:
            pairs.append(("dyad", self.dyad))
        pairs.extend(("type", value) for value in self.type)
        pairs.extend(("status", value) for value in self.status)
        for name, value in (("since", self.since), ("until", self.until)):
            if value:
                pairs.append((name, value))
        pairs.extend(("place", place) for place in self.place)
        for name, value in (
            ("located_in", self.located_in),
            ("person", self.person),
            ("q", self.text),
            ("sort", self.sort),
        ):
            if value:
                pairs.append((name, value))
        return urlencode(pairs)


AGGREGATE_PARAMETERS = ("since", "until", "type", "status", "country")


def aggregate_filters(params: Params | Mapping[str, str], *extra: str) -> dict[str, Any]:
    """The filters of the drawn pages (map, network): period, type, status and a country taking
    part; `extra` names the page's own parameters, which it reads itself."""
    allowed = (*AGGREGATE_PARAMETERS, *extra)
    for name in params:
        if name not in allowed:
            raise PageError(400, f"{name}: unknown parameter; this page takes {', '.join(allowed)}")
    since, until = period_params(params.get("since"), params.get("until"))
    return {
        "since": since,
        "until": until,
        "type": choice_param(params.get("type"), "type", EVENT_TYPES),
        "status": choice_param(params.get("status"), "status", STATUSES),
        "country": country_param(params.get("country")),
    }


def aggregate_selection(chosen: dict[str, Any]) -> dict[str, Any]:
    """Those filters as keyword arguments for the query layer."""
    return {
        "countries": [chosen["country"]] if chosen["country"] else None,
        "type": chosen["type"],
        "status": chosen["status"],
        "since": chosen["since"],
        "until": chosen["until"],
    }
