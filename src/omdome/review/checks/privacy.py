"""Rule 4: personal data and confidential matters stay out of the draft."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.lexicons import phrases
from omdome.detect.terms import find_terms
from omdome.review.context import DraftContext, Hit
from omdome.text.lexicon import find_phrases


def run(ctx: DraftContext) -> Iterator[Hit]:
    for span in ctx.personal_data:
        if span not in ctx.allowed_personal_data:
            yield Hit(f"pii.{span.kind}", span.start, span.end, {}, span.explanation)
    for span in find_terms(ctx.policy.confidential.terms, ctx.norm, "confidential",
                           "On the policy's list of confidential terms."):
        yield Hit("confidential.term", span.start, span.end, {"term": span.text}, span.explanation)
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    for start, end, _ in find_phrases(phrases("secrecy.toml", "markers", language), ctx.norm):
        sentence = ctx.sentence_of(start)
        if sentence is not None and _REFUSAL.search(sentence.text):
            continue  # "Det omfattas av sekretess, så jag kan inte svara": the rule at work
        yield Hit("confidential.marker", start, end, {"term": ctx.text[start:end]},
                  "Words saying the content is confidential or not yet public.")


# Saying that something cannot be shared, or advising others not to share, is no leak.
_REFUSAL = re.compile(
    r"(?i)\b(?:kan\s+(?:jag|vi)\s+inte|kan\s+inte|får\s+(?:jag|vi)\s+inte|får\s+inte|aldrig|"
    r"can(?:no|')t|can\s+not|won't|never|always|alltid|don't|do\s+not|must\s+not|"
    r"kan\s+ikke|kan\s+ikkje|må\s+ikke|aldri|omfattas\s+av\s+sekretess|tystnadsplikt)\b")
