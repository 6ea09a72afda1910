"""Loads the screen's word lists from the versioned data file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class ScreenLexicon:
    version: str
    defence: frozenset[str]
    weak_defence: frozenset[str]  # need a second defence word to count
    cooperation: frozenset[str]
    states: frozenset[str]  # country names, aliases and demonyms, lower-case
    acronyms: frozenset[str]  # matched case-sensitively


def _country_names() -> set[str]:
    """Every country's short and common name from pycountry, lower-cased."""
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.add(value.lower())
    return names


def load_screen_lexicon() -> ScreenLexicon:
    raw = json.loads(resources.files("detente.lexicons").joinpath("screen.json").read_text("utf-8"))
    states = _country_names() | set(raw["demonyms"]) | set(raw["country_aliases"])
    return ScreenLexicon(
        version=raw["version"],
        defence=frozenset(raw["defence"]),
        weak_defence=frozenset(raw.get("weak_defence", ())),
        cooperation=frozenset(raw["cooperation"]),
        states=frozenset(states),
        acronyms=frozenset(raw["acronyms"]),
    )
