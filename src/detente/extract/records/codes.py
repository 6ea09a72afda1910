"""CAMEO and PLOVER codes for an event, as the event-data field expects them.

The contract's type table fixes each type's code family; within a family the
wording picks the code ("phoned" is 041, "hosted" 043, "donated" 072). The table,
the rules and their sources live in `lexicons/codes.json`, so a coder can audit
the mapping without reading Python.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from detente.extract.lexicon import lexicon_path
from detente.models import EVENT_TYPES, Codes

LEXICON_PATH = lexicon_path("codes")


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    cameo: str
    plover_type: str | None  # None: the type's default
    plover_mode: str | None
    sets_mode: bool  # False: the rule leaves the type's default mode


def codes_for(
    event_type: str, text: str = "", participants_count: int = 0, countries_count: int = 0
) -> Codes:
    """Codes for one event of `event_type` stated by `text`.

    A meeting of more than two states gets PLOVER mode "multilateral" unless it
    was held by phone. `participants_count` is part of the extractor's calling
    convention; no code in the current table depends on it.
    """
    table = _table()
    if event_type not in table:
        raise ValueError(
            f"codes_for: unknown event type {event_type!r}; expected one of {', '.join(EVENT_TYPES)}"
        )
    if participants_count < 0 or countries_count < 0:
        raise ValueError(
            "codes_for: counts cannot be negative "
            f"(participants {participants_count}, countries {countries_count})"
        )
    spec = table[event_type]
    codes = Codes(spec["cameo"], spec["plover_type"], spec["plover_context"], spec["plover_mode"])
    rule = next((r for r in spec["rules"] if r.pattern.search(text)), None)
    if rule is not None:
        codes.cameo = rule.cameo
        codes.plover_type = rule.plover_type or codes.plover_type
        if rule.sets_mode:
            codes.plover_mode = rule.plover_mode
    multilateral = _lexicon()["multilateral"]
    if (
        event_type in multilateral["event_types"]
        and countries_count >= multilateral["min_countries"]
        and codes.cameo not in multilateral["unless_cameo"]
    ):
        codes.plover_mode = multilateral["plover_mode"]
    return codes


def cameo_name(code: str) -> str:
    """The codebook's name for a CAMEO code this project emits ("057" -> "Sign formal agreement")."""
    names: dict[str, str] = _lexicon()["cameo_names"]
    if code not in names:
        raise KeyError(f"cameo_name: {code!r} is not a CAMEO code detente emits")
    return names[code]


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    if "version" not in data:
        raise ValueError(f"{LEXICON_PATH}: the codes lexicon has no 'version' key")
    return data


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    """The lexicon's types with compiled rules, checked against the contract and the codebook."""
    lexicon = _lexicon()
    types: dict[str, dict[str, Any]] = lexicon["types"]
    if set(types) != set(EVENT_TYPES):
        raise ValueError(
            f"{LEXICON_PATH}: types {sorted(types)} differ from the contract's {sorted(EVENT_TYPES)}"
        )
    table: dict[str, dict[str, Any]] = {}
    for name, spec in types.items():
        rules = [
            _Rule(
                re.compile(r"\b(?:" + "|".join(rule["patterns"]) + r")\b", re.IGNORECASE),
                rule["cameo"],
                rule.get("plover_type"),
                rule.get("plover_mode"),
                "plover_mode" in rule,
            )
            for rule in spec["rules"]
        ]
        for cameo in [spec["cameo"], *(r.cameo for r in rules)]:
            if cameo not in lexicon["cameo_names"]:
                raise ValueError(
                    f"{LEXICON_PATH}: type {name!r} uses CAMEO {cameo!r}, which has no codebook name"
                )
        table[name] = {**spec, "rules": rules}
    return table
