"""Shared tests on single lines of page text, used by the chrome and header readers."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
SHORT_LINE = 250  # chrome lines are short; a paragraph is never one


def compile_rules(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    """Whole-line, case-blind patterns from the data in chrome_rules."""
    return [re.compile(f"(?:{p})", re.I) for p in patterns]


def matches(patterns: list[re.Pattern[str]], line: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.fullmatch(line)
        if match:
            return match
    return None


def bare(line: str) -> str:
    """The line without surrounding space and Markdown marks ("# Title", "*Posted on ...*")."""
    return line.strip().lstrip("#").strip().strip("*_").strip()


def is_short(line: str) -> bool:
    return len(line) <= SHORT_LINE


def is_sentence(line: str) -> bool:
    """Body text: a long line, or a sentence of several words."""
    return len(line) > 200 or (len(line.split()) >= 8 and bool(SENTENCE_END.search(line)))


def active(lines: list[str], keep: list[bool]) -> list[int]:
    """Indices of kept lines that hold text."""
    return [i for i, line in enumerate(lines) if keep[i] and line.strip()]
