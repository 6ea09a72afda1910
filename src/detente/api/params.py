"""Query parameters checked before the query layer runs, each failure a 422 naming the parameter.

The checks themselves are the query layer's (`detente.query.validate`), so the
API, the CLI and notebooks accept exactly the same values; this module only
attaches the API's own parameter name to each refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from detente.api.errors import NAMED_REASON, bad_parameter, refusal
from detente.query import validate

T = TypeVar("T")


def _checked(parameter: str, check: Callable[[], T], location: str = "query") -> T:
    try:
        return check()
    except ValueError as exc:
        raise refusal(exc, parameter, location) from exc


def country_code(value: str, parameter: str = "country", location: str = "query") -> str:
    """An ISO 3166-1 alpha-3 code, upper-cased."""
    return _checked(parameter, lambda: validate.country(value, parameter), location)


def optional_country(value: str | None, parameter: str = "country") -> str | None:
    return None if value is None else country_code(value, parameter)


def country_codes(values: list[str] | None, parameter: str = "country") -> list[str] | None:
    """Repeated or comma-separated codes (`country=PAK&country=CHN` or `country=PAK,CHN`)."""
    if not values:
        return None
    parts = [part for value in values for part in value.split(",")]
    codes = [country_code(part, parameter) for part in parts if part.strip()]
    if not codes:
        raise bad_parameter(parameter, "give at least one ISO 3166-1 alpha-3 code")
    return list(dict.fromkeys(codes))


def dyad(value: str | None, parameter: str = "dyad") -> tuple[str, ...] | None:
    """Two different countries, `A,B` or `A-B`, in sorted order (a dyad has no direction)."""
    if value is None:
        return None
    return _checked(parameter, lambda: validate.dyad(value))


def date_range(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """ISO dates; a year or month means its first day for `since` and its last for `until`.

    A `since` after `until` is returned as it is: an empty period, which no event falls in
    (each bound is valid, so the request is too).
    """
    try:
        return validate.day(since, "since"), validate.day(until, "until", end=True)
    except ValueError as exc:
        named = NAMED_REASON.fullmatch(str(exc))
        raise refusal(exc, None if named else "since") from exc


def required_text(value: str, parameter: str, location: str = "query") -> str:
    """Free text, stripped: an all-blank value is a mistake worth reporting."""
    if not value.strip():
        raise bad_parameter(parameter, "must not be blank", location)
    if "\x00" in value:
        raise bad_parameter(parameter, "must not contain NUL characters", location)
    return value.strip()


def optional_text(value: str | None, parameter: str) -> str | None:
    return None if value is None else required_text(value, parameter)
