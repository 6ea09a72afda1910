"""MinHash signatures and LSH banding, small enough to own.

A general library here cost more than half a second of imports (it pulls in scipy)
for every run that resolves anything; the whole job is a few vectorised lines. The
hash functions are fixed by a seed, so signatures are the same in every process.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

PRIME = 4_294_967_311  # the smallest prime above 2**32: (a*x + b) mod PRIME is a universal hash
NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: texts with Jaccard >= 0.8 collide in some band with P > 0.999


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    # a < 2**31 and x < 2**32 keep a*x + b below 2**64: no overflow in uint64.
    a = rng.integers(1, 2**31, size=num_perm, dtype=np.uint64)
    b = rng.integers(0, 2**32, size=num_perm, dtype=np.uint64)
    return a, b


class MinHasher:
    """Signatures of token sets; two signatures agree in a share of rows close to the sets' Jaccard."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = 1) -> None:
        self.num_perm = num_perm
        self._a, self._b = _permutations(num_perm, seed)

    def signature(self, tokens: Iterable[bytes]) -> np.ndarray:
        values = np.fromiter((zlib.crc32(t) for t in tokens), dtype=np.uint64)
        if values.size == 0:
            return np.full(self.num_perm, PRIME, dtype=np.uint64)
        hashed = (np.outer(values, self._a) + self._b) % np.uint64(PRIME)
        return hashed.min(axis=0)


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two sets behind the signatures."""
    return float(np.count_nonzero(first == second)) / len(first)


class BandIndex:
    """Locality-sensitive index: a query returns the keys sharing at least one whole band."""

    def __init__(self, num_perm: int = NUM_PERM, bands: int = BANDS) -> None:
        if num_perm % bands:
            raise ValueError(f"BandIndex: {num_perm} rows do not split into {bands} equal bands")
        self._rows = num_perm // bands
        self._buckets: list[dict[bytes, list[str]]] = [defaultdict(list) for _ in range(bands)]

    def _bands(self, signature: np.ndarray) -> Iterable[tuple[int, bytes]]:
        for band, bucket_key in enumerate(signature.reshape(len(self._buckets), self._rows)):
            yield band, bucket_key.tobytes()

    def query(self, signature: np.ndarray) -> list[str]:
        found: dict[str, None] = {}
        for band, key in self._bands(signature):
            for other in self._buckets[band].get(key, ()):
                found[other] = None
        return list(found)

    def insert(self, key: str, signature: np.ndarray) -> None:
        for band, bucket_key in self._bands(signature):
            self._buckets[band][bucket_key].append(key)


def band_keys(signature: np.ndarray, bands: int = BANDS) -> list[int]:
    """One signed 64-bit key per band (the band's number and rows): texts that share a key share
    a band, so a database index of these keys answers `BandIndex.query`."""
    keys = []
    for band, rows in enumerate(signature.reshape(bands, len(signature) // bands)):
        digest = hashlib.blake2b(band.to_bytes(2, "big") + rows.tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys
