"""Rule 3: a personal, plain tone — no officialese, no endless sentences, readable."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.lexicons import alternative_for, officialese_terms
from omdome.review.context import DraftContext, Hit
from omdome.text.lexicon import find_phrases
from omdome.text.readability import lix
from omdome.text.segment import words

# Hashtags, mentions and links are not prose: LIX would count "#sundbykommun" as a long word.
_HASHTAGS = re.compile(r"[#@]\w+|https?://\S+|www\.\S+")


def run(ctx: DraftContext) -> Iterator[Hit]:
    yield from _officialese(ctx)
    yield from _long_sentences(ctx)
    yield from _readability(ctx)


def _officialese(ctx: DraftContext) -> Iterator[Hit]:
    language = ctx.language if ctx.language in ("sv", "en", "nb", "nn", "da") else None
    pattern, alternatives = officialese_terms(language)
    for start, end, matched in find_phrases(pattern, ctx.norm):
        yield Hit("tone.officialese", start, end,
                  {"term": ctx.text[start:end], "alternative": alternative_for(matched, alternatives)},
                  "Listed as stiff officialese or corporate jargon.")


def _long_sentences(ctx: DraftContext) -> Iterator[Hit]:
    limit = ctx.policy.settings.long_sentence_words
    for sentence in ctx.sentences:
        count = len(words(sentence.text))
        if count > limit:
            yield Hit("tone.long_sentence", sentence.start, sentence.end,
                      {"words": str(count), "limit": str(limit)},
                      f"{count} words in one sentence.")


def _readability(ctx: DraftContext) -> Iterator[Hit]:
    settings = ctx.policy.settings
    figures = lix(_HASHTAGS.sub(" ", ctx.text))
    if figures.words < settings.lix_min_words or figures.lix <= settings.lix_limit:
        return
    shown = f"{figures.lix:.0f}"
    yield Hit("tone.readability", 0, len(ctx.text), {"lix": shown, "limit": str(settings.lix_limit)},
              f"LIX {figures.lix}: {figures.words} words, {figures.sentences} sentences, "
              f"{figures.long_words} words over six letters.")
