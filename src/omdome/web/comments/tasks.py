"""Background work for comments, run by ``omdome worker``."""

from __future__ import annotations

from django_tasks import task


@task()
def rescore_comment(comment_id: int) -> str:
    """Re-score one comment now (the worker drains the outbox by itself; see ``rescoring``)."""
    from omdome.text import embedding
    from omdome.web.comments.rescoring import rescore

    if not embedding.available():
        return "skipped: the embedding package is not installed"
    return rescore([comment_id])[comment_id]


@task()
def prune_rate_counters() -> int:
    from omdome.web.core import ratelimit

    return ratelimit.prune()


@task()
def forget_contact_details() -> int:
    from omdome.web.comments import services

    return services.forget_contact_details()
