"""Reading the dashboard's filter parameters, with a clear message for a wrong value.

Forms submit empty strings for "any", so blanks mean no filter; anything else that
does not parse is a 400 naming the parameter and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any
from urllib.parse import urlencode

from detente.models import EVENT_TYPES, STATUSES
from detente.web.countries import ALPHA3, is_country

PAGE_SIZE = 100


class PageError(Exception):
    """A request the dashboard cannot answer: shown as an error page, or JSON in a twin."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def country_param(value: str | None, name: str = "country") -> str | None:
    code = _blank_to_none(value)
    if code is None:
        return None
    if not ALPHA3.fullmatch(code.upper()):
        raise PageError(400, f"{name}: {value!r} is not an ISO 3166-1 alpha-3 country code (e.g. PAK)")
    return code.upper()


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


@dataclass(frozen=True)
class EventFilters:
    """The filters of an event listing, as the page's form and its URL carry them."""

    country: str | None = None
    dyad: str | None = None
    type: str | None = None
    status: str | None = None
    year: int | None = None
    place: str | None = None
    person: str | None = None
    text: str | None = None
    offset: int = 0

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> EventFilters:
        """The filters in a query string; an unknown parameter is refused, not silently ignored."""
        known = [f.name for f in fields(cls)]
        for name in params:
            if name not in known:
                raise PageError(400, f"{name}: unknown parameter; this page takes {', '.join(known)}")
        return cls(
            country=country_param(params.get("country")),
            dyad=dyad_param(params.get("dyad")),
            type=choice_param(params.get("type"), "type", EVENT_TYPES),
            status=choice_param(params.get("status"), "status", STATUSES),
            year=int_param(params.get("year"), "year", 1900, 2100),
            place=text_param(params.get("place"), "place"),
            person=text_param(params.get("person"), "person"),
            text=text_param(params.get("text"), "text"),
            offset=int_param(params.get("offset"), "offset", 0, 10_000_000) or 0,
        )

    def query_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `Detente.events` (the offset and page size included)."""
        return {
            "countries": [self.country] if self.country else None,
            "dyad": tuple(self.dyad.split("-")) if self.dyad else None,
            "type": self.type,
            "status": self.status,
            "since": date(self.year, 1, 1) if self.year else None,
            "until": date(self.year, 12, 31) if self.year else None,
            "place": self.place,
            "person": self.person,
            "text": self.text,
            "limit": PAGE_SIZE,
            "offset": self.offset,
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def link(self, **changes: Any) -> str:
        """The query string of these filters with some changed: for paging and clearing links."""
        values = {**asdict(self), **changes}
        return urlencode({k: v for k, v in values.items() if v not in (None, "", 0)})
