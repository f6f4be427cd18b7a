"""Rule 4: no disparaging words about colleagues or the organisation."""

from __future__ import annotations

from collections.abc import Iterator

from omdome.detect.hostility import find_disparaging
from omdome.review.context import DraftContext, Hit


def run(ctx: DraftContext) -> Iterator[Hit]:
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    spans = find_disparaging(ctx.norm, language, ctx.sentences, ctx.organisation_terms)
    for span in spans:
        yield Hit("respect.disparaging", span.start, span.end, {"term": span.text}, span.explanation)
    # Contempt in words no lexicon lists ("Tur att någon här kan läsa ett schema"): the model of
    # meaning, on sentences the rules passed over, when the caller asked for it.
    yield from ctx.model_hits("contempt", "respect.disparaging", [(s.start, s.end) for s in spans], "contempt")
