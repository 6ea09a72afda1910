"""The literal gate skips a regex only where it cannot match: the matches stay exactly the same."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.literal_gate import LiteralGate, fold, required_factors

PATTERNS = [
    re.compile(r"(?<![\w-])(?:held\s+talks|met|(?:re)?affirm(?:ed|s)?)(?![\w])", re.I),
    re.compile(r"\b[Tt]alks?\s+(?:on|about)\b"),
    re.compile(r"\b(?:signed|inked)\b[^.]{0,40}\b(?:pact|accord)s?\b", re.I),
    re.compile(r"(?:very\s+)+good|istanbul|kelvin", re.I),
    re.compile(r"\b[A-Z]\w+ Exercise\b"),
    re.compile(r"\b\d{4}\b"),  # no literal at all: always runs
]

WORDS = [
    "held",
    "talks",
    "Talks",
    "met",
    "metal",
    "reaffirmed",
    "AFFIRMS",
    "on",
    "about",
    "signed",
    "inked",
    "the",
    "pact",
    "Accords",
    "very",
    "good",
    "İSTANBUL",
    "ıstanbul",
    "\u212aELVIN",
    "Naval",
    "Exercise",
    "2024",
    "-",
    ".",
    ",",
    "held\u00a0talks",
]


def _matches(patterns: list[re.Pattern[str]], text: str, gate: LiteralGate | None) -> list[list[tuple]]:
    opened = gate.open(text) if gate else set(range(len(patterns)))
    return [
        [(m.start(), m.end()) for m in p.finditer(text)] if i in opened else []
        for i, p in enumerate(patterns)
    ]


def test_factors_are_the_rarest_literal_each_alternative_needs():
    assert required_factors(PATTERNS[0]) == {"talks", "met", "affirm"}
    assert required_factors(PATTERNS[2]) == {"signed", "inked"}
    assert required_factors(re.compile(r"\b(?:agreement|pact)\b[^.]*, which\b")) == {"agreement", "pact"}


def test_a_pattern_with_an_alternative_needing_no_literal_always_runs():
    assert required_factors(PATTERNS[4]) == {" exercise"}
    assert required_factors(PATTERNS[5]) is None
    assert required_factors(re.compile(r"talks|[A-Z]\w+")) is None
    gate = LiteralGate(PATTERNS)
    assert 5 in gate.open("nothing here")
    assert gate.open("nothing here") == {5}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", "  ", "\n", ""]))
def test_gated_matches_equal_every_pattern_run(words, separator):
    text = separator.join(words)
    assert _matches(PATTERNS, text, LiteralGate(PATTERNS)) == _matches(PATTERNS, text, None)


def test_fold_puts_letters_the_engine_equates_together():
    """Every letter a case-insensitive regex takes for another folds to the same letter."""
    for code in range(sys.maxunicode + 1):
        letter = chr(code)
        if letter.upper() == letter.lower() or 0xD800 <= code <= 0xDFFF:
            continue
        for other in {letter.upper(), letter.lower(), letter.title()}:
            if len(other) == 1 and re.fullmatch(re.escape(letter), other, re.I):
                assert fold(letter) == fold(other), (letter, other)


def test_the_special_cases_of_the_engine():
    cases = (("istanbul", "İSTANBUL"), ("istanbul", "ıstanbul"), ("kelvin", "\u212aELVIN"), ("sun", "ſun"))
    for pattern, text in cases:
        assert re.search(pattern, text, re.I)
        assert LiteralGate([re.compile(pattern, re.I)]).open(text) == {0}
