"""Versioned lexicon files: the extraction rules live in data, not in code.

Every file in `detente/lexicons/` carries a `"version"` key so a run can record
which rules produced its events; a file without one is refused.
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


def versions() -> dict[str, str]:
    """Versions of the lexicons the extractor uses, for provenance."""
    return {n: str(load_lexicon(n)["version"]) for n in ("countries", "institutions", "titles", "triggers")}


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
