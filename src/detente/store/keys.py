"""Normalised lookup keys: "Defense Minister" finds "defence minister", "ASIM MUNIR" finds "Asim Munir"."""

from __future__ import annotations

import re
import unicodedata

_SPELLINGS = (("defense", "defence"), ("programme", "program"))


def name_key(name: str) -> str:
    """Case-, accent- and spacing-insensitive form of a person's name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s.]+", " ", plain).strip().casefold()


def title_key(title: str) -> str:
    """Like `name_key`, also folding US/UK spellings and punctuation in office titles."""
    key = re.sub(r"[^\w\s]", " ", name_key(title))
    for variant, canonical in _SPELLINGS:
        key = re.sub(rf"\b{variant}\b", canonical, key)
    return re.sub(r"\s+", " ", key).strip()


def place_key(place: str) -> str:
    """A stored place name as the place filter reads it: `name_key`, its comma-separated
    parts joined by bare commas ("General Headquarters, Rawalpindi" -> "general headquarters,rawalpindi")."""
    return name_key(place).replace(", ", ",").replace(" ,", ",")


def place_query_key(place: str) -> str:
    """A place asked for, in the form `place_key` gives stored names."""
    return re.sub(r"\s*,\s*", ",", name_key(place))


#: `event_places.kind`: a run of the place name's parts, or the GeoNames id (as text).
PLACE_NAME, PLACE_GEONAMES = 0, 1


def place_keys(place: str | None, geonames_id: int | None) -> list[tuple[int, str]]:
    """What the place filter finds an event by (`event_places`): every run of consecutive
    comma-separated parts of its place name (so a city finds "General Headquarters,
    Rawalpindi", and the whole name finds it too), and its GeoNames id."""
    keys: list[tuple[int, str]] = []
    if place is not None:
        parts = place_key(place).split(",")
        runs = {",".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}
        keys.extend((PLACE_NAME, run) for run in sorted(runs))
    if geonames_id is not None:
        keys.append((PLACE_GEONAMES, str(geonames_id)))
    return keys
