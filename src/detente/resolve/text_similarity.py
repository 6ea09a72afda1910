"""How much two reports say the same thing in words: evidence and its neighbouring sentences.

Outlets reword a story but keep its particular words: "Manda Bay", "Medusa",
"257 Chinese and 583 Cambodian troops". So a report is reduced to its telling
words (no stop words, no words every defence report uses, no names of states,
which the country comparison already weighs), names and numbers count double, and
two reports are compared by weighted Jaccard. The sentence before and after the
evidence come along, because the evidence alone is often a short clause
("Both Ministers agreed to remain in touch.") whose neighbours say which story
it belongs to. Pure functions of the two texts: no corpus statistics, so the
score of a pair never changes when other articles arrive.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from detente.resolve.names import fold
from detente.resolve.rules import merge_rules

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|\d[\d,.]*\d|\d")
SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"(])|\n\s*\n|\n(?=[A-Z])")
CONTEXT_CHARS = 400  # at most this much text either side is read for the neighbouring sentences
NAME_WEIGHT = 2.0  # a capitalised word or a number tells more about the story than a common word

Tokens = Mapping[str, float]


@lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Every word of a state's name (pycountry) or of a name or demonym the extractor's lexicon
    knows (read, never changed)."""
    import pycountry

    path = resources.files("detente") / "lexicons" / "countries.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    surface = [*data.get("aliases", {}), *data.get("demonyms", {})]
    for country in pycountry.countries:
        surface += [getattr(country, key, "") for key in ("name", "common_name", "official_name")]
    return frozenset(w for form in surface for w in re.findall(r"[a-z]+", fold(form))) - {"of", "and"}


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    rules = merge_rules()
    return rules.stop_words | rules.generic_words | _state_words()


def telling_words(text: str) -> dict[str, float]:
    """The words of `text` that can tell one story from another, with their weights."""
    plain = text if text.isascii() else _unaccented(text)
    tokens = WORD.findall(plain)
    keys = [_key(t) for t in WORD.findall(plain.lower())]  # ASCII: lowering moves no token boundary
    named = {k for t, k in zip(tokens, keys, strict=True) if t[0].isupper() or t[0].isdigit()}
    kept = set(keys) - _ignored()
    return {
        w: NAME_WEIGHT if w in named else 1.0
        for w in kept
        if (len(w) >= 3 or w.isdigit()) and not _is_year(w)  # a year is the date, weighed apart
    }


def _key(lowered: str) -> str:
    return lowered.removesuffix("'s").replace(",", "")


def _unaccented(text: str) -> str:
    """Accents off, case kept (so capitals still mark names); curly apostrophes straightened."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore")
    return ascii_text.decode()


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def weighted_jaccard(a: Tokens, b: Tokens, pseudo_words: float = 0.0) -> float:
    """Shared weight over total weight of the two word sets (0 when either is empty).

    `pseudo_words` adds that much unshared weight: two short sentences that share their one
    telling word ("cyber") are then alike only in part, as little evidence warrants."""
    if not a or not b:
        return 0.0
    shared = sum(max(a[w], b[w]) for w in a.keys() & b.keys())
    total = sum(a.values()) + sum(b.values()) - shared
    return shared / (total + pseudo_words) if total else 0.0


def neighbourhood(text: str, start: int | None, evidence: str) -> str:
    """The evidence with the sentence before and the sentence after it, as the article has them.

    The evidence alone when the article does not hold it where the mention says (or at all).
    """
    if not text or not evidence:
        return evidence
    if start is None or text[start : start + len(evidence)] != evidence:
        start = text.find(evidence)
        if start < 0:
            return evidence
    end = start + len(evidence)
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    cuts = [m.end() for m in SENTENCE_END.finditer(left)]
    before = left[cuts[-2] if len(cuts) >= 2 else 0 :] if cuts else left
    ends = [m.start() for m in SENTENCE_END.finditer(right)]
    after = right[: ends[1]] if len(ends) >= 2 else right
    return before + evidence + after


STORY_MARKS = 4  # named words of an article's opening that file it for same-story candidates


@dataclass(frozen=True)
class Opening:
    """What an article's opening says its story is: its telling words, and `marks`, a bottom-k
    sketch of the named ones (two openings that share most of their names share one of these
    with high probability, so blocking can find same-story articles by key)."""

    words: Mapping[str, float]
    marks: frozenset[str]


@lru_cache(maxsize=4096)
def opening_story(opening: str) -> Opening:
    """The story of an article's opening, computed once for the article's many mentions."""
    words = telling_words(opening)
    named = [w for w, weight in words.items() if weight >= NAME_WEIGHT and not w[0].isdigit()]
    return Opening(words, frozenset(sorted(named, key=_stable_hash)[:STORY_MARKS]))


def _stable_hash(word: str) -> bytes:
    return hashlib.blake2b(word.encode(), digest_size=8).digest()
