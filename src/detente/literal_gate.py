"""Which of many big regexes can match a sentence, from one Aho-Corasick pass.

Python's `re` has no fast scan for a long alternation behind a word boundary: it tries
every alternative at every position. Most sentences can match only one or two of the
trigger lexicons, so the literals every match of a pattern must contain (one of "talks",
"meeting", "phone", ...) are read from the compiled pattern, and a pattern runs only on
text holding one of them. The gate is conservative: a pattern with an alternative that
requires no literal always runs, so the matches are exactly those of running every
pattern.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from re import _casefix as sre_casefix  # the engine's extra case equivalences
from re import _constants as sre  # the parsed form of a pattern; stable within Python 3.11
from re import _parser as sre_parse

import ahocorasick

_MAX_FACTOR = 12  # a longer literal gates no better and only grows the automaton
_MIN_FACTOR = 3  # a pattern whose best literal is shorter would open on almost any text
_MAX_SPELLINGS = 4096  # past this many spelled-out strings a pattern simply always runs
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)


def fold(text: str) -> str:
    """Letters as `re.IGNORECASE` compares them: simple lower case, then its extra equivalences.

    "İ" lower-cases to "i" plus a combining dot where the regex engine sees "i", and the
    engine also takes "ı" for "i" and "ſ" for "s" (`re._casefix`): each such class is
    written as one letter, so no text the pattern matches can hide its literal.
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    lowered = lowered.replace("i\u0307", "i")
    if _unusual_cases().search(lowered):  # translating every page letter by letter is slow
        lowered = lowered.translate(_case_classes())
    return lowered


@lru_cache(maxsize=1)
def _unusual_cases() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in _case_classes()) + "]")


@lru_cache(maxsize=1)
def _case_classes() -> dict[int, int]:
    """Each letter the engine treats as another's case to the smallest letter of its class."""
    classes: dict[int, set[int]] = {}
    for letter, others in sre_casefix._EXTRA_CASES.items():
        members = {ord(chr(c).lower()) if len(chr(c).lower()) == 1 else c for c in (letter, *others)}
        for member in list(members):
            members |= classes.get(member, set())
        for member in members:
            classes[member] = members
    return {member: min(members) for member, members in classes.items() if member != min(members)}


def required_factors(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded strings one of which every match contains, or None when no useful set is known."""
    found = _factors(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if found is None:
        return None
    folded = sorted({fold(f)[:_MAX_FACTOR] for f in found}, key=len)
    if len(folded[0]) < _MIN_FACTOR:
        return None
    kept: list[str] = []
    for factor in folded:  # "reaffirmed" is found wherever "affirm" is: keep the shortest
        if not any(shorter in factor for shorter in kept):
            kept.append(factor)
    return frozenset(kept)


_Items = list[tuple[object, object]]


def _factors(items: _Items) -> set[str] | None:
    """The most selective set of literals every match of `items` must contain one of.

    Runs of exactly spelled items ("re" optional, then "affirm") give the strings they
    can spell; an item that is not spelled out (a class, an open repeat) ends a run
    but may still require literals of its own inside.
    """
    best: set[str] | None = None

    def consider(candidates: set[str] | None) -> None:
        nonlocal best
        if not candidates or "" in candidates or len(candidates) > _MAX_SPELLINGS:
            return
        if best is None or _selectivity(candidates) > _selectivity(best):
            best = candidates

    heads = {""}
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        spelled = _spell(op, arg)
        if spelled is not None and len(heads) * len(spelled) <= _MAX_SPELLINGS:
            heads = {head + tail for head in heads for tail in spelled}
            continue
        consider(heads)
        heads = {""}
        if op is sre.SUBPATTERN:
            consider(_factors(list(arg[-1])))  # type: ignore[index]
        elif op is sre.BRANCH:
            branches = [_factors(list(branch)) for branch in arg[1]]  # type: ignore[index]
            if all(branches):
                consider(set().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and arg[0] >= 1:  # type: ignore[index]
            consider(_factors(list(arg[2])))  # type: ignore[index]
    consider(heads)
    return best


def _selectivity(candidates: set[str]) -> tuple[int, int, int]:
    """Rarer first: the shortest of the candidates' longest uncommon words, then length, then count."""
    return (
        min(_rarest_word(c) for c in candidates),
        min(len(c) for c in candidates),
        -len(candidates),
    )


def _rarest_word(text: str) -> int:
    words = re.findall(r"[^\W\d_]+", fold(text))
    return max((len(w) for w in words if w not in _common_words()), default=0)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    data = json.loads(resources.files("detente").joinpath("lexicons", "gate.json").read_text("utf-8"))
    return frozenset(data["common_words"])


def _spell(op: object, arg: object) -> set[str] | None:
    """Every string the item matches, when they are few and fixed; else None."""
    if op is sre.LITERAL:
        return {chr(arg)}  # type: ignore[call-overload]
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in arg) and len(arg) <= 8:  # type: ignore[attr-defined]
        return {chr(code) for _, code in arg}  # type: ignore[attr-defined]
    if op is sre.SUBPATTERN:
        return _spell_sequence(list(arg[-1]))  # type: ignore[index]
    if op is sre.BRANCH:
        spelled: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            one = _spell_sequence(list(branch))
            if one is None:
                return None
            spelled |= one
        return spelled if len(spelled) <= _MAX_SPELLINGS else None
    if op in _REPEATS and arg[1] == 1:  # type: ignore[index]  # "x?" or "x{1}"
        body = _spell_sequence(list(arg[2]))  # type: ignore[index]
        if body is None:
            return None
        return body if arg[0] == 1 else body | {""}  # type: ignore[index]
    if op in _ZERO_WIDTH:
        return {""}
    return None


def _spell_sequence(items: _Items) -> set[str] | None:
    spelled = {""}
    for op, arg in items:
        one = _spell(op, arg)
        if one is None or len(spelled) * len(one) > _MAX_SPELLINGS:
            return None
        spelled = {head + tail for head in spelled for tail in one}
    return spelled


class LiteralGate:
    """For a fixed list of patterns, the indexes of those that may match a text."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self._always: list[int] = []
        self._automaton = ahocorasick.Automaton()
        owners: dict[str, set[int]] = {}
        for index, pattern in enumerate(patterns):
            factors = required_factors(pattern)
            if factors is None:
                self._always.append(index)
                continue
            for factor in factors:
                owners.setdefault(factor, set()).add(index)
        for factor, indexes in owners.items():
            self._automaton.add_word(factor, frozenset(indexes))
        if owners:
            self._automaton.make_automaton()
        self._empty = not owners

    def open(self, text: str) -> set[int]:
        """Indexes of the patterns that can match somewhere in `text`."""
        found = set(self._always)
        if not self._empty:
            for _, indexes in self._automaton.iter(fold(text)):
                found |= indexes
        return found
