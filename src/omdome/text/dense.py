"""Logistic-regression heads over a sentence embedding, stored as plain arrays (no pickles).

Triage stacks one on its character model; the draft check's model of meaning reads several.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from omdome.text.hashing import HashedHead


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
