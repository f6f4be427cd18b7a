"""Undo spelling games (l33t, s p a c e d letters, homoglyphs, repeats) while keeping offsets.

Detectors match on the normalised text and report spans in the original one, so every
normalised character remembers where it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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
# A l33t character beside a letter. Written to begin with the character, so that the regex engine can
# skip to the few places that hold one (every posted comment passes here).
_LEET_GAME = re.compile(r"[0134578@$€!|](?:(?<=[^\W\d_][0134578])|(?=[^\W\d_]))")


def _has_games(text: str) -> bool:
    """Spelling games: l33t, s p a c e d letters, repeated letters."""
    return bool(_LEET_GAME.search(text) or _SPACED.search(text) or _REPEATS.search(text))
_NORDIC = frozenset("åäöéüæøÅÄÖÉÜÆØ")


@lru_cache(maxsize=4096)
def _char_needs_work(char: str) -> bool:
    """Whether the careful path would change this character: a look-alike, a mark, a compatibility
    form ("ｉ", "𝐢", "²", a no-break space) or a letter that grows when lower-cased. Emoji, dashes and
    quotes come out as they went in, so a comment full of them keeps the quick path."""
    if char in _NORDIC:
        return False
    if char.translate(HOMOGLYPHS) != char or unicodedata.combining(char) or len(char.lower()) != 1:
        return True
    base = unicodedata.normalize("NFKD", char)
    letters = [c for c in base if not unicodedata.combining(c)]
    return len(letters) == 1 and letters[0] != char


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, for each of its characters, the stretch of the original it came from."""

    text: str
    starts: tuple[int, ...] | None  # None: same length and positions as the original
    ends: tuple[int, ...] | None
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back onto the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= len(self.starts):
            return len(self.original), len(self.original)
        return self.starts[start], self.ends[max(start, end - 1)]


def normalize(text: str) -> Normalized:
    """Lower-case ``text`` and undo obfuscation, with a map back to the original offsets."""
    plain = text.isascii() or not any(_char_needs_work(c) for c in set(text) if not c.isascii())
    if plain and not _has_games(text):
        return Normalized(text.lower(), None, None, text)
    if plain:
        # Only spelling games in plain letters (an e-mail's "@s", "B12"): every character stays
        # where it is until the games are undone, so the letter-by-letter work can be skipped.
        chars, starts, ends = list(text), range(len(text)), range(1, len(text) + 1)
    else:
        chars, starts, ends = _compose(text)
        chars = _strip_marks([c.translate(HOMOGLYPHS) for c in chars])
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
    if plain:  # no letter here grows when lower-cased ("İ" would have needed work)
        out = "".join(c for c, k in zip(chars, keep, strict=True) if k).lower()
    else:
        # Lower-case letter by letter: a few letters ("İ") grow when lower-cased whole.
        out = "".join(c.lower()[0] for c, k in zip(chars, keep, strict=True) if k)
    kept_starts = tuple(o for o, k in zip(starts, keep, strict=True) if k)
    kept_ends = tuple(o for o, k in zip(ends, keep, strict=True) if k)
    return Normalized(out, kept_starts, kept_ends, text)


def _compose(text: str) -> tuple[list[str], list[int], list[int]]:
    """One character per letter and its accents (NFC), remembering where each came from.

    Text pasted from some systems writes "ä" as "a" plus a combining mark; a mark that
    composes with nothing is dropped, as it only disguises the letter.
    """
    if not _COMBINING.search(text):
        return list(text), list(range(len(text))), list(range(1, len(text) + 1))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j]) if j > i + 1 else text[i]
        chars.append(cluster[0])
        starts.append(i)
        ends.append(j)
        i = j
    return chars, starts, ends


def _strip_marks(chars: list[str]) -> list[str]:
    """Drop accents used to disguise words, but keep å, ä, ö, é, æ, ø as letters."""
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
