"""A new comment's follow-up, done by the worker soon after the comment is stored.

A reader's comment is stored with its triage, its moderation event and the thread's new revision
in one short transaction, and marked ``followup_due`` there (an outbox: nothing is queued apart
from the comment, so a crash cannot lose the follow-up). The rest does not change what readers
see and need not hold the database's write lock while the writer waits: the audit entry of the
comment's creation, and the announcement that makes the cases app find or open the writer's case
(``message_followed_up``). The worker does both in small batches, each in the transaction that
clears the mark (``drain``); automation rules and the alert about a possible threat still run
while the comment is stored (``message_received``).
"""

from __future__ import annotations

from django.db import transaction

from omdome.web.comments.models import Comment, ModerationEvent
from omdome.web.core import audit
from omdome.web.messages.signals import message_followed_up

# One batch holds the write lock while it runs: small enough that a writer waiting behind it
# waits a few milliseconds, large enough to share one commit among several comments.
BATCH = 8


def backlog() -> int:
    """How many stored comments wait for their follow-up."""
    return Comment.objects.filter(followup_due=True).count()


def drain(batch: int = BATCH) -> int:
    """Follow up one batch of new comments, oldest first; returns how many were done."""
    from omdome.web.comments.services import writer_of

    ids = list(Comment.objects.filter(followup_due=True).order_by("pk").values_list("pk", flat=True)[:batch])
    if not ids:
        return 0
    with transaction.atomic():
        # Read again in the transaction: another worker may have taken the same batch.
        comments = list(Comment.objects.select_for_update().filter(pk__in=ids, followup_due=True).order_by("pk"))
        created = {event.comment_id: event for event in
                   ModerationEvent.objects.filter(comment__in=[c.pk for c in comments], action="created")}
        for comment in comments:
            event = created.get(comment.pk)
            audit.record("comment.created", target=comment, from_status="",
                         to_status=event.to_status if event else comment.status,
                         reason=event.reason if event else "")
            message_followed_up.send(sender=Comment, message=comment, conversation=f"thread:{comment.thread_id}",
                                     writer=writer_of(comment))
        Comment.objects.filter(pk__in=[c.pk for c in comments]).update(followup_due=False)
    return len(comments)


def drain_all() -> int:
    """Follow up every comment that waits (a worker run in batch mode, the demo, tests)."""
    done = 0
    while n := drain():
        done += n
    return done
