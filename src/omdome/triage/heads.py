"""Linear classifier heads stored as plain arrays: no pickles, nothing but numpy to load them.

The hashed head lives in ``omdome.text.hashing`` and the dense one in ``omdome.text.dense`` (the draft
check reads them too); they are named here for the triage modules that load them.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from omdome.text.dense import DenseHead, load_head
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


def softmax(logits: np.ndarray) -> np.ndarray:
    if logits.shape[-1] == 1:  # a binary head stores one logit
        p = 1.0 / (1.0 + np.exp(-logits))
        return np.concatenate([1 - p, p], axis=-1)
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)
