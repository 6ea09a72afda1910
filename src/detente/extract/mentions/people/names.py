"""Names and titles in text: the patterns that find a titled person, and name cleaning.

"Tajikistan Defence Minister Colonel General Sobirzoda Emomali Abdulrahim" gives the
office, the rank, the state and the name; institution words, honorifics and state names
around a name are no part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.extract.lexicon import LexiconPatterns, alternation, load_lexicon
from detente.extract.mentions.states import Gazetteer, gazetteer

_NAME_TOKEN = r"[A-Z][\w'’.-]*"

_NAME = rf"{_NAME_TOKEN}(?:\s+(?:bin\s+|bint\s+|al-|Al\s+|de\s+|van\s+|von\s+)?{_NAME_TOKEN}){{0,5}}"

_POSSESSIVE = re.compile(r"['’]s$")
_PEOPLE = LexiconPatterns("mentions", "people")

_RANK_WORDS = frozenset({"General", "Colonel", "Lieutenant", "Admiral", "Marshal", "Brigadier", "Commodore"})

_POLITY = r"(?:(?:Republic|Kingdom|Federation|Sultanate|State|Emirate|Commonwealth)\s+of\s+(?:the\s+)?)?"


@dataclass(frozen=True)
class NamePatterns:
    titled: re.Pattern[str]
    ranked: re.Pattern[str]
    apposition: re.Pattern[str]
    counterpart: re.Pattern[str]
    counterpart_intro: re.Pattern[str]
    delegation: re.Pattern[str]
    org_head: re.Pattern[str]
    honoured: re.Pattern[str]
    description: re.Pattern[str]
    abbreviations: dict[str, str]
    hidden_titles: frozenset[str]
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def name_patterns() -> NamePatterns:
    titles = load_lexicon("titles")
    gaz = gazetteer()
    office = r"(?<![\w-])(?i:" + alternation(titles["offices"], literal=True) + r")(?![\w-])"
    offices = rf"{office}(?:\s+and\s+{office})?"
    rank = (
        r"(?<![\w-])(?:(?i:"  # "Defense Minister retired Gen. Bashir Magashi"
        + alternation(titles["retired_before_rank"], literal=True)
        + r")\s+)?"
        + alternation(titles["ranks"], literal=True)
        + r"(?![\w-])(?:\s*\((?i:retd\.?|retired|r)\))?"  # "Air Vice Marshal (Retd) X"
    )
    qualifier = (
        r"(?<![\w-])"
        + alternation(sorted(set(gaz.countries) | set(gaz.demonyms) | set(gaz.bodies)), literal=True)
        + r"(?![\w-])"
    )
    heads = "(?i:" + alternation(titles["person_heads"] + titles["offices"], literal=True) + ")"
    return NamePatterns(
        titled=re.compile(
            rf"(?:(?P<cq>{qualifier})(?:['’]s)?\s+)?(?P<office>{offices})(?:\s+of\s+(?:the\s+)?{_POLITY}(?P<co>{qualifier}))?"
            rf"(?:\s*\([A-Z]+\))?,?\s+(?:(?P<rank>{rank})\s+)?(?P<name>{_NAME})"
        ),
        ranked=re.compile(rf"(?:(?P<cq>{qualifier})(?:['’]s)?\s+)?(?P<rank>{rank})\s+(?P<name>{_NAME})"),
        apposition=re.compile(
            rf"^,\s+(?:the\s+)?(?:(?P<cq>{qualifier})(?:['’]s)?\s+)?(?P<office>{offices})(?:\s+of\s+(?:the\s+)?{_POLITY}(?P<co>{qualifier}))?"
        ),
        counterpart=re.compile(rf"(?:his|her|their)\s+(?P<cq>{qualifier})\s+counterparts?,?\s*$", re.I),
        org_head=re.compile(
            rf"\b(?P<cq>{qualifier})(?:['’]s)?\s+(?P<office>(?:[A-Z][\w-]*\s+){{1,5}}(?i:chief|commander|head))\s+"
            rf"(?:(?P<rank>{rank})\s+)?(?P<name>{_NAME})"
        ),
        delegation=re.compile(
            rf"\b(?P<cq>{qualifier})\s+(?:[\w-]+\s+){{0,3}}delegation,?\s+(?:led|headed)\s+by\s+"
            rf"(?:(?P<office>{offices})\s+)?(?:(?P<rank>{rank})\s+)?(?P<name>{_NAME})"
        ),
        honoured=re.compile(
            rf"\b(?:His|Her)\s+(?:Excellency|Majesty|Royal Highness|Highness)\s+(?P<name>{_NAME})"
        ),
        counterpart_intro=re.compile(
            rf"\b(?:his|her|their)\s+(?P<cq>{qualifier})\s+counterparts?,?\s+(?P<name>{_NAME})"
        ),
        description=re.compile(
            r"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+|^)(?:(?:visiting|newly appointed|former)\s+)?"
            rf"(?:(?P<cq>{qualifier})(?:['’]s)?\s+)?"
            rf"(?:(?:visiting)\s+)?(?P<head>{heads}(?:\s+of\s+(?i:defen[cs]e))?)(?:\s+of\s+(?:the\s+)?{_POLITY}(?P<co>{qualifier}))?\b"
        ),
        abbreviations=dict(titles["abbreviations"]),
        hidden_titles=frozenset(titles["not_a_title_for_output"]),
        stopwords=frozenset(titles["name_stopwords"]),
    )


def clean_name(raw: str, gaz: Gazetteer, stop: frozenset[str]) -> str:
    tokens = raw.split()
    resets, honorifics = _name_words()
    kept: list[str] = []
    for position, token in enumerate(tokens):
        bare = _POSSESSIVE.sub("", token).rstrip(".,")
        broken = _PEOPLE.break_in_token.split(bare)
        if len(broken) > 1:  # "(Jiji Press)--Japanese": a dateline's agency, then the article's words
            kept, bare = [], broken[-1]
            if not bare:
                continue
        if bare in _RANK_WORDS or (bare in resets and _name_follows(tokens[position + 1 :], gaz, stop)):
            kept = []  # "Armed Forces General Dragan Petrovic": the name starts after the institution
            continue
        if bare in honorifics and not kept:
            continue  # "Dr", "HE", "Sheikh": a form of address
        if kept and bare in _institution_words():
            return ""  # "commander of U.S. Southern Command": an organisation's name, no person
        if (
            bare in stop
            or _state_word(gaz, bare)
            or (bare.isupper() and len(bare) > 1 and len(kept) == 0 and len(tokens) > 2)
        ):
            if kept:
                break
            continue
        kept.append(bare)
        if token != bare and _POSSESSIVE.search(token):
            break
    while kept and (kept[-1] in stop or _state_word(gaz, kept[-1])):
        kept.pop()
    if len(kept) == 1 and kept[0].isupper() and len(kept[0]) > 1:
        return ""  # "Chairman JCSC": an office's initials, no name
    return " ".join(kept)


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    return frozenset(load_lexicon("titles")["institution_words"])


@lru_cache(maxsize=1)
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    titles = load_lexicon("titles")
    return frozenset(titles["name_resets"]), frozenset(titles["honorifics"])


def _name_follows(rest: list[str], gaz: Gazetteer, stop: frozenset[str]) -> bool:
    """Only a later word that can be a name lets an institution word restart the name."""
    resets, honorifics = _name_words()
    for token in rest:
        bare = _POSSESSIVE.sub("", token).rstrip(".,")
        if (
            bare in stop
            or bare in resets
            or bare in honorifics
            or bare in _RANK_WORDS
            or _state_word(gaz, bare)
        ):
            continue
        return True
    return False


def _state_word(gaz: Gazetteer, word: str) -> bool:
    found = gaz.lookup(word)
    return bool(found) and found[1] in ("name", "demonym", "body")


def title_case(office: str) -> str:
    if office.isupper():
        return office
    if office[:1].islower():
        small = {"of", "for", "the", "and"}
        return " ".join(w if w in small else w[:1].upper() + w[1:] for w in office.split())
    return office
