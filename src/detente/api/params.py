"""Parsing of the query parameters FastAPI cannot type by itself.

Country codes, dyads and partial ISO dates are checked here so a wrong value
gets a 422 naming the parameter and the reason, before the query layer runs.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from detente.api.errors import bad_parameter

#: Codes in common use that ISO has not assigned (Kosovo), accepted like ISO's own.
USER_ASSIGNED_CODES = frozenset({"XKX"})

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=1)
def _alpha3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_3 for country in pycountry.countries) | USER_ASSIGNED_CODES


def country_code(value: str, parameter: str = "country") -> str:
    """An ISO 3166-1 alpha-3 code, upper-cased; anything else is a 422."""
    code = value.strip().upper()
    if code not in _alpha3_codes():
        raise bad_parameter(parameter, f"{value!r} is not an ISO 3166-1 alpha-3 country code (e.g. PAK)")
    return code


def country_codes(values: list[str] | None, parameter: str = "country") -> list[str] | None:
    """Repeated or comma-separated codes (`country=PAK&country=CHN` or `country=PAK,CHN`)."""
    if not values:
        return None
    codes = [country_code(part, parameter) for value in values for part in value.split(",") if part.strip()]
    if not codes:
        raise bad_parameter(parameter, "give at least one ISO 3166-1 alpha-3 code")
    return list(dict.fromkeys(codes))


def dyad(value: str | None, parameter: str = "dyad") -> tuple[str, str] | None:
    """`A,B`: two different country codes, returned sorted (a dyad has no direction)."""
    if value is None:
        return None
    parts = [part for part in value.split(",") if part.strip()]
    if len(parts) != 2:
        raise bad_parameter(
            parameter, f"{value!r} is not two country codes separated by a comma (e.g. PAK,CHN)"
        )
    first, second = sorted(country_code(part, parameter) for part in parts)
    if first == second:
        raise bad_parameter(parameter, f"{value!r} names the same country twice")
    return first, second


def date_bound(value: str | None, parameter: str, *, end: bool) -> date | None:
    """An ISO date, or a year (`2024`) or month (`2024-05`) read as its first or last day."""
    if value is None:
        return None
    match = _PARTIAL_DATE.fullmatch(value.strip())
    if not match:
        raise bad_parameter(parameter, f"{value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, month, day)
    except ValueError as exc:
        raise bad_parameter(parameter, f"{value!r} is not a valid date: {exc}") from exc


def date_range(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """Both bounds parsed, and refused when `since` falls after `until`."""
    start = date_bound(since, "since", end=False)
    stop = date_bound(until, "until", end=True)
    if start and stop and start > stop:
        raise bad_parameter("since", f"since ({start}) is after until ({stop})")
    return start, stop


def required_text(value: str, parameter: str) -> str:
    """Free-text filters, stripped: an all-blank value is a mistake worth reporting."""
    if not value.strip():
        raise bad_parameter(parameter, "must not be blank")
    if "\x00" in value:
        raise bad_parameter(parameter, "must not contain NUL characters")
    return value.strip()


def optional_text(value: str | None, parameter: str) -> str | None:
    return None if value is None else required_text(value, parameter)


def optional_country(value: str | None, parameter: str = "country") -> str | None:
    return None if value is None else country_code(value, parameter)
