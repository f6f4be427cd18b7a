"""Linear classifier heads stored as plain arrays: no pickles, nothing but numpy to load them.

The hashed head lives in ``omdome.text.hashing`` (the draft check reads it too); it is named here
for the triage modules that load it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from omdome.text.hashing import HashedHead

__all__ = ["DenseHead", "HashedHead", "StackedHeads", "load_head", "softmax"]


class StackedHeads:
    """Several hashed heads read with one gather of feature rows (the hot path reads all three)."""

    def __init__(self, heads: list[HashedHead]):
        self.heads = heads
        self.weights = np.hstack([h.weights for h in heads])
        self.intercept = np.concatenate([h.intercept for h in heads])
        bounds = np.cumsum([0] + [h.weights.shape[1] for h in heads])
        self.slices = [slice(a, b) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]

    def logits(self, counts: Counter[int]) -> list[np.ndarray]:
        both = HashedHead((), self.weights, self.intercept).logits(counts)
        return [both[s] for s in self.slices]


@dataclass(frozen=True)
class DenseHead:
    """Logistic regression over a sentence embedding (the optional, slower path)."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (dim, n_classes)
    intercept: np.ndarray

    def logits(self, vector: np.ndarray) -> np.ndarray:
        return vector @ self.weights + self.intercept

    def save(self, path: Path) -> None:
        np.savez_compressed(path, kind="dense", classes=np.array(self.classes),
                            weights=self.weights.astype(np.float32), intercept=self.intercept)

    @classmethod
    def from_arrays(cls, data: np.lib.npyio.NpzFile) -> DenseHead:
        return cls(tuple(str(c) for c in data["classes"]), data["weights"].astype(np.float32),
                   data["intercept"].astype(np.float32))


def load_head(path: Path) -> HashedHead | DenseHead:
    with np.load(path, allow_pickle=False) as data:
        kind = str(data["kind"])
        return HashedHead.from_arrays(data) if kind == "hashed" else DenseHead.from_arrays(data)


def softmax(logits: np.ndarray) -> np.ndarray:
    if logits.shape[-1] == 1:  # a binary head stores one logit
        p = 1.0 / (1.0 + np.exp(-logits))
        return np.concatenate([1 - p, p], axis=-1)
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)
