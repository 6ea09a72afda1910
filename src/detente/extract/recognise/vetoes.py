"""Passages that look like events but state none.

Civil instruments and supplies, arms-market rankings, a body's remit or name, editions of
sports championships and questions all carry trigger words; these tests say when they
report no defence-diplomacy happening.
"""

from __future__ import annotations

import re
from functools import lru_cache

from detente.extract.domain import defence_cues, has_security_cue
from detente.extract.lexicon import LexiconPatterns, load_lexicon
from detente.extract.recognise.triggers import Hit

_RULES = LexiconPatterns("recognise", "vetoes")


def civil_only(text: str) -> bool:
    """The passage speaks of civil matters only ("a gas supplier", "tractors for farmers")."""
    return not defence_cues(text) and not has_security_cue(text) and bool(_civil_subjects().search(text))


def civil_subjects_only(text: str, hit: Hit) -> bool:
    """The instrument's subjects, when stated, are civil ones and none is a defence matter; or the
    sentence speaks of civil matters only ("a gas supplier ... signed new supply deals")."""
    if civil_only(text):
        return True
    subjects = _RULES.deal_subjects.match(text, hit.end)
    modifiers = _RULES.modifiers.search(
        text[max(0, hit.start - 60) : hit.start]
    )  # "an economic partnership ..."
    listed = " ".join(m.group(name) for m, name in ((subjects, "subjects"), (modifiers, "words")) if m)
    if not listed:
        return False
    return (
        bool(_civil_subjects().search(listed)) and not defence_cues(listed) and not has_security_cue(listed)
    )


@lru_cache(maxsize=1)
def _civil_subjects() -> re.Pattern[str]:
    return re.compile(r"\b" + load_lexicon("triggers")["types"]["agreement"]["civil_subjects"] + r"\b", re.I)


@lru_cache(maxsize=1)
def market_statistics() -> re.Pattern[str]:
    return re.compile(load_lexicon("triggers")["types"]["defence_industry"]["market_statistics"], re.I)


def edition_of_other_series(text: str, hit: Hit) -> bool:
    if not _RULES.edition_word.fullmatch(hit.text):
        return False
    return bool(_edition_of_series().match(text, hit.end))


@lru_cache(maxsize=1)
def _edition_of_series() -> re.Pattern[str]:
    other_series = load_lexicon("triggers")["types"]["exercise"]["not_an_edition_of"]
    return re.compile(rf"\s+of\s+(?:the\s+|this\s+year['’]s\s+)?(?:[\w-]+\s+){{0,4}}?{other_series}\b", re.I)


def is_question(text: str) -> bool:
    """'Q: Which country signed the deal?': a question states nothing."""
    return bool(_RULES.question.search(text))


def body_remit(text: str, hit: Hit) -> bool:
    """'the agency that oversees the country's arms exports': what a body does, not a deal."""
    return bool(_RULES.role_of_body.search(text[max(0, hit.start - 60) : hit.start]))


def named_body_before(text: str, hit: Hit) -> bool:
    """'the commission on military-technical cooperation': words of a body's name."""
    return bool(_RULES.body_on.search(text[max(0, hit.start - 40) : hit.start]))
