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
