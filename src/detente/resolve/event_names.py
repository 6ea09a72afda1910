"""Event names as a series and an edition: "Dustlik-2023", "the 18th Surya Kiran", "Dosti-II".

Two reports name one happening by one series and, when both give it, one
edition; "Falcon Claws" and "Falcon Claws 4" can be one exercise, "Dosti-I" and
"Dosti-II" never are. An edition that is a year also ties the name to a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.resolve.names import fold
from detente.resolve.rules import merge_rules

ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class EventName:
    series: frozenset[str]  # the words that name the series, filler words left out
    edition: int | None  # the number of the edition, when the name gives one
    year: int | None  # a year written in the name ("Dustlik-2023")

    @property
    def key(self) -> str:
        return " ".join(sorted(self.series))


@lru_cache(maxsize=65536)
def parse_event_name(raw: str | None) -> EventName | None:
    """The series and edition of a name; None for no name or a name of filler words only."""
    if not raw:
        return None
    rules = merge_rules()
    tokens = re.findall(r"[a-z0-9]+", fold(raw))
    series: set[str] = set()
    edition = year = None
    for token in tokens:
        ordinal = ORDINAL.match(token)
        if YEAR.match(token):
            year = int(token)
        elif token.isdigit():
            edition = int(token)
        elif ordinal:
            edition = int(ordinal.group(1))
        elif token in rules.edition_words and (token not in {"i", "v", "x"} or len(tokens) > 1):
            edition = rules.edition_words[token]
        elif token not in rules.series_filler:
            series.add(token)
    if not series:
        return None
    return EventName(frozenset(series), edition, year)


def same_series(a: EventName, b: EventName) -> bool:
    """One series: the same words, or all of the shorter name's words in the longer one."""
    small, large = sorted((a.series, b.series), key=len)
    return small <= large


def editions_differ(a: EventName, b: EventName) -> bool:
    """Both names give an edition (a number or a year) and they are not the same."""
    return (a.edition is not None and b.edition is not None and a.edition != b.edition) or (
        a.year is not None and b.year is not None and a.year != b.year
    )


def same_name(a: EventName, b: EventName) -> bool:
    """The same series words and the same edition marks (or none on both sides)."""
    return a.series == b.series and a.edition == b.edition and a.year == b.year
