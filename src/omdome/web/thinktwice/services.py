"""The draft check for an employee: their profile, their organisation's policy; counts, never drafts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.review.draft import DraftError
from omdome.review.findings import Finding, Review
from omdome.review.profile import AuthorProfile
from omdome.review.reviewer import review_draft
from omdome.web.core import audit
from omdome.web.core.errors import NotFound, ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.policies.services import current_policy
from omdome.web.thinktwice.models import ApiToken, FindingCount

ACCOUNTS = ("personal", "official")
MAX_DRAFT = 20_000


def profile_for(user, account: str) -> AuthorProfile:  # type: ignore[no-untyped-def]
    profile = getattr(user, "staff_profile", None)
    base = profile.author_profile() if profile is not None else AuthorProfile(
        name=user.get_full_name(), work_email=user.email)
    return base.model_copy(update={"account": account})


def check_draft(*, user, text: str, account: str = "personal",  # type: ignore[no-untyped-def]
                meaning: bool = False, counted: Review | None = None) -> Review:
    """Review ``text`` as ``user`` would publish it from ``account``; the text itself is not kept.

    ``meaning=True`` reads it with the model of meaning too (about half a second). ``counted`` is a
    review of the same text whose findings were counted already (the page's quick first answer):
    only the findings it lacks are counted again."""
    if account not in ACCOUNTS:
        raise ServiceError("invalid", _("The account is personal or official."), field="account")
    if len(text) > MAX_DRAFT:
        raise ServiceError("invalid", _("The draft is %(n)d characters long; at most %(max)d are checked.")
                           % {"n": len(text), "max": MAX_DRAFT}, field="text")
    organisation = organisation_for(user)
    try:
        review = review_draft(text, profile=profile_for(user, account), policy=current_policy(organisation),
                              meaning=meaning)
    except DraftError as error:
        from django.utils.translation import get_language

        from omdome.i18n import translator

        raise ServiceError("invalid", error.translated(translator((get_language() or "sv")[:2])),
                           field="text") from None
    if organisation is not None:
        seen = {(f.code, f.start, f.end) for f in counted.findings} if counted is not None else set()
        _count(organisation, tuple(f for f in review.findings if (f.code, f.start, f.end) not in seen))
    return review


def rules_review(*, user, text: str, account: str = "personal") -> Review:  # type: ignore[no-untyped-def]
    """The rules' review of ``text``, uncounted: what the page's first answer counted."""
    organisation = organisation_for(user)
    return review_draft(text, profile=profile_for(user, account), policy=current_policy(organisation))


def meaning_available() -> bool:
    from omdome.review.meaning import shipped_meaning

    return shipped_meaning() is not None


def _count(organisation, findings: tuple[Finding, ...]) -> None:  # type: ignore[no-untyped-def]
    day = timezone.localdate()
    with transaction.atomic():  # one commit for all the codes of a draft
        _count_codes(organisation, day, findings)


def _count_codes(organisation, day, findings: tuple[Finding, ...]) -> None:  # type: ignore[no-untyped-def]
    for code, rule in sorted({(f.code, f.rule) for f in findings}):
        n = sum(1 for f in findings if f.code == code)
        with transaction.atomic():
            updated = FindingCount.objects.filter(organisation=organisation, day=day, code=code).update(
                count=F("count") + n)
            if not updated:
                try:
                    with transaction.atomic():
                        FindingCount.objects.create(organisation=organisation, day=day, code=code, rule=rule,
                                                    count=n)
                except IntegrityError:  # created by a parallel check
                    FindingCount.objects.filter(organisation=organisation, day=day, code=code).update(
                        count=F("count") + n)


@dataclass
class Segment:
    text: str
    finding: int | None = None  # index into the review's findings


def highlight(text: str, review: Review) -> list[Segment]:
    """The draft cut into plain and marked pieces; a piece marked by several findings shows the first."""
    marks = sorted((f.start, f.end, i) for i, f in enumerate(review.findings) if f.end > f.start)
    segments, at = [], 0
    for start, end, index in marks:
        if start < at:
            continue
        if start > at:
            segments.append(Segment(text[at:start]))
        segments.append(Segment(text[start:end], index))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:]))
    return segments


# --- personal API tokens -------------------------------------------------------------------


def create_token(*, user, name: str) -> tuple[ApiToken, str]:  # type: ignore[no-untyped-def]
    """A new token; the secret is returned once and only its hash is stored."""
    name = " ".join(name.split())[:80]
    if not name:
        raise ServiceError("invalid", _("Give the token a name, e.g. the tool that uses it."), field="name")
    secret = ApiToken.new_secret()
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name, prefix=secret[:10], digest=ApiToken.digest_of(secret))
        audit.record("api_token.created", actor=user, target=token, name=name)
    return token, secret


def revoke_token(*, user, token_id: int) -> ApiToken:  # type: ignore[no-untyped-def]
    token = ApiToken.objects.filter(pk=token_id, user=user, revoked__isnull=True).first()
    if token is None:
        raise NotFound("not_found", _("There is no such token."))
    with transaction.atomic():
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
        audit.record("api_token.revoked", actor=user, target=token)
    return token


def user_for_token(secret: str):  # type: ignore[no-untyped-def]
    """The active user a token belongs to, or None."""
    token = (ApiToken.objects.select_related("user").filter(digest=ApiToken.digest_of(secret), revoked__isnull=True)
             .first())
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used=timezone.now())
    return token.user
