"""A new comment's follow-up, done by the worker soon after the comment is stored.

A reader's comment is stored with its triage, its moderation event and the thread's new revision
in one short transaction, and marked ``followup_due`` there (an outbox: nothing is queued apart
from the comment, so a crash cannot lose the follow-up). The rest does not change what readers
see and need not hold the database's write lock while the writer waits: the audit entry of the
comment's creation, and the announcement that makes the cases app find or open the writer's case
(``message_followed_up``). The worker does both, one comment at a time, in the transaction that
clears the mark (``drain``); automation rules and the alert about a possible threat still run
while the comment is stored (``message_received``).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction

from omdome.web.comments.models import Comment, ModerationEvent
from omdome.web.core import audit
from omdome.web.messages.signals import message_followed_up

logger = logging.getLogger(__name__)

# Each comment is followed up in a transaction of its own, so that a writer waits behind at most
# one of them; a batch is how many the worker takes before it looks at its other work.
BATCH = 8


def backlog() -> int:
    """How many stored comments wait for their follow-up."""
    return Comment.objects.filter(followup_due=True).count()


def drain(batch: int = BATCH) -> int:
    """Follow up one batch of new comments, oldest first; returns how many were done.

    A comment whose follow-up fails (a fault in a receiver) keeps its mark, is logged, and does not
    hold up the others; it is tried again with the next batches.
    """
    ids = list(Comment.objects.filter(followup_due=True).order_by("pk").values_list("pk", flat=True)[:batch])
    done = 0
    for pk in ids:
        try:
            done += _follow_up(pk)
        except DatabaseError:
            raise  # the database is locked or away: the worker waits and tries again
        except Exception:
            logger.exception("the follow-up of comment %s failed; it stays in the outbox", pk)
    return done


def _follow_up(comment_id: int) -> bool:
    from omdome.web.comments.services import writer_of

    with transaction.atomic():
        # Read again in the transaction: another worker may have followed it up meanwhile.
        comment = (Comment.objects.select_for_update(of=("self",)).select_related("organisation")
                   .filter(pk=comment_id, followup_due=True).first())
        if comment is None:
            return False
        event = ModerationEvent.objects.filter(comment=comment, action="created").order_by("pk").first()
        audit.record("comment.created", target=comment, from_status="",
                     to_status=event.to_status if event else comment.status, reason=event.reason if event else "")
        message_followed_up.send(sender=Comment, message=comment, conversation=f"thread:{comment.thread_id}",
                                 writer=writer_of(comment))
        Comment.objects.filter(pk=comment.pk).update(followup_due=False)
    return True


def drain_all() -> int:
    """Follow up every comment that waits (a worker run in batch mode, the demo, tests)."""
    done = 0
    while n := drain():
        done += n
    return done
