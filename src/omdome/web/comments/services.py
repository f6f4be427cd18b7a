"""The rules for writing, editing, removing and moderating comments.

The API, the HTML views, the admin and the importers all call these functions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.review.reviewer import review_draft
from omdome.web.comments import pipeline, rescoring
from omdome.web.comments.errors import CommentRejected
from omdome.web.comments.markup import render_comment
from omdome.web.comments.models import Comment, ModerationEvent, Site, Status, Thread
from omdome.web.comments.tokens import check_edit_token, edit_token, edit_window
from omdome.web.core import audit
from omdome.web.core.inserts import insert, insert_if_absent, prepare
from omdome.web.messages.models import Direction, Source
from omdome.web.messages.signals import message_received, reply_sent
from omdome.web.messages.triage import apply_triage
from omdome.web.policies.services import current_policy

VISIBLE_AFTER_EDIT = {Status.PUBLISHED, Status.PENDING, Status.WITHHELD}


@dataclass
class Posted:
    comment: Comment
    edit_token: str
    replayed: bool = False  # stored by an earlier request with the same Idempotency-Key


def log(comment: Comment, action: str, *, actor=None, from_status: str = "", reason: str = "",
        text_before: str = "", in_bulk: bool = False) -> None:
    """The comment's own history (shown to moderators, exported) and the audit log, together.

    Every logged change may change what readers see, so the thread's revision goes up with it and
    cached reads of the thread are no longer used. ``in_bulk``: one of many changes made by a single
    decision (an import), which the caller records in the audit log and the threads once. A reader's
    new comment is logged by ``post_comment`` itself, and its audit entry written by the worker.
    """
    insert(ModerationEvent(comment=comment, actor=actor, action=action, from_status=from_status,
                           to_status=comment.status, reason=reason, text_before=text_before))
    if in_bulk:
        return
    audit.record(f"comment.{action}", actor=actor, target=comment, from_status=from_status,
                 to_status=comment.status, reason=reason)
    bump_revision(comment.thread_id)


def bump_revision(thread_id: int) -> None:
    """Cached reads of the thread are stale from now on. Plain SQL: it runs inside every stored
    comment's write transaction, which other writers wait for."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Thread._meta.db_table} SET revision = revision + 1 WHERE id = %s", [thread_id])


def post_comment(*, thread: Thread | None = None, thread_url: str = "", title: str = "", origin: str | None = None,
                 text: str, author: str, email: str = "", parent: int | None = None, honeypot: str = "",
                 confirmed: bool = False, ip: str | None = None, idempotency_key: str = "") -> Posted:
    """Run a reader's comment through the pipeline and store it with its triage.

    A page's thread is created with its first stored comment, never by a refused one. The comment,
    its log entry and its place in the re-score outbox are stored in one transaction. A request
    repeated with the same ``idempotency_key`` and the same content returns the comment stored the
    first time instead of a second one.

    What need not be done while the writer waits — the audit entry, the writer's case — is left
    in the comment's follow-up outbox for the worker (comments.followup): the writer's request
    holds the database's write lock only for the comment itself.
    """
    key = _idempotency(idempotency_key, thread_url or (thread.url if thread else ""), author, text)
    if key and (earlier := _stored_for(key)) is not None:
        return earlier
    s = pipeline.run(pipeline.Submission(thread=thread, thread_url=thread_url, title=title, origin=origin,
                                         text=text, author=author, email=email, parent_id=parent,
                                         honeypot=honeypot, confirmed=confirmed, ip=ip))
    # Everything but the SQL is done before the transaction: it holds the database's write lock,
    # which every other writer waits for.
    comment = Comment(parent=s.parent, depth=s.parent.depth + 1 if s.parent else 0,
                      organisation=s.site.organisation, source=Source.WIDGET, author=s.author, email=s.email,
                      text=s.text, html=s.html, status=s.status, held_by_site=s.held_by_site, ip_address=ip,
                      published_at=timezone.now(), idempotency_key=key, followup_due=True)
    if s.triage is not None:
        apply_triage(comment, s.triage)
        rescoring.mark_due(comment, s.triage)
    writer = writer_of(comment)
    # The rows' values too: the transaction runs little more than their SQL. The thread of a
    # page's first comment is known only inside it; the log entry's comment once it is stored.
    row = prepare(comment, later=("thread",))
    created = prepare(ModerationEvent(comment=comment, action="created", to_status=comment.status,
                                      reason="; ".join(s.reasons)), later=("comment",))
    try:
        with transaction.atomic():
            s.thread = comment.thread = _thread_of(s)
            row.insert()
            created.insert()  # the comment's log entry; the worker writes the audit entry from it
            bump_revision(comment.thread_id)
            message_received.send(sender=Comment, message=comment, conversation=f"thread:{comment.thread_id}",
                                  writer=writer, follow_up_later=True)
    except IntegrityError:
        if key and (earlier := _stored_for(key)) is not None:  # the same request, a moment earlier
            return earlier
        raise
    return Posted(comment, edit_token(comment.pk))


def writer_of(comment: Comment) -> str:
    """Who wrote ``comment``, as well as the widget knows: the e-mail address if given, else the name."""
    return comment.email.strip().casefold() or " ".join(comment.author.split()).casefold()


def _thread_of(s: pipeline.Submission) -> Thread:
    """The page's thread, created now for its first comment; its title follows what the page says
    unless staff have set it."""
    if s.thread is None:
        thread = Thread(site=s.site, url=s.thread_url, title=s.title)
        if not insert_if_absent(thread, "url"):  # another writer's first comment made it a moment ago
            thread = Thread.objects.get(url=s.thread_url)
        return thread
    if s.title and s.title != s.thread.title and not s.thread.title_from_staff:
        Thread.objects.filter(pk=s.thread.pk, title_from_staff=False).update(title=s.title)
        s.thread.title = s.title
    return s.thread


def _idempotency(key: str, *content: str) -> str:
    """What is stored for a client's Idempotency-Key: a hash of the key and the request's content,
    so that the key returns a comment only to the request that made it."""
    key = (key or "").strip()
    if not key:
        return ""
    if len(key) > 200 or not key.isascii() or not key.isprintable():
        raise CommentRejected("invalid", _("The Idempotency-Key header must be 1 to 200 printable ASCII "
                                           "characters."), field="Idempotency-Key")
    digest = hashlib.sha256(key.encode())
    for part in content:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _stored_for(key: str) -> Posted | None:
    comment = Comment.objects.select_related("thread").filter(idempotency_key=key).first()
    return Posted(comment, edit_token(comment.pk), replayed=True) if comment is not None else None


def own_comment(*, comment_id: int, token: str) -> Comment:
    """The writer's own comment, proved by its edit token, while it may still be changed."""
    comment = Comment.objects.select_related("thread__site").filter(pk=comment_id, staff__isnull=True).first()
    if comment is None or comment.status not in VISIBLE_AFTER_EDIT:
        raise CommentRejected("not_found", _("There is no such comment."), status=404)
    problem = check_edit_token(token, comment_id)
    if problem == "edit_expired":
        raise CommentRejected(problem, _("A comment can only be changed in the first %(n)d minutes.")
                              % {"n": edit_window().seconds // 60}, status=403)
    if problem:
        raise CommentRejected(problem, _("You can only change your own comments."), status=403)
    return comment


def edit_comment(*, comment_id: int, token: str, text: str, confirmed: bool = False,
                 ip: str | None = None, origin: str | None = None) -> Comment:
    """The writer changes their comment within the edit window; it is triaged again.

    The text before the change is kept in the log, a comment once flagged as possibly
    unlawful stays flagged, and an edit never releases a comment that waits for a moderator.
    """
    comment = own_comment(comment_id=comment_id, token=token)
    s = pipeline.run(pipeline.Submission(thread=comment.thread, text=text, author=comment.author,
                                         email=comment.email, confirmed=confirmed, ip=ip, origin=origin,
                                         editing=comment))
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        before, text_before = comment.status, comment.text
        # Only a published comment can change status by an edit (to pending or withheld);
        # one that waits for a moderator stays in the queue it is in.
        comment.status = s.status if before == Status.PUBLISHED else before
        comment.text, comment.html, comment.edited = s.text, s.html, timezone.now()
        comment.held_by_site = comment.held_by_site or s.held_by_site
        comment.revision += 1
        changed = apply_triage(comment, s.triage) if s.triage is not None else []
        comment.rescore_due = False
        if s.triage is not None:
            rescoring.mark_due(comment, s.triage)
        comment.save(update_fields=["text", "html", "status", "edited", "held_by_site", "revision", "rescore_due",
                                    *changed])
        log(comment, "edited_by_author", from_status=before, reason="; ".join(s.reasons), text_before=text_before)
    return comment


def delete_by_author(*, comment_id: int, token: str) -> Comment:
    """The writer removes their comment: it is hidden and kept, never erased."""
    comment = own_comment(comment_id=comment_id, token=token)
    with transaction.atomic():
        before = comment.status
        comment.status = Status.DELETED
        comment.save(update_fields=["status"])
        log(comment, "deleted_by_author", from_status=before)
    return comment


class ChangedSinceRead(CommentRejected):
    """The writer edited the comment after the moderator read it: the decision would apply to
    a text nobody has read."""

    status = 409


def moderate(*, comment: Comment, actor, to_status: str, reason: str = "", revision: int | None = None) -> Comment:
    """A moderator publishes, hides or holds a comment; the change and its reason are logged.

    ``actor`` None is the system itself (tests, imports); a person needs the permission to
    change comments. ``revision`` is the revision the moderator read: if the writer has edited
    the comment since, nothing changes and ChangedSinceRead says so (the comment stays in its
    queue, to be read again). A comment its writer removed stays removed.
    """
    if actor is not None and not actor.has_perm("comments.change_comment"):
        raise PermissionDenied("moderating comments needs the permission to change them")
    if to_status not in (Status.PUBLISHED, Status.HIDDEN, Status.WITHHELD, Status.PENDING):
        raise ValueError(f"a moderator cannot set status {to_status!r}")
    with transaction.atomic():
        current = Comment.objects.select_for_update().get(pk=comment.pk)
        if current.status == Status.DELETED:
            raise ValueError("the writer removed this comment; it cannot be shown again")
        if revision is not None and current.revision != revision:
            raise ChangedSinceRead("changed_since_read", _("The writer changed comment #%(id)d after you read it. "
                                                           "Read it again before you decide.") % {"id": comment.pk})
        before = current.status
        current.status = to_status
        current.save(update_fields=["status"])
        log(current, f"moderated_{to_status}", actor=actor, from_status=before, reason=reason)
    comment.status, comment.revision = current.status, current.revision
    return current


class DraftBlocked(Exception):
    """A staff reply the draft check blocks; it may be sent with a written reason."""

    def __init__(self, review):
        super().__init__("the draft check blocks this reply")
        self.review = review


class ReplyNeedsConfirmation(Exception):
    """A staff reply with findings, or to a comment rule 5 leaves unanswered: shown before it is sent."""

    def __init__(self, review, advice: list[str]):  # type: ignore[no-untyped-def]
        super().__init__("the reply needs a second look before it is published")
        self.review, self.advice = review, advice


# Rule 5: comments that are plainly hateful or only trolling are left unanswered.
NO_REPLY_CATEGORIES = ("hateful", "troll")


def rule5_advice(parent: Comment | None) -> list[str]:
    """Stable codes of rule 5's advice about replying to ``parent``."""
    return ["rule5.no_reply"] if parent is not None and parent.category in NO_REPLY_CATEGORIES else []


def post_staff_reply(*, user, thread: Thread, text: str, parent: int | None = None,
                     override_reason: str = "", confirmed: bool = False) -> Comment:
    """A verified staff reply (rule 1), checked against rules 1–4 of the policy first.

    A blocking finding needs a written reason; any other finding, and a reply to a comment that
    rule 5 says to leave unanswered, needs ``confirmed`` — the writer has seen the think-twice panel.
    """
    profile = getattr(user, "staff_profile", None)
    if (not user.has_perm("comments.reply_as_staff") or profile is None
            or not profile.can_reply_publicly):
        raise CommentRejected("not_verified", _("Only staff with a real name and role in their profile can reply."),
                              status=403)
    if thread.closed:
        raise CommentRejected("thread_closed", _("Comments are closed on this page."), status=403)
    parent_comment = None
    if parent is not None:
        parent_comment = Comment.objects.filter(pk=parent, thread=thread).first()
        if parent_comment is None:
            raise CommentRejected("invalid", _("The comment you reply to does not exist on this page."),
                                  field="parent")
        if parent_comment.status != Status.PUBLISHED:
            # A reply would show readers a verified answer under a comment they cannot see.
            raise CommentRejected("parent_not_published", _("The comment you reply to is not published. "
                                                            "Publish it first, or reply to the page."),
                                  field="parent")
        parent_comment = pipeline.within_depth(parent_comment)
    policy = current_policy(thread.site.organisation)
    review = review_draft(text, profile=profile.author_profile(), policy=policy, meaning=True)
    if review.verdict == "block" and not override_reason.strip():
        raise DraftBlocked(review)
    advice = rule5_advice(parent_comment)
    if (review.findings or advice) and not confirmed and review.verdict != "block":
        raise ReplyNeedsConfirmation(review, advice)
    with transaction.atomic():
        comment = Comment.objects.create(
            thread=thread, parent=parent_comment, depth=parent_comment.depth + 1 if parent_comment else 0,
            organisation_id=thread.site.organisation_id, source=Source.WIDGET, direction=Direction.OUTGOING,
            published_at=timezone.now(), author=profile.real_name, email=profile.work_email,
            text=text.strip(), html=render_comment(text.strip()), status=Status.PUBLISHED, staff=user,
            staff_name=profile.real_name, staff_role=profile.role, staff_organisation=profile.employer,
            category="", triage={"review": review.to_dict()})
        log(comment, "staff_reply", actor=user)
        reply_sent.send(sender=Comment, reply=comment, in_reply_to=parent_comment)
        if review.verdict == "block":
            codes = ", ".join(f.code for f in review.findings if f.severity == "block")
            log(comment, "draft_check_overridden", actor=user, reason=f"{override_reason.strip()} [{codes}]")
        elif review.findings or advice:
            codes = ", ".join([*(f.code for f in review.findings), *advice])
            log(comment, "draft_check_confirmed", actor=user, reason=f"[{codes}]")
    return comment


def forget_contact_details(now=None) -> int:  # type: ignore[no-untyped-def]
    """Erase the e-mail and IP address of comments older than their site's retention period.

    The widget's privacy notice promises this; the name and text stay with the comment.
    """
    from datetime import timedelta

    now = now or timezone.now()
    erased = 0
    for site in Site.objects.all():
        old = (Comment.objects.filter(thread__site=site, created__lt=now - timedelta(days=site.retention_days),
                                      staff__isnull=True)
               .exclude(email="", ip_address__isnull=True))
        for comment in old.iterator():
            with transaction.atomic():
                Comment.objects.filter(pk=comment.pk).update(email="", ip_address=None)
                log(comment, "contact_details_erased", reason=f"retention {site.retention_days} days")
            erased += 1
    return erased
