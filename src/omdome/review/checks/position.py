"""Rule 2: the draft does not contradict the organisation's official positions."""

from __future__ import annotations

from collections.abc import Iterator

from omdome.detect.claims import parse_claim, states
from omdome.detect.terms import compile_terms
from omdome.review.context import DraftContext, Hit


def run(ctx: DraftContext) -> Iterator[Hit]:
    for position in ctx.policy.positions:
        keywords = compile_terms(tuple(position.keywords))
        if keywords is None or not keywords.search(ctx.text):
            continue
        claims = [parse_claim(c) for c in position.contrary]
        for sentence in ctx.sentences:
            if any(states(sentence.text, claim) for claim in claims):
                yield Hit("position.contradicts", sentence.start, sentence.end,
                          {"topic": position.topic, "position": position.position},
                          "Every content word of a listed contrary claim occurs in this "
                          "sentence, with the same negation.")
