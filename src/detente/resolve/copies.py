"""Syndicated copies: the same wire story republished by several outlets.

MinHash over word 3-shingles with LSH finds candidate pairs without comparing
every article with every other; a candidate is a copy when the estimated Jaccard
similarity reaches the threshold. Each group of copies points at its original,
the earliest published (ties: smallest doc_id), so the answer does not depend
on input order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from detente.models import Article

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 3
MIN_WORDS = 25  # shorter texts share too few shingles for the estimate to mean anything


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + size]).encode() for i in range(max(len(words) - size + 1, 0))}


def _original_order(article: Article) -> tuple[date, str]:
    return (article.published or date.max, article.doc_id)


def find_copies(articles: Sequence[Article], threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each copy's doc_id to its original's doc_id (originals are not keys)."""
    from datasketch import MinHash, MinHashLSH

    by_id = {a.doc_id: a for a in sorted(articles, key=lambda a: a.doc_id)}
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
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sketches: dict[str, MinHash] = {}
    for doc_id, article in by_id.items():
        if article.hash in by_hash:  # byte-for-byte the same text after folding white space
            union(by_hash[article.hash], doc_id)
            continue
        by_hash[article.hash] = doc_id
        grams = shingles(article.text)
        if len(grams) + SHINGLE_WORDS - 1 < MIN_WORDS:
            continue
        sketch = MinHash(num_perm=NUM_PERM, seed=1)
        sketch.update_batch(sorted(grams))
        for other in lsh.query(sketch):
            if sketch.jaccard(sketches[other]) >= threshold:
                union(other, doc_id)
        lsh.insert(doc_id, sketch)
        sketches[doc_id] = sketch
    groups: dict[str, list[str]] = {}
    for doc_id in by_id:
        groups.setdefault(find(doc_id), []).append(doc_id)
    copies: dict[str, str] = {}
    for members in groups.values():
        original = min(members, key=lambda d: _original_order(by_id[d]))
        copies.update({d: original for d in members if d != original})
    return copies
