"""Rule 2: the draft stays within the author's expertise."""

from __future__ import annotations

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
        match = pattern.search(ctx.text) if pattern else None
        if match is None:
            continue
        yield Hit("expertise.outside", match.start(), match.end(), {"topic": topic.name},
                  f"Keyword {match.group()!r} belongs to the topic {topic.name!r}, which is not "
                  f"in the author's expertise ({', '.join(profile.expertise) or 'none listed'}).")
