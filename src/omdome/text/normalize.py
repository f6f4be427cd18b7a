"""Undo spelling games (l33t, s p a c e d letters, homoglyphs, repeats) while keeping offsets.

Detectors match on the normalised text and report spans in the original one, so every
normalised character remembers where it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters from other scripts that look like Latin ones, and look-alike symbols.
HOMOGLYPHS = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "к": "k", "м": "m", "т": "t", "в": "b", "н": "h", "ԁ": "d", "ɡ": "g", "ӏ": "l",
    "А": "a", "Е": "e", "О": "o", "Р": "p", "С": "c", "У": "y", "Х": "x", "І": "i", "К": "k",
    "М": "m", "Т": "t", "В": "b", "Н": "h", "α": "a", "ο": "o", "ε": "e", "ι": "i", "κ": "k",
    "ν": "v", "τ": "t", "ρ": "p", "υ": "u", "Α": "a", "Β": "b", "Ε": "e", "Ι": "i", "Κ": "k",
    "Μ": "m", "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t", "Χ": "x", "ı": "i", "ℓ": "l",
})
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s",
        "€": "e", "!": "i", "|": "l"}

# Digits count as letters next to a letter; symbols only when a letter follows ("idiot!" stays).
_LEET_IN_WORD = re.compile(r"(?<=[^\W\d_])[0134578]|[0134578@$€!|](?=[^\W\d_])")
_SPACED = re.compile(r"(?<![^\W_])(?:[^\W\d_][ .*_-]){2,}[^\W\d_](?![^\W_])")
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
_NEEDS_WORK = re.compile(r"[^\x00-\x7fåäöéüæøÅÄÖÉÜÆØ]|[^\W\d_][013457@$€!|8]|[013457@$€!|8][^\W\d_]"
                         r"|(?<![^\W_])[^\W\d_][ .*_-][^\W\d_][ .*_-][^\W\d_](?![^\W_])|(\w)\1\1")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, for each of its characters, the offset it came from."""

    text: str
    offsets: tuple[int, ...] | None  # None: same length and positions as the original
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back onto the original text."""
        if self.offsets is None:
            return start, end
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        return self.offsets[start], self.offsets[max(start, end - 1)] + 1


def normalize(text: str) -> Normalized:
    """Lower-case ``text`` and undo obfuscation, with a map back to the original offsets."""
    if not _NEEDS_WORK.search(text):
        return Normalized(text.lower(), None, text)
    chars = list(text.translate(HOMOGLYPHS))
    offsets = list(range(len(text)))
    chars = _strip_marks(chars)
    joined = "".join(chars)
    for match in _LEET_IN_WORD.finditer(joined):
        chars[match.start()] = LEET[match.group()]
    joined = "".join(chars)
    keep = [True] * len(chars)
    for match in _SPACED.finditer(joined):
        for i in range(match.start() + 1, match.end(), 2):
            keep[i] = False
    for match in _REPEATS.finditer(joined):
        for i in range(match.start() + 1, match.end()):
            keep[i] = False
    out = "".join(c for c, k in zip(chars, keep, strict=True) if k).lower()
    kept = tuple(o for o, k in zip(offsets, keep, strict=True) if k)
    return Normalized(out, kept, text)


def _strip_marks(chars: list[str]) -> list[str]:
    """Drop combining accents used to disguise words, but keep å, ä, ö, é, æ, ø as letters."""
    result = []
    for char in chars:
        if char.isascii() or char in "åäöéüæøÅÄÖÉÜÆØ":
            result.append(char)
            continue
        base = unicodedata.normalize("NFKD", char)
        letters = [c for c in base if not unicodedata.combining(c)]
        # Keep one character per position so offsets stay aligned.
        result.append(letters[0] if len(letters) == 1 else char)
    return result
