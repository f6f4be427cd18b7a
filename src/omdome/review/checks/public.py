"""Rule 4, public sector: possible cases to register, and information under secrecy."""

from __future__ import annotations

from collections.abc import Iterator

from omdome.detect.secrecy import find_own_matter, find_secret_personal_matters
from omdome.review.context import DraftContext, Hit


def run(ctx: DraftContext) -> Iterator[Hit]:
    if ctx.policy.organisation.sector != "public":
        return
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    own = find_own_matter(ctx.norm, language)
    if own:
        first = own[0]
        yield Hit("public.register", first.start, first.end, {"term": first.text}, first.explanation)
    personal = [s for s in ctx.personal_data if s not in ctx.allowed_personal_data]
    secrets = find_secret_personal_matters(ctx.norm, language, ctx.sentences, personal, ctx.organisation_terms,
                                           ctx.policy.contact.addresses)
    for span in secrets:
        yield Hit("public.secrecy", span.start, span.end, {"term": span.text}, span.explanation)
    # A person and their health or support details in words the rules do not list: the model of
    # meaning, on sentences the rules passed over, when the caller asked for it.
    yield from ctx.model_hits("secrecy", "public.secrecy", [(s.start, s.end) for s in secrets],
                              "an identifiable person's health, social-services, support or benefit details")
