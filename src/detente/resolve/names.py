"""Person-name normalisation: ranks off, accents folded, tokens comparable.

News writes one person as "Field Marshal Syed Asim Munir", "COAS Asim Munir" or
"Asim Munir"; the registry needs one comparable key for all of them, and the
ranks it strips are kept because they are offices the person held.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Words that open a name as a rank, office or honorific, never as a given name.
_TITLE_TEXT = """
    field marshal general gen colonel col lieutenant lt lieut major maj brigadier brig
    admiral adm vice rear air chief commodore captain capt commander cdr cmdr sergeant sgt
    marshall wing squadron flight officer corporal cpl private pte staff
    dr mr mrs ms miss prof professor sir his her excellency he hon honourable honorable
    president vice-president prime minister premier deputy foreign defence defense interior
    secretary chairman chairperson coas cjcsc cgs cns cas ambassador envoy senator governor
    king queen prince emir sheikh crown mullah of the army navy naval forces armed joint chiefs
"""
TITLE_WORDS = frozenset(_TITLE_TEXT.split())
# Name particles that outlets drop freely ("Syed Asim Munir" = "Asim Munir").
DROPPABLE_PARTICLES = frozenset({"syed", "sayyid", "sayed", "seyed", "seyyed", "hafiz", "haji", "hajji"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "retd", "rtd"})  # "Gilberto Teodoro Jr.": Teodoro
MAX_PREFIX_WORDS = 2  # non-title words allowed before a title ("Pakistan's", "Tajik")


@dataclass(frozen=True)
class ParsedName:
    """A person name split into the rank that opened it and the bare name."""

    rank: str | None  # "Field Marshal", as written; None when the name opened with no rank
    display: str  # "Syed Asim Munir": the name without rank, spelling kept
    key: tuple[str, ...]  # ("asim", "munir"): folded tokens without particles


def fold(text: str) -> str:
    """Lower-case ASCII with accents removed, so "Gharaeï" and "Gharaei" compare equal."""
    if text.isascii():  # nothing to decompose or drop (geocoding folds hundreds of thousands of names)
        return text.lower()
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ascii_text.casefold()


def _is_title_token(token: str) -> bool:
    parts = [p for p in re.split(r"[-.]", fold(token)) if p]
    return bool(parts) and all(p in TITLE_WORDS for p in parts)


@lru_cache(maxsize=65536)
def parse_name(raw: str) -> ParsedName:
    """Split leading ranks/honorifics off a name and build its comparison key."""
    tokens = raw.split()
    titles = [_is_title_token(t) for t in tokens]
    cut = 0
    while cut < len(tokens) and titles[cut]:
        cut += 1
    # "Tajik President Emomali Rahmon": a short country word may precede the title.
    for i in range(len(tokens) - 3, cut - 1, -1):
        if titles[i] and titles[: i + 1].count(False) <= MAX_PREFIX_WORDS:
            cut = i + 1
            break
    rank = " ".join(t for t, is_title in zip(tokens[:cut], titles, strict=False) if is_title) or None
    display = " ".join(tokens[cut:]).strip(" ,;")
    words = re.sub(r"[^a-z0-9 ]+", " ", fold(display).replace("-", " ")).split()
    key = tuple(w for w in words if len(w) > 1 and w not in DROPPABLE_PARTICLES)
    while len(key) > 1 and key[-1] in NAME_SUFFIXES:
        key = key[:-1]
    return ParsedName(rank=rank, display=display, key=key)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance; names are short, so the quadratic table is cheap."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def surnames_close(a: str, b: str) -> bool:
    """A truncated or one-letter-off spelling of the same surname ("Rahm" for "Rahmon")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    return min(len(a), len(b)) >= 5 and edit_distance(a, b) <= 1


def same_person_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two multi-token name keys can name one person (country checked elsewhere).

    Subset forms ("asim munir" in "syed asim munir", surname-first Central Asian order
    included) and a misspelt surname behind the same given name match; a shared
    surname behind different given names does not.
    """
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2:
        return False
    short, long_ = sorted((a, b), key=len)
    if set(short) <= set(long_) and short[-1] in (long_[-1], long_[0]):
        return True
    if a[0] != b[0] or not surnames_close(a[-1], b[-1]):
        return False
    middle_a, middle_b = set(a[1:-1]), set(b[1:-1])
    return middle_a <= middle_b or middle_b <= middle_a
