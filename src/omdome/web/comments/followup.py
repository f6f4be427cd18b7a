"""A new comment's follow-up, done by the worker soon after the comment is stored.

A reader's comment is stored with its triage, its moderation event and the thread's new revision
in one short transaction, and marked ``followup_due`` there (an outbox: nothing is queued apart
from the comment, so a crash cannot lose the follow-up). The rest does not change what readers
see and need not hold the database's write lock while the writer waits: the audit entry of the
comment's creation, and the announcement that makes the cases app find or open the writer's case
(``message_followed_up``). The worker does both for a batch of comments in the transaction that
clears their marks (``drain``); automation rules and the alert about a possible threat still run
while the comment is stored (``message_received``).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection, transaction

from omdome.web.comments.models import Comment, ModerationEvent
from omdome.web.core import audit
from omdome.web.messages.signals import message_followed_up

logger = logging.getLogger(__name__)

# A batch is followed up in one transaction: one commit (and one wait for the disk) for the batch
# rather than one per comment, which while readers post is time the web workers wait for the write
# lock. Small enough that a writer waiting behind a batch waits a few milliseconds.
BATCH = 4


def backlog() -> int:
    """How many stored comments wait for their follow-up."""
    return Comment.objects.filter(followup_due=True).count()


def drain(batch: int = BATCH) -> int:
    """Follow up one batch of new comments, oldest first; returns how many were done.

    The batch's comments and their creation events are read together, outside any transaction,
    then claimed and followed up in one transaction, each comment within a savepoint of its own. A
    comment whose follow-up fails (a fault in a receiver) keeps its mark, is logged, and does not
    hold up the others; it is tried again with the next batches.
    """
    comments = list(Comment.objects.filter(followup_due=True).select_related("organisation").order_by("pk")[:batch])
    if not comments:
        return 0
    created = _creation_events([comment.pk for comment in comments])
    done, failed = [], []
    with transaction.atomic():
        claimed = _claim([comment.pk for comment in comments])
        for comment in comments:
            if comment.pk not in claimed:
                continue  # another worker followed it up since the batch was read
            try:
                with transaction.atomic():
                    _follow_up(comment)
                done.append(comment)
            except DatabaseError:
                raise  # the database is locked or away: the worker waits and tries again
            except Exception:
                logger.exception("the follow-up of comment %s failed; it stays in the outbox", comment.pk)
                failed.append(comment.pk)
        if failed:
            Comment.objects.filter(pk__in=failed).update(followup_due=True)
        # The batch's audit entries in one statement, for the comments followed up.
        audit.record_many([("comment.created", comment, _created_data(comment, created.get(comment.pk)))
                           for comment in done])
    return len(done)


def _creation_events(comment_ids: list[int]) -> dict[int, tuple[str, str]]:
    """(status, reason) of each comment's first "created" event."""
    events: dict[int, tuple[str, str]] = {}
    for comment_id, to_status, reason in (ModerationEvent.objects.filter(comment_id__in=comment_ids, action="created")
                                          .order_by("pk").values_list("comment_id", "to_status", "reason")):
        events.setdefault(comment_id, (to_status, reason))
    return events


def _follow_up(comment: Comment) -> None:
    from omdome.web.comments.services import writer_of

    message_followed_up.send(sender=Comment, message=comment, conversation=f"thread:{comment.thread_id}",
                             writer=writer_of(comment))


def _created_data(comment: Comment, created: tuple[str, str] | None) -> dict[str, object]:
    """What the audit entry of a comment's creation says, as ``audit.record`` would have it."""
    to_status, reason = created or (comment.status, "")
    return {"from_status": "", "to_status": to_status, "reason": reason}


def _claim(comment_ids: list[int]) -> set[int]:
    """Clear the comments' marks, in the caller's transaction; the ids whose mark was still set.
    The update also locks the rows on PostgreSQL, so two workers cannot both follow a comment up.
    Plain SQL: it runs for every stored comment."""
    table, pk = Comment._meta.db_table, Comment._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET followup_due = %s WHERE {pk} IN ({', '.join(['%s'] * len(comment_ids))}) "
                       f"AND followup_due = %s RETURNING {pk}", [False, *comment_ids, True])
        return {row[0] for row in cursor.fetchall()}


def drain_all() -> int:
    """Follow up every comment that waits (a worker run in batch mode, the demo, tests)."""
    done = 0
    while n := drain():
        done += n
    return done
