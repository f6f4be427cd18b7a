"""Background work for comments, run by ``omdome worker``."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from omdome.web.comments.models import Comment, Status


@task()
def rescore_comment(comment_id: int) -> str:
    """Triage again with the fuller model (the embedding, when installed) and store the result.

    The fast path decided when the comment was posted; if the fuller model says the
    comment should be hidden, a published comment is withheld for a moderator.
    """
    from omdome.triage import embedding
    from omdome.web.comments.services import log

    if not embedding.available():
        return "skipped: the embedding package is not installed"
    comment = Comment.objects.filter(pk=comment_id, staff__isnull=True).first()
    if comment is None:
        return "gone"
    result = _full_triager().triage(comment.text)
    with transaction.atomic():
        comment.category, comment.action = result.category, result.action
        comment.confidence, comment.toxicity = result.confidence, result.toxicity
        comment.needs_review, comment.triage = result.needs_review, result.to_dict()
        comment.possibly_unlawful = comment.possibly_unlawful or result.moderation == "report"
        fields = ["category", "action", "confidence", "toxicity", "needs_review", "triage", "possibly_unlawful"]
        before = comment.status
        if before == Status.PUBLISHED and result.moderation in ("hide", "report"):
            comment.status = Status.WITHHELD
            fields.append("status")
        comment.save(update_fields=fields)
        if comment.status != before:
            log(comment, "withheld_after_rescore", from_status=before, reason=f"{result.category}")
    return result.category


_TRIAGER = None


def _full_triager():  # type: ignore[no-untyped-def]
    global _TRIAGER
    if _TRIAGER is None:
        from omdome.triage.classifier import Triager

        _TRIAGER = Triager(fast=False)
    return _TRIAGER
