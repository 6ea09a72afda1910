"""The date lexicon (`lexicons/dates.json`): month and weekday names, relative phrases, tense cues."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from detente.extract.lexicon import lexicon_path, literal_alternation

LEXICON_PATH = lexicon_path("dates")


@lru_cache(maxsize=1)
def date_words() -> dict[str, Any]:
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        data = json.load(handle)
    if "version" not in data:
        raise ValueError(f"{LEXICON_PATH}: the date lexicon has no 'version' key")
    return data


def any_word(words: list[str]) -> str:
    """Any of the words, case folded (the patterns are compiled case-insensitive)."""
    return literal_alternation(sorted({w.lower() for w in words}))


@lru_cache(maxsize=1)
def full_month_names() -> frozenset[str]:
    months: dict[str, int] = date_words()["months"]
    return frozenset(max((k for k in months if months[k] == n), key=len) for n in set(months.values()))


def full_weekdays() -> str:
    return "|".join(w for w in date_words()["weekdays"] if w.endswith("day"))


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return frozenset(date_words()["reporting_verbs"])


@lru_cache(maxsize=1)
def tense_cues() -> dict[str, re.Pattern[str]]:
    lex = date_words()
    return {
        "month_context": re.compile(rf"\b(?:{any_word(lex['month_context_words'])})\s+$", re.IGNORECASE),
        "future": re.compile(
            rf"(?:\b|(?='))(?:{any_word(lex['future_modals'])})(?:\s+(?:not|be|have|been))*\s+[a-z]+\b"
            rf"|\b(?:{any_word(lex['future_cues'])})\b",
            re.IGNORECASE,
        ),
        "past": re.compile(rf"\b(?:{any_word(lex['past_cues'])})\b", re.IGNORECASE),
        "past_participle": re.compile(r"\b[a-z]{3,}ed\b"),  # lower case: not "United", "Ahmed"
    }
