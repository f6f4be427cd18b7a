"""Hashed character n-gram features and the linear head that reads them.

Shared by the triage model and the draft check's learned passages: a text becomes counts of
hashed character 2–5-grams, words and word pairs; a head is a weight row per hashed feature.
Nothing but numpy is needed to predict.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from zlib import crc32

import numpy as np

N_FEATURES = 2**18
_MASK = N_FEATURES - 1
# Character n-gram sizes. Pairs of letters ("r ", " j") were left out: too common to mean anything,
# they let short plain sentences ("Jag jobbar i kundtjänsten.") add up to a category by chance.
NGRAM_SIZES = (3, 4, 5)
DIGITS = re.compile(r"\d")
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=200_000)
def hash_feature(feature: str) -> int:
    return crc32(feature.encode("utf-8")) & (N_FEATURES - 1)


@lru_cache(maxsize=200_000)
def token_features(token: str) -> tuple[int, ...]:
    """Hashed character 2–5-grams of one token and the token itself as a word.

    Cached: words recur across comments, so bulk runs hash each one once.
    """
    padded = f" {token} ".encode()
    if not padded.isascii():
        return _token_features_unicode(token)
    mask = N_FEATURES - 1
    size = len(padded)
    out = [crc32(padded[i:i + n]) & mask for n in NGRAM_SIZES for i in range(size - n + 1)]
    if token[0].isalnum():
        out.append(crc32(b"w:" + padded[1:-1]) & mask)
    return tuple(out)


def _token_features_unicode(token: str) -> tuple[int, ...]:
    padded = f" {token} "
    size = len(padded)
    grams = [padded[i:i + n] for n in NGRAM_SIZES for i in range(size - n + 1)]
    if token[0].isalnum():
        grams.append("w:" + token)
    mask = N_FEATURES - 1
    return tuple(crc32(g.encode("utf-8")) & mask for g in grams)


def ngram_counts(cleaned: str) -> Counter[int]:
    """Counts of the hashed n-grams, words and word pairs of lower-case ``cleaned`` text (digits as 0)."""
    tokens = TOKEN.findall(cleaned)
    words = [t for t in tokens if t[0].isalnum()]
    # One counting pass over every token's n-grams and the word pairs (Counter counts in C).
    # Word pairs are hashed without the cache: most pairs in a new comment are new.
    return Counter(chain(chain.from_iterable(map(token_features, tokens)),
                         [crc32(f"b:{a} {b}".encode()) & _MASK for a, b in zip(words, words[1:], strict=False)]))


@dataclass(frozen=True)
class HashedHead:
    """Logistic regression over hashed features: weights (N_FEATURES, n_classes), stored sparse."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (N_FEATURES, n_classes) float32
    intercept: np.ndarray  # (n_classes,)

    def logits(self, counts: Counter[int]) -> np.ndarray:
        if not counts:
            return self.intercept.copy()
        index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = np.log1p(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
        values /= np.sqrt(float(values @ values))
        # np.take gathers the rows about three times faster than fancy indexing.
        return values @ np.take(self.weights, index, axis=0) + self.intercept

    def save(self, path: Path) -> None:
        rows = np.flatnonzero(np.any(self.weights != 0, axis=1)).astype(np.int32)
        np.savez_compressed(path, kind="hashed", classes=np.array(self.classes), rows=rows,
                            weights=self.weights[rows].astype(np.float16), intercept=self.intercept)

    @classmethod
    def from_arrays(cls, data: np.lib.npyio.NpzFile) -> HashedHead:
        # A binary head keeps one column of weights for its two classes.
        weights = np.zeros((N_FEATURES, data["weights"].shape[1]), dtype=np.float32)
        weights[data["rows"]] = data["weights"].astype(np.float32)
        return cls(tuple(str(c) for c in data["classes"]), weights, data["intercept"].astype(np.float32))
