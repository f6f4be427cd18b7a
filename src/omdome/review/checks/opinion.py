"""Rule 2: judgements about the organisation's matters are marked as the author's own."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.lexicons import phrases
from omdome.review.context import FIRST_PERSON_PLURAL, DraftContext, Hit

# Superlatives judge whatever word list is used: "snabbaste", "billigaste", "the fastest".
_SUPERLATIVE = re.compile(
    r"(?<![^\W_])(?:[^\W\d_]{3,}(?:aste|ast)|(?:the|our|vår|vårt|våra)\s+[^\W\d_]{2,}(?:est|aste))"
    r"(?![^\W_])", re.IGNORECASE)
_NOT_SUPERLATIVE = frozenset({"fast", "last", "kast", "gäst", "rast", "hast", "blast", "kontrast",
                              "senast", "ballast", "cast", "toast", "podcast", "broadcast",
                              "the latest", "the west", "the rest", "the interest", "the request",
                              "the guest", "the best-before", "the forest", "the test", "the nest"})
_WE = re.compile(r"(?<![^\W_])(?:" + "|".join(FIRST_PERSON_PLURAL) + r")(?![^\W_])", re.IGNORECASE)


def run(ctx: DraftContext) -> Iterator[Hit]:
    # An official account speaks for the organisation: its judgements are the organisation's.
    if ctx.profile is not None and ctx.profile.account == "official":
        return
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    disclaimers = phrases("opinion.toml", "disclaimers", language)
    if disclaimers is not None and disclaimers.search(ctx.norm.text):
        return
    markers = phrases("opinion.toml", "markers", language)
    evaluative = phrases("opinion.toml", "evaluative", language)
    if evaluative is None:
        return
    for sentence in ctx.sentences:
        if sentence.text.rstrip().endswith("?"):
            continue
        judgement = evaluative.search(sentence.text.lower()) or _superlative(sentence.text)
        if judgement is None:
            continue
        about_us = ctx.mentions_organisation(sentence.start, sentence.end) or _WE.search(sentence.text)
        if not about_us:
            continue
        if markers is not None and markers.search(sentence.text.lower()):
            continue
        start = sentence.start + judgement.start()
        end = sentence.start + judgement.end()
        yield Hit("opinion.unmarked", start, end, {"term": ctx.text[start:end]},
                  "An evaluative word in a sentence about the organisation, with no opinion "
                  "marker in the sentence and no disclaimer in the draft.")


def _superlative(text: str) -> re.Match[str] | None:
    for match in _SUPERLATIVE.finditer(text):
        if match.group().lower() not in _NOT_SUPERLATIVE:
            return match
    return None
