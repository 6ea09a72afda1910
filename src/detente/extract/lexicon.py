"""Versioned lexicon files: the extraction rules live in data, not in code.

Every file in `detente/lexicons/` carries a `"version"` key so a run can record
which rules produced its events; a file without one is refused.

The stage lexicons (`mentions.json`, `recognise.json`, `arguments.json`, `merge.json`,
`records.json`)
hold one section per module, each a set of named regular expressions with the reason
they exist. An entry is either a pattern string or an object:

    "arrival": {"regex": "arrived in|travell?ed to|flew to", "flags": "i",
                "why": "the PLA contingent, which arrived in Sylhet: troops meet nobody"}

`regex` may be a list of strings, joined without separators (a long pattern on several
lines); `flags` holds `i` (ignore case), `m` (multiline) and `s` (dot matches all).
A module reads its section through `LexiconPatterns`, compiled once on first use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicons"


class LexiconError(ValueError):
    """A lexicon file is missing, unreadable or lacks its version."""


@lru_cache(maxsize=16)
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed `lexicons/<name>.json`, checked for its version key."""
    path = resources.files("detente") / "lexicons" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LexiconError(f"lexicon {name}.json cannot be read: {exc}") from exc
    if not isinstance(data, dict) or "version" not in data:
        raise LexiconError(f"lexicon {name}.json has no 'version' key")
    return data


def lexicon_path(name: str) -> Path:
    """Where `lexicons/<name>.json` lives in the installed package."""
    return LEXICON_DIR / f"{name}.json"


EXTRACTION_LEXICONS = (
    "countries",
    "institutions",
    "titles",
    "triggers",
    "mentions",
    "recognise",
    "arguments",
    "merge",
    "records",
)
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}


def versions() -> dict[str, str]:
    """Versions of the lexicons the extractor uses, for provenance."""
    return {n: str(load_lexicon(n)["version"]) for n in EXTRACTION_LEXICONS}


@lru_cache(maxsize=64)
def section_patterns(lexicon: str, section: str) -> dict[str, re.Pattern[str]]:
    """The compiled patterns of one section of `lexicons/<lexicon>.json`, by name."""
    data = load_lexicon(lexicon)
    entries = data.get(section)
    if not isinstance(entries, dict):
        raise LexiconError(f"lexicon {lexicon}.json has no section {section!r}")
    compiled: dict[str, re.Pattern[str]] = {}
    for name, entry in entries.items():
        if name == "about":
            continue
        compiled[name] = compile_entry(entry, f"{lexicon}.json {section}.{name}")
    return compiled


def compile_entry(entry: Any, where: str) -> re.Pattern[str]:
    spec = entry if isinstance(entry, dict) else {"regex": entry}
    regex = spec.get("regex")
    if isinstance(regex, list) and all(isinstance(part, str) for part in regex):
        regex = "".join(regex)
    if not isinstance(regex, str):
        raise LexiconError(f"lexicon {where}: 'regex' must be a string or a list of strings")
    unknown = set(spec.get("flags", "")) - set(_FLAGS)
    if unknown:
        raise LexiconError(f"lexicon {where}: unknown flags {''.join(sorted(unknown))!r} (use i, m, s)")
    flags = 0
    for letter in spec.get("flags", ""):
        flags |= _FLAGS[letter]
    try:
        return re.compile(regex, flags)
    except re.error as exc:
        raise LexiconError(f"lexicon {where}: not a valid regular expression: {exc}") from exc


class LexiconPatterns:
    """A module's patterns from its lexicon section, read as attributes (`RULES.arrival`).

    The section is read and compiled on the first attribute asked for, so importing a
    module never reads a file; afterwards the patterns are plain instance attributes.
    """

    def __init__(self, lexicon: str, section: str) -> None:
        self._lexicon = lexicon
        self._section = section

    def __getattr__(self, name: str) -> re.Pattern[str]:
        if name.startswith("_"):
            raise AttributeError(name)
        compiled = section_patterns(self._lexicon, self._section)
        if name not in compiled:
            raise AttributeError(f"lexicon {self._lexicon}.json section {self._section!r} has no {name!r}")
        self.__dict__.update(compiled)
        return compiled[name]

    def __repr__(self) -> str:
        return f"LexiconPatterns({self._lexicon!r}, {self._section!r})"


def alternation(patterns: list[str], *, literal: bool = False) -> str:
    """One regex group matching any pattern, longest first so 'Major General' beats 'General'."""
    if literal:
        return literal_alternation(patterns)
    items = sorted(patterns, key=len, reverse=True)
    return "(?:" + "|".join(items) + ")"


def literal_alternation(words: Iterable[str]) -> str:
    """One regex group matching any of the words, factored into a trie.

    A flat list of hundreds of names makes the regex engine try each one at every
    position; the trie rejects most positions on their first character. Greedy
    optional tails keep the longest word that fits, as longest-first ordering does.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


def word_regex(patterns: list[str], *, literal: bool = False, flags: int = re.I) -> re.Pattern[str]:
    """A compiled regex for any of the patterns as whole words."""
    return re.compile(r"(?<![\w-])" + alternation(patterns, literal=literal) + r"(?![\w])", flags)
