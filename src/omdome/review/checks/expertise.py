"""Rule 2: the draft stays within the author's expertise."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.terms import compile_terms
from omdome.review.context import DraftContext, Hit


def run(ctx: DraftContext) -> Iterator[Hit]:
    profile = ctx.profile
    if profile is None or not ctx.policy.topics:
        return
    own = {e.strip().lower() for e in profile.expertise}
    for topic in ctx.policy.topics:
        if topic.name.lower() in own or any(k.lower().rstrip("*") in own for k in topic.keywords):
            continue
        pattern = compile_terms(tuple(topic.keywords))
        match = next((m for m in pattern.finditer(ctx.text) if not _refers_on(ctx, m.start())),
                     None) if pattern else None
        if match is None:
            continue
        yield Hit("expertise.outside", match.start(), match.end(), {"topic": topic.name},
                  f"Keyword {match.group()!r} belongs to the topic {topic.name!r}, which is not "
                  f"in the author's expertise ({', '.join(profile.expertise) or 'none listed'}).")


# Passing a question on to the right colleague is what rule 2 asks for.
_REFERRAL = re.compile(
    r"(?i)\b(?:skickar\s+(?:den|det|frågan)?\s*vidare|hänvisa\w*|kollega\w*\s+(?:på|inom|vid)|"
    r"kontakta|vänd\s+dig\s+till|forward\w*|pass(?:ed|ing)?\s+(?:it|this|your\s+\w+)\s+on|"
    r"refer\w*|colleagues?\s+(?:in|at|on)|get\s+in\s+touch\s+with|contact|videresend\w*|"
    r"kollega\w*\s+(?:i|på|hos)|ligger\s+hos)\b")


def _refers_on(ctx: DraftContext, offset: int) -> bool:
    sentence = ctx.sentence_of(offset)
    return sentence is not None and bool(_REFERRAL.search(sentence.text))
