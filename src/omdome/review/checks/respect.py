"""Rule 4: no disparaging words about colleagues or the organisation."""

from __future__ import annotations

from collections.abc import Iterator

from omdome.detect.hostility import find_disparaging
from omdome.review.context import DraftContext, Hit


def run(ctx: DraftContext) -> Iterator[Hit]:
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    for span in find_disparaging(ctx.norm, language, ctx.sentences, ctx.organisation_terms):
        yield Hit("respect.disparaging", span.start, span.end, {"term": span.text}, span.explanation)
