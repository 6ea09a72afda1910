"""Turning loose analyst input into checked filter values, or a ValueError naming the input.

The API turns these ValueErrors into 4xx answers, so every message says which
parameter was wrong and why.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from detente.models import EVENT_TYPES, STATUSES

MAX_LIMIT = 10_000
GRANULARITIES = ("month", "year")
# Columns an event listing sorts by; "-key" sorts descending (store.read.events maps them to SQL).
SORT_KEYS = ("date", "type", "status", "countries", "event", "place", "sources")
_EXTRA_CODES = frozenset({"XKX"})  # Kosovo: user-assigned, widely used in event data


@lru_cache(maxsize=1)
def _alpha3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_3 for country in pycountry.countries) | _EXTRA_CODES


def country_codes() -> frozenset[str]:
    """Every code `country` accepts (upper case)."""
    return _alpha3_codes()


def country(value: str, parameter: str = "country") -> str:
    code = str(value).strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or code not in _alpha3_codes():
        raise ValueError(f"{parameter}: {value!r} is not an ISO 3166-1 alpha-3 country code")
    return code


def _items(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in re.split(r"[,;\s]+", value) if part]
    return [str(part) for part in value]


def countries(value: str | Iterable[str] | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(country(code, "countries") for code in _items(value)))


def dyad(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Two different countries, as "PAK-TJK", "PAK,TJK" or a pair."""
    if value is None:
        return ()
    parts = re.split(r"[-,;\s]+", value.strip()) if isinstance(value, str) else [str(v) for v in value]
    codes = tuple(sorted({country(code, "dyad") for code in parts if code}))
    if len(codes) != 2:
        raise ValueError(f"dyad: {value!r} must name exactly two different countries, like 'PAK-TJK'")
    return codes


def choices(value: str | Iterable[str] | None, allowed: tuple[str, ...], parameter: str) -> tuple[str, ...]:
    picked = tuple(dict.fromkeys(item.strip().lower() for item in _items(value)))
    for item in picked:
        if item not in allowed:
            raise ValueError(f"{parameter}: unknown value {item!r}; expected one of {', '.join(allowed)}")
    return picked


def event_types(value: str | Iterable[str] | None) -> tuple[str, ...]:
    return choices(value, EVENT_TYPES, "type")


def statuses(value: str | Iterable[str] | None) -> tuple[str, ...]:
    return choices(value, STATUSES, "status")


def day(value: date | str | None, parameter: str, *, end: bool = False) -> date | None:
    """A date from a date or an ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"; `end` picks the period's last day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1)
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{parameter}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def period(
    since: date | str | None, until: date | str | None, *, allow_empty: bool = False
) -> tuple[date | None, date | None]:
    """The first and last day; a `since` after `until` is refused unless `allow_empty` (then
    it is an empty period, which no event falls in)."""
    first, last = day(since, "since"), day(until, "until", end=True)
    if first and last and first > last and not allow_empty:
        raise ValueError(f"since ({first}) is after until ({last})")
    return first, last


def text(value: str | None, parameter: str) -> str | None:
    if value is None:
        return None
    cleaned = str(value).strip()
    return cleaned or None


def row_offset(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"offset: {value!r} must be a non-negative integer")
    return value


def page(limit: int, offset: int) -> tuple[int, int]:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit: {limit!r} must be an integer from 1 to {MAX_LIMIT}")
    return limit, row_offset(offset)


def granularity(value: str) -> str:
    if value not in GRANULARITIES:
        raise ValueError(f"granularity: {value!r} must be one of {', '.join(GRANULARITIES)}")
    return value


def sort(value: str | None) -> str | None:
    """A sort key (`date`, `-sources`, ...) or None for the default, newest first."""
    if value is None or not str(value).strip():
        return None
    key = str(value).strip().lower()
    if key.lstrip("-") not in SORT_KEYS or key.count("-") > 1:
        options = ", ".join(SORT_KEYS)
        raise ValueError(f"sort: {value!r} is not one of {options} (prefix '-' to sort descending)")
    return key


def places(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """One place or several (any of them); blanks dropped."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(dict.fromkeys(cleaned for item in items if (cleaned := str(item).strip())))


def minimum(value: int, parameter: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{parameter}: {value!r} must be a whole number of at least 1")
    return value
