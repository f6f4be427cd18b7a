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


def _content(text: str) -> tuple[set[str], bool]:
    tokens = [w.lower() for w in words(text)]
    negated = any(t in NEGATIONS or t.endswith("n't") for t in tokens)
    stems = {t[:STEM] for t in tokens if len(t) >= 3 and t not in _STOP and t not in NEGATIONS}
    return stems, negated


def run(ctx: DraftContext) -> Iterator[Hit]:
    for position in ctx.policy.positions:
        keywords = compile_terms(tuple(position.keywords))
        if keywords is None or not keywords.search(ctx.text):
            continue
        claims = [_content(c) for c in position.contrary]
        for sentence in ctx.sentences:
            stems, negated = _content(sentence.text)
            prefixes = {s[:STEM] for s in stems}
            for claim_stems, claim_negated in claims:
                if claim_stems and claim_stems <= prefixes and negated == claim_negated:
                    yield Hit("position.contradicts", sentence.start, sentence.end,
                              {"topic": position.topic, "position": position.position},
                              "Every content word of a listed contrary claim occurs in this "
                              "sentence, with the same negation.")
                    break

