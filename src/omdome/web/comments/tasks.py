"""Background work for comments, run by ``omdome worker``."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from omdome.web.comments.models import Comment, Status
from omdome.web.messages.triage import apply_triage, decided_by_rule, should_withhold


@task()
def rescore_comment(comment_id: int) -> str:
    """Triage again with the fuller model (the embedding, when installed) and store the result.

    The fast path decided when the comment was posted. If the fuller model says the
    comment should be hidden, a published comment is withheld for a moderator; if the fast
    path alone withheld it, on a borderline score and without a rule or a moderator behind
    it, and the fuller model is sure it may stay, it is released.
    """
    from omdome.triage import embedding
    from omdome.web.comments.services import log

    if not embedding.available():
        return "skipped: the embedding package is not installed"
    comment = Comment.objects.filter(pk=comment_id, staff__isnull=True).select_related("thread__site").first()
    if comment is None:
        return "gone"
    text = comment.text
    result = _full_triager(comment.thread.site).triage(text)
    with transaction.atomic():
        # Re-read under a lock: a moderator or the writer may have acted while the model ran.
        comment = Comment.objects.select_for_update().select_related("thread__site").get(pk=comment_id)
        if comment.text != text:
            return "stale: the text changed while it was scored"
        fast_prompted = _prompted(comment)
        fast_category = comment.category
        fields = apply_triage(comment, result)
        before = comment.status
        moderated = comment.events.filter(action__startswith="moderated_").exists()
        if moderated:
            pass  # a moderator's decision stands
        elif before == Status.PUBLISHED and should_withhold(result):
            comment.status = Status.WITHHELD
        elif before == Status.WITHHELD and not fast_prompted and _releasable(comment, result):
            comment.status = Status.PENDING if comment.held_by_site else Status.PUBLISHED
        if comment.status != before:
            fields.append("status")
        comment.save(update_fields=fields)
        if comment.status != before:
            action = "withheld_after_rescore" if comment.status == Status.WITHHELD else "released_after_rescore"
            log(comment, action, from_status=before, reason=f"{fast_category} -> {result.category}")
    return result.category


RELEASE_AT = 0.8


def _prompted(comment: Comment) -> bool:
    """Whether the fast path's stored result was sure enough to prompt the writer to think twice."""
    from omdome.triage.classifier import ReasonCode
    from omdome.web.comments.pipeline import THINK_TWICE_AT

    by_rule = decided_by_rule(comment, ReasonCode.THREAT, ReasonCode.INSULT_AIMED, ReasonCode.INSULT)
    return comment.category == "hateful" and ((comment.confidence or 0) >= THINK_TWICE_AT or by_rule)


def _releasable(comment: Comment, result) -> bool:  # type: ignore[no-untyped-def]
    """Withheld only by a borderline fast-path score of the text as first written, and the fuller
    model is sure it is fine. Never a comment flagged as possibly unlawful, one that was edited
    (an edit must not launder what a moderator should see), or one a moderator has acted on."""
    touched = comment.events.exclude(action="created").exists()
    return (not touched and not comment.possibly_unlawful and result.moderation == "keep"
            and result.confidence >= RELEASE_AT and not result.needs_review)


def _full_triager(site):  # type: ignore[no-untyped-def]
    """The fuller model (with the embedding) and the facts and domains of the site's organisation."""
    from omdome.web.comments.pipeline import triager

    return triager(site, fast=False)


@task()
def prune_rate_counters() -> int:
    from omdome.web.core import ratelimit

    return ratelimit.prune()


@task()
def forget_contact_details() -> int:
    from omdome.web.comments import services

    return services.forget_contact_details()
