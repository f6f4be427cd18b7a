"""LIX, the Swedish readability index (Björnsson 1968), and sentence length."""

from __future__ import annotations

from dataclasses import dataclass

from omdome.text.segment import sentences, words


@dataclass(frozen=True, slots=True)
class Readability:
    """Figures behind a readability judgement."""

    words: int
    sentences: int
    long_words: int
    lix: float

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def lix(text: str) -> Readability:
    """LIX = words per sentence + 100 × share of words longer than six letters.

    Below 30 reads like a children's book, 40 like a newspaper, above 50 like an
    official report; above 60 like a legal text.
    """
    all_words = words(text)
    sentence_count = max(1, len(sentences(text)))
    long_words = sum(1 for w in all_words if len(w) > 6)
    count = len(all_words)
    value = count / sentence_count + (100 * long_words / count if count else 0.0)
    return Readability(count, sentence_count, long_words, round(value, 1))
