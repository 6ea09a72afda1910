"""The words and shapes publication dates are written in, loaded once from
`lexicons/publication_dates.json` so that a new language or URL habit is one line of data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "publication_dates.json"

ENGLISH_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
ENGLISH_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?"
_ENGLISH_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class UrlDateShape:
    pattern: re.Pattern[str]
    example: str


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]  # other languages' month names
    weekdays: dict[str, int]  # other languages' weekday names, 0 = Monday
    connectors: tuple[str, ...]  # "of", "de": between day, month and year
    url_shapes: tuple[UrlDateShape, ...]
    url_min_year: int
    banner_shapes: tuple[re.Pattern[str], ...]
    today_words: tuple[str, ...]


def _names(section: dict[str, Any]) -> dict[str, int]:
    return {name.casefold(): int(value) for name, value in section.items() if not name.startswith("_")}


@cache
def date_words() -> DateWords:
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    url = data["url_dates"]
    return DateWords(
        months=_names(data["months"]),
        weekdays=_names(data["weekdays"]),
        connectors=tuple(data["date_connectors"]["words"]),
        url_shapes=tuple(
            UrlDateShape(re.compile(shape["pattern"], re.I), shape["example"]) for shape in url["patterns"]
        ),
        url_min_year=int(url["min_year"]),
        banner_shapes=tuple(re.compile(p, re.I) for p in data["banner_dates"]["patterns"]),
        today_words=tuple(data["today_words"]["words"]),
    )


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


@cache
def month_pattern() -> str:
    """Any month name or abbreviation, English or another language's, with an optional full stop."""
    return rf"(?:{ENGLISH_MONTH}|{_alternation(list(date_words().months))})\.?"


@cache
def weekday_pattern() -> str:
    return rf"(?:{ENGLISH_WEEKDAY}|{_alternation(list(date_words().weekdays))})"


@cache
def connector_pattern() -> str:
    return _alternation(list(date_words().connectors))


def month_number(name: str) -> int | None:
    """1-12 for a month name in any listed language ("Sept.", "Juni", "août"); None otherwise."""
    key = name.strip(".").casefold()
    if key in date_words().months:
        return date_words().months[key]
    return _ENGLISH_MONTHS.index(key[:3]) + 1 if key[:3] in _ENGLISH_MONTHS else None


def weekday_number(name: str) -> int | None:
    key = name.strip(".").casefold()
    if key in date_words().weekdays:
        return date_words().weekdays[key]
    return _ENGLISH_WEEKDAYS.index(key[:3]) if key[:3] in _ENGLISH_WEEKDAYS else None
