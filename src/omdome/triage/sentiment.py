"""Tone of a comment from the project's sentiment lexicon, with simple negation.

The trained sentiment head knows comments to organisations; people also write about
their families, football and the weather. Lexicon evidence, where there is any, decides;
otherwise the head does.
"""

from __future__ import annotations

import re
from functools import cache

from omdome.detect.lexicons import matches, phrases
from omdome.text.lexicon import load_data
from omdome.text.normalize import Normalized

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _emoji() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Positive and negative emoji, and every character one of them begins with."""
    table = load_data("sentiment.toml")["emoji"]
    strip = str.maketrans("", "", "\ufe0f")
    positive = frozenset(e.translate(strip) for e in table["positive"])
    negative = frozenset(e.translate(strip) for e in table["negative"])
    return positive, negative, frozenset(e[0] for e in positive | negative if e)


def polarity(norm: Normalized, language: str | None) -> int:
    """Positive minus negative evidence; a negator just before a word turns it around."""
    lang = language if language in ("sv", "en", "nb", "da") else None
    negators = phrases("sentiment.toml", "negators", lang)
    score = 0
    for table, sign in (("positive", 1), ("negative", -1)):
        for start, _end, _matched in matches("sentiment.toml", table, lang, norm.text):
            before = " ".join(_WORD.findall(norm.text[max(0, start - 25):start])[-3:])
            flipped = negators is not None and negators.search(before) is not None
            score += -sign if flipped else sign
    if norm.original.isascii():
        return score  # no emoji to count
    positive, negative, first_characters = _emoji()
    if first_characters.isdisjoint(norm.original):
        return score  # å, ä and ö but no emoji of the lexicon: nothing to count
    text = norm.original.replace("\ufe0f", "")
    score += sum(text.count(e) for e in positive) - sum(text.count(e) for e in negative)
    return score
