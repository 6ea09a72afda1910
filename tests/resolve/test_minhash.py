"""The MinHash estimate tracks real Jaccard similarity, and banding finds near copies."""

from __future__ import annotations

import numpy as np
import pytest

from detente.resolve.minhash import BandIndex, MinHasher, similarity


def tokens(start: int, stop: int) -> set[bytes]:
    return {f"token {i}".encode() for i in range(start, stop)}


def test_identical_sets_have_identical_signatures_in_every_process() -> None:
    first, second = MinHasher().signature(tokens(0, 300)), MinHasher().signature(tokens(0, 300))
    assert similarity(first, second) == 1.0
    assert np.array_equal(first, second)


@pytest.mark.parametrize(("overlap", "expected"), [(0, 0.0), (100, 0.2), (200, 0.5), (300, 1.0)])
def test_estimate_is_close_to_the_true_jaccard(overlap: int, expected: float) -> None:
    hasher = MinHasher()
    first = hasher.signature(tokens(0, 300))
    second = hasher.signature(tokens(300 - overlap, 600 - overlap))  # Jaccard overlap / (600 - overlap)
    assert similarity(first, second) == pytest.approx(expected, abs=0.12)


def test_empty_set_matches_nothing_real() -> None:
    hasher = MinHasher()
    assert similarity(hasher.signature([]), hasher.signature(tokens(0, 50))) == 0.0


def test_band_index_returns_near_copies_and_not_unrelated_texts() -> None:
    hasher, index = MinHasher(), BandIndex()
    index.insert("original", hasher.signature(tokens(0, 400)))
    index.insert("unrelated", hasher.signature(tokens(1000, 1400)))
    near_copy = hasher.signature(tokens(5, 405))  # Jaccard 395/405
    assert index.query(near_copy) == ["original"]


def test_band_count_must_divide_the_signature() -> None:
    with pytest.raises(ValueError, match="equal bands"):
        BandIndex(num_perm=128, bands=30)
