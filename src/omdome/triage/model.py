"""A trained triage model: a directory of array files and a JSON description.

``category.npz`` (hashed features → category) is the fast path and always present;
``category_embed.npz`` (sentence embedding → category) is used when the embedding package
is installed; ``sentiment.npz`` and ``toxicity.npz`` give the signals. ``model.json`` says
how to combine them and how the model was trained and scored. ``threat.npz`` (and
``threat_embed.npz``) tell threats and incitement apart from everything else, with thresholds in
``model.json``; a model without them finds threats by the lexicon alone. ``neighbours.npz`` (the
training comments' embeddings, for a nearest-neighbour vote on the default path) is optional too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from omdome.triage.heads import DenseHead, HashedHead, load_head
from omdome.triage.neighbours import Neighbours

FORMAT = 1


class ModelError(ValueError):
    """A model directory that cannot be used, and why."""


@dataclass(frozen=True)
class TriageModel:
    category: HashedHead
    category_embed: DenseHead | None
    sentiment: HashedHead
    toxicity: HashedHead
    meta: dict[str, Any]
    path: Path
    threat: HashedHead | None = None
    threat_embed: DenseHead | None = None

    @cached_property
    def neighbours(self) -> Neighbours | None:
        """The training comments' embeddings, read on the default path's first use: the fast path,
        in every web worker, never needs them."""
        file = self.path / "neighbours.npz"
        if not file.is_file():
            return None
        try:
            return Neighbours.load(file)
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(f"{file}: not a valid neighbours file ({error})") from None

    def threat_threshold(self, path: str, *, hateful: bool = False) -> float:
        """Probability from which the threat head reports a comment on ``path`` ("fast" or "default");
        with ``hateful``, the (lower) one for a comment the category head already calls hateful, which
        a model trained before it existed does not have (its one threshold then serves both)."""
        thresholds = self.meta.get("threat", {}).get("thresholds", {})
        general = float(thresholds.get(path, 1.01))
        return float(thresholds.get(f"{path}_hateful", general)) if hateful else general

    @property
    def blend(self) -> float:
        """Weight of the embedding head's log-probabilities when both are used."""
        return float(self.meta.get("blend_weight", 0.5))

    def bias(self, path: str) -> np.ndarray:
        """Log-biases per category for ``path`` ("fast" or "default"), in category order."""
        values = self.meta.get("bias", {}).get(path, {})
        return np.array([float(values.get(c, 0.0)) for c in self.category.classes], dtype=np.float32)

    @property
    def review_below(self) -> float:
        """Confidence under which a result is marked for human review."""
        return float(self.meta.get("review_below", 0.5))


def shipped_model_dir() -> Path:
    return Path(str(files("omdome.triage").joinpath("model")))


def load_model(path: str | Path | None = None) -> TriageModel:
    """Load the model at ``path`` (the shipped one by default)."""
    directory = Path(path) if path is not None else shipped_model_dir()
    return _load(directory.resolve())


@cache
def _load(directory: Path) -> TriageModel:
    meta_path = directory / "model.json"
    if not meta_path.is_file():
        raise ModelError(f"{directory}: not a model directory (model.json is missing)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{meta_path}: cannot read it ({error})") from None
    if meta.get("format") != FORMAT:
        raise ModelError(f"{meta_path}: model format {meta.get('format')!r}, expected {FORMAT}")
    from omdome.triage.features import EMBED_SIGNALS

    if meta.get("embed_signals") and list(meta["embed_signals"]) != list(EMBED_SIGNALS):
        raise ModelError(f"{meta_path}: its embedding heads read other signals than this version gives "
                         f"({', '.join(meta['embed_signals'])}); retrain it (omdome train)")
    heads: dict[str, Any] = {}
    for name in ("category", "category_embed", "sentiment", "toxicity", "threat", "threat_embed"):
        file = directory / f"{name}.npz"
        if file.is_file():
            try:
                heads[name] = load_head(file)
            except (OSError, ValueError, KeyError) as error:
                raise ModelError(f"{file}: not a valid weight file ({error})") from None
        elif name in ("category", "sentiment", "toxicity"):
            raise ModelError(f"{directory}: {name}.npz is missing")
    return TriageModel(heads["category"], heads.get("category_embed"), heads["sentiment"],
                       heads["toxicity"], meta, directory, heads.get("threat"), heads.get("threat_embed"))
