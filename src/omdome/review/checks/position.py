"""Rule 2: the draft does not contradict the organisation's official positions."""

from __future__ import annotations

from collections.abc import Iterator

from omdome.detect.terms import compile_terms
from omdome.review.context import DraftContext, Hit
from omdome.text.segment import words

NEGATIONS = frozenset({"inte", "ej", "icke", "aldrig", "not", "never", "no", "n't", "ikke", "ikkje",
                       "aldri", "inga", "ingen", "inget"})
_STOP = frozenset({"är", "och", "att", "det", "som", "för", "med", "the", "and", "are", "is", "to",
                   "of", "for", "be", "er", "og", "på", "av", "til", "till", "ett", "en", "har"})
STEM = 5


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in words(text)]


def _claim(text: str) -> tuple[set[str], bool]:
    """A contrary claim's content-word stems, and whether the claim itself is negated."""
    tokens = _tokens(text)
    stems = {t[:STEM] for t in tokens if len(t) >= 3 and t not in _STOP and t not in NEGATIONS}
    return stems, any(_is_negation(t) for t in tokens)


def _is_negation(token: str) -> bool:
    return token in NEGATIONS or token.endswith("n't")


def _states(sentence: str, stems: set[str], negated: bool) -> bool:
    """Does the sentence make the claim: every stem present, and negated only if the claim is?"""
    tokens = _tokens(sentence)
    positions = [i for i, t in enumerate(tokens) if t[:STEM] in stems]
    if not stems or {tokens[i][:STEM] for i in positions} != stems:
        return False
    # A negation counts when it stands among the claim's words (or just before them).
    window = tokens[max(0, min(positions) - 2): max(positions) + 1]
    return any(_is_negation(t) for t in window) == negated


def run(ctx: DraftContext) -> Iterator[Hit]:
    for position in ctx.policy.positions:
        keywords = compile_terms(tuple(position.keywords))
        if keywords is None or not keywords.search(ctx.text):
            continue
        claims = [_claim(c) for c in position.contrary]
        for sentence in ctx.sentences:
            if any(_states(sentence.text, stems, negated) for stems, negated in claims):
                yield Hit("position.contradicts", sentence.start, sentence.end,
                          {"topic": position.topic, "position": position.position},
                          "Every content word of a listed contrary claim occurs in this "
                          "sentence, with the same negation.")
