"""Syndicated copies: the same wire story republished by several outlets.

MinHash over word 3-shingles with LSH banding (`minhash.py`) finds candidate pairs without comparing
every article with every other; a candidate is a copy when the estimated Jaccard
similarity reaches the threshold. Each group of copies points at its original,
the earliest published (ties: smallest doc_id), so the answer does not depend
on input order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

import numpy as np

from detente.models import Article
from detente.resolve.matching import MentionView, countries_compatible
from detente.resolve.minhash import BandIndex, MinHasher, similarity

THRESHOLD = 0.8
SHINGLE_WORDS = 3
MIN_WORDS = 25  # shorter texts share too few shingles for the estimate to mean anything
MIN_EVIDENCE_OVERLAP = 0.5  # word Jaccard of two evidence spans stating the same thing


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + size]).encode() for i in range(max(len(words) - size + 1, 0))}


def _original_order(article: Article) -> tuple[date, str]:
    return (article.published or date.max, article.doc_id)


@lru_cache(maxsize=1)
def _hasher() -> MinHasher:
    return MinHasher()


def _grams(article: Article) -> set[bytes] | None:
    """The article's shingles, or None when it is too short to tell copies by."""
    grams = shingles(article.text)
    return grams if len(grams) + SHINGLE_WORDS - 1 >= MIN_WORDS else None


def sketch(article: Article) -> np.ndarray | None:
    """The article's MinHash signature, or None when it is too short to tell copies by."""
    grams = _grams(article)
    return None if grams is None else _hasher().signature(grams)


def is_copy(first: np.ndarray, second: np.ndarray, threshold: float = THRESHOLD) -> bool:
    return similarity(first, second) >= threshold


def original_of(articles: Sequence[Article]) -> str:
    """The doc_id of the group's original: the earliest published, then the smallest doc_id."""
    return min(articles, key=_original_order).doc_id


def find_copies(articles: Sequence[Article], threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each copy's doc_id to its original's doc_id (originals are not keys)."""
    by_id = {a.doc_id: a for a in sorted(articles, key=lambda a: (a.doc_id, a.hash))}
    parent = {doc_id: doc_id for doc_id in by_id}

    def find(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_hash: dict[str, str] = {}
    hasher, index = _hasher(), BandIndex()
    sketches = {}
    for doc_id, article in by_id.items():
        grams = _grams(article)
        if grams is None:
            continue
        if article.hash in by_hash:  # the same text once white space is folded
            union(by_hash[article.hash], doc_id)
            continue
        by_hash[article.hash] = doc_id
        signature = hasher.signature(grams)
        for other in index.query(signature):
            if similarity(signature, sketches[other]) >= threshold:
                union(other, doc_id)
        index.insert(doc_id, signature)
        sketches[doc_id] = signature
    groups: dict[str, list[str]] = {}
    for doc_id in by_id:
        groups.setdefault(find(doc_id), []).append(doc_id)
    copies: dict[str, str] = {}
    for members in groups.values():
        original = min(members, key=lambda d: _original_order(by_id[d]))
        copies.update({d: original for d in members if d != original})
    return copies


def attach_copy_mentions(views: Sequence[MentionView], copies: Mapping[str, str]) -> dict[int, int]:
    """Pair each copy's mention with the original's mention of the same statement.

    Returns copy view index -> original view index. A copy mention with no
    counterpart (the extractor read the copy a little differently) stays unpaired
    and is merged like any other report.
    """
    by_doc: dict[str, list[MentionView]] = defaultdict(list)
    for view in views:
        by_doc[view.doc_id].append(view)
    attached: dict[int, int] = {}
    for copy_doc in sorted(d for d in by_doc if d in copies):
        options = []
        for c in by_doc[copy_doc]:
            for o in by_doc.get(copies[copy_doc], []):
                if c.event.type != o.event.type or c.event.status != o.event.status:
                    continue
                if not countries_compatible(c.countries, o.countries):
                    continue
                union = c.evidence | o.evidence
                similarity = len(c.evidence & o.evidence) / len(union) if union else 1.0
                if similarity >= MIN_EVIDENCE_OVERLAP:
                    options.append((-similarity, c.index, o.index))
        used: set[int] = set()
        for _, c_index, o_index in sorted(options):
            if c_index not in attached and o_index not in used:
                attached[c_index] = o_index
                used.add(o_index)
    return attached
