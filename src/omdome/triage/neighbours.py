"""Nearest-neighbour voting over the embedded training comments (the default path only).

The embedding head draws one straight boundary per category through the embedding space. A
comment in a voice the training data holds only a few of is often judged better by the training
comments closest to it: "Lekplatsen används flitigt av barnen" sits among questions and praise,
whatever side of a boundary it falls on. ``neighbours.npz`` keeps every training comment's sentence
embedding (int8 with one scale per row: a quarter of the float32 size) and
its category; the vote's log-probabilities are blended with the heads' (``model.json``,
``neighbours``).

The same file votes on threats: every row also says whether a moderator must report that comment
(1), must not (0) or was not told (-1), and rows after the first ``category_rows`` are the comments
that train the threat head alone (half of them threats: they would skew the category vote). A veiled
threat in polite words ("Handläggaren parkerar sin röda Golf vid simhallen varje morgon. Det vore
tråkigt om något hände med den.") sits among other veiled threats in the embedding space, while the
threat heads, drawing one straight boundary, may take it for the complaint or question it looks like.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

# Chosen on the seen blind sets (2026-12 to 2026-12h and 2026-12j), never on a set still blind: mean
# macro-F1 of the default path rose from 0.900 to 0.910 at these values, and by 0.005 to 0.010 at
# every k from 5 to 20 and weight from 0.2 to 0.4 tried.
K = 10
WEIGHT = 0.3
TEMPERATURE = 0.01
# A category no neighbour holds keeps a little probability: the vote sharpens, it does not veto.
FLOOR = 1e-3
# The threat vote's share of the default path's threat probability (the two heads' mean takes the
# rest) and its number of neighbours. Chosen on the threat development set of 2026-12-05
# (data/triage/threat-dev, thr5 and thr6) with the seen blind sets for false reports: at the same false
# reports on the seen sets, k 5 to 20 and shares 0.2 to 0.5 all reported 9 to 19 more of its 240
# threats than the heads alone (198); k 5 and 0.5 the most.
THREAT_K = 5
THREAT_WEIGHT = 0.5


@dataclass(frozen=True)
class Neighbours:
    classes: tuple[str, ...]
    vectors: np.ndarray  # (n, dim), unit length, float32
    labels: np.ndarray  # (n,), index into classes
    k: int = K
    weight: float = WEIGHT
    temperature: float = TEMPERATURE
    # Per row: 1 a comment to report, 0 one not to, -1 not known; None in a file from before.
    threats: np.ndarray | None = None
    # The rows that vote on the category (the first ones); None for all.
    category_rows: int | None = None
    threat_k: int = THREAT_K
    threat_weight: float = THREAT_WEIGHT

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def similarity(self, vector: np.ndarray) -> np.ndarray:
        """Cosine similarity of ``vector`` to every row: worked out once for a comment, it serves both
        the category vote and the threat vote."""
        return self.vectors @ self._unit(vector)

    def vote(self, vector: np.ndarray, similarity: np.ndarray | None = None) -> np.ndarray:
        """Probabilities over ``classes`` from the ``k`` training comments most like ``vector``,
        each weighted by how much closer it is than the nearest (a softmax over cosine similarity)."""
        rows = slice(0, self.category_rows)
        near = (self.similarity(vector) if similarity is None else similarity)[rows]
        return soft_vote(near[np.newaxis], self.labels[rows], len(self.classes), self.k, self.temperature)[0]

    def threat_vote(self, vector: np.ndarray, similarity: np.ndarray | None = None) -> float | None:
        """The share of the ``threat_k`` nearest comments with a known answer that were to be reported
        (weighted as in ``vote``); None when the file carries no threat answers."""
        if self.threats is None:
            return None
        known = self._threat_rows
        near = (self.similarity(vector) if similarity is None else similarity)[known]
        return float(soft_vote(near[np.newaxis], self.threats[known], 2, self.threat_k, self.temperature)[0, 1])

    @cached_property
    def _threat_rows(self) -> np.ndarray:
        return np.flatnonzero(self.threats >= 0) if self.threats is not None else np.empty(0, dtype=np.intp)

    def _unit(self, vector: np.ndarray) -> np.ndarray:
        v = np.asarray(vector[: self.dim], dtype=np.float32)
        return v / (np.linalg.norm(v) or 1.0)

    def blend(self, probs: np.ndarray, vector: np.ndarray, similarity: np.ndarray | None = None) -> np.ndarray:
        """``probs`` (the heads' category probabilities) blended with the vote, in log space."""
        vote = self.vote(vector, similarity)
        mixed = (1 - self.weight) * np.log(probs + 1e-9) + self.weight * np.log(vote + FLOOR)
        mixed = np.exp(mixed - mixed.max())
        return mixed / mixed.sum()

    def save(self, path: Path) -> None:
        scale = np.abs(self.vectors).max(axis=1, keepdims=True) / 127.0
        scale[scale == 0] = 1.0
        threat_parts = {} if self.threats is None else {
            "threats": self.threats.astype(np.int8),
            "threat_settings": np.array([len(self.labels) if self.category_rows is None else self.category_rows,
                                         self.threat_k, self.threat_weight], dtype=np.float64)}
        np.savez_compressed(path, kind="neighbours", classes=np.array(self.classes),
                            vectors=np.round(self.vectors / scale).astype(np.int8),
                            scale=scale.astype(np.float32), labels=self.labels.astype(np.uint8),
                            settings=np.array([self.k, self.weight, self.temperature], dtype=np.float64),
                            **threat_parts)

    @classmethod
    def load(cls, path: Path) -> Neighbours:
        with np.load(path, allow_pickle=False) as data:
            vectors = data["vectors"].astype(np.float32) * data["scale"]
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            k, weight, temperature = data["settings"].tolist()
            threats, category_rows, threat_k, threat_weight = None, None, THREAT_K, THREAT_WEIGHT
            if "threats" in data.files:
                threats = data["threats"].astype(np.intp)
                rows, threat_k, threat_weight = data["threat_settings"].tolist()
                category_rows = int(rows)
                if threats.shape != (len(vectors),) or not 0 < category_rows <= len(vectors):
                    raise ValueError("its threat answers do not match its rows")
            return cls(tuple(str(c) for c in data["classes"]), vectors, data["labels"].astype(np.intp),
                       int(k), float(weight), float(temperature), threats, category_rows, int(threat_k),
                       float(threat_weight))


def build(vectors: np.ndarray, categories: list[str], classes: list[str], *,
          threats: list[int] | None = None, category_rows: int | None = None) -> Neighbours:
    """The neighbours of a training set: its sentence embeddings (without the signals) and categories,
    and, given ``threats`` (1, 0 or -1 per row), the answers for the threat vote."""
    unit = np.asarray(vectors, dtype=np.float32)
    unit = unit / np.linalg.norm(unit, axis=1, keepdims=True)
    return Neighbours(tuple(classes), unit, np.array([classes.index(c) for c in categories], dtype=np.intp),
                      threats=None if threats is None else np.asarray(threats, dtype=np.intp),
                      category_rows=category_rows)


def soft_vote(similarity: np.ndarray, labels: np.ndarray, n_classes: int, k: int, temperature: float) -> np.ndarray:
    """Per row of ``similarity`` (queries × voters), the vote of its ``k`` most similar voters over
    ``n_classes``, each weighted by a softmax over its similarity."""
    k = min(k, similarity.shape[1])
    nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
    near = np.take_along_axis(similarity, nearest, axis=1)
    weights = np.exp((near - near.max(axis=1, keepdims=True)) / temperature)
    votes = np.zeros((len(similarity), n_classes))
    np.add.at(votes, (np.arange(len(similarity))[:, np.newaxis], labels[nearest]), weights)
    return votes / votes.sum(axis=1, keepdims=True)


def cross_validated_threat_votes(vectors: np.ndarray, answers: np.ndarray, folds: list, *,
                                 k: int = THREAT_K, temperature: float = TEMPERATURE) -> np.ndarray:
    """Each example's threat vote from the examples outside its own fold (``folds``: pairs of
    inside and outside indices), as training needs it to choose the thresholds."""
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    out = np.empty(len(unit))
    for inside, outside in folds:
        for start in range(0, len(outside), 1024):
            part = outside[start:start + 1024]
            out[part] = soft_vote(unit[part] @ unit[inside].T, answers[inside], 2, k, temperature)[:, 1]
    return out
