"""Rule 4: personal data and confidential matters stay out of the draft."""

from __future__ import annotations

from collections.abc import Iterator

from omdome.detect.base import Span
from omdome.detect.lexicons import phrases
from omdome.detect.pii.address import normalize_address
from omdome.detect.pii.phone import normalize_phone
from omdome.detect.terms import find_terms
from omdome.review.context import DraftContext, Hit
from omdome.text.lexicon import find_phrases


def run(ctx: DraftContext) -> Iterator[Hit]:
    allowed = _allowed_values(ctx)
    for span in ctx.personal_data:
        if _normalized(span) in allowed.get(span.kind, set()):
            continue
        yield Hit(f"pii.{span.kind}", span.start, span.end, {}, span.explanation)
    for span in find_terms(ctx.policy.confidential.terms, ctx.norm, "confidential",
                           "On the policy's list of confidential terms."):
        yield Hit("confidential.term", span.start, span.end, {"term": span.text}, span.explanation)
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    for start, end, _ in find_phrases(phrases("secrecy.toml", "markers", language), ctx.norm):
        yield Hit("confidential.marker", start, end, {"term": ctx.text[start:end]},
                  "Words saying the content is confidential or not yet public.")


def _normalized(span: Span) -> str:
    return span.details.get("normalized", span.text.lower())


def _allowed_values(ctx: DraftContext) -> dict[str, set[str]]:
    """The organisation's published contact details and the author's own, normalised."""
    contact = ctx.policy.contact
    phones = [*contact.phones]
    emails = [*contact.emails]
    if ctx.profile is not None:
        phones += [ctx.profile.work_phone] if ctx.profile.work_phone else []
        emails += [ctx.profile.work_email] if ctx.profile.work_email else []
    digits = lambda v: "".join(c for c in v if c.isdigit())  # noqa: E731
    return {
        "phone": {n for p in phones if (n := normalize_phone(p))},
        "email": {e.lower() for e in emails},
        "bankgiro": {digits(b) for b in contact.bankgiro},
        "plusgiro": {digits(p) for p in contact.plusgiro},
        "address": {normalize_address(a) for a in contact.addresses},
    }
