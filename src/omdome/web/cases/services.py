"""The rules of follow-up cases (rule 5: always follow up a dissatisfied writer).

A case is due a service level's working days after it opened; it cannot be closed until someone
has followed the writer up since it last opened (a public reply, or a contact noted by hand); the
writer's next message in the same conversation reopens it. Views, the inbox, the channels'
receivers and the reminder task all call these functions; each decision is audited.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.web.cases.models import FOLLOW_UPS, Case, CaseEvent, CaseStatus, EventKind, Priority, ServiceLevel
from omdome.web.core import audit
from omdome.web.core.cleaning import BadText, clean_text
from omdome.web.core.errors import ServiceError
from omdome.web.core.mail import send_after_commit
from omdome.web.core.memo import Memo
from omdome.web.core.models import Organisation
from omdome.web.core.roles import Role, has_role, require_role
from omdome.web.inbox.notifications import addresses
from omdome.web.messages.models import Message

ACTIVE = (CaseStatus.OPEN, CaseStatus.WAITING)
NOTE_KINDS = (EventKind.NOTE, EventKind.CONTACT)
TITLE_LENGTH = 80
# A writer's message reopens their closed case for this long; after that a complaint opens a new one.
REOPEN_WITHIN = timedelta(days=30)
NOTE_LENGTH = 5000


# Each organisation's service level, read at most every few seconds: every complaint asks.
_levels: Memo[ServiceLevel | None] = Memo(seconds=10)


def forget_service_levels(**kwargs) -> None:  # type: ignore[no-untyped-def]
    """A service level changed in this process: read them again (other processes do within seconds)."""
    _levels.forget()


def service_level(organisation: Organisation) -> ServiceLevel:
    """The organisation's service level; the defaults (two working days, 08–17) until an admin sets one."""
    level = _levels.get(organisation.pk, lambda: ServiceLevel.objects.filter(organisation=organisation).first())
    return level if level is not None else ServiceLevel(organisation=organisation)


def due_after(organisation: Organisation, start: datetime) -> datetime:
    level = service_level(organisation)
    return level.working_hours().add_days(start, level.working_days)


def _organisation_of(message: Message) -> Organisation:
    organisation = message.organisation or Organisation.objects.order_by("pk").first()
    if organisation is None:
        raise ServiceError("no_organisation", _("Name the organisation before opening cases."))
    return organisation


def _title(message: Message) -> str:
    words = " ".join(message.text.split())
    return words if len(words) <= TITLE_LENGTH else words[:TITLE_LENGTH - 1].rsplit(" ", 1)[0] + " …"


def _event(case: Case, kind: str, *, by=None, text: str = "", message: Message | None = None,  # type: ignore[no-untyped-def]
           at: datetime | None = None) -> CaseEvent:
    return CaseEvent.objects.create(case=case, kind=kind, by=by if getattr(by, "is_authenticated", False) else None,
                                    text=text, message=message, at=at or timezone.now())


def who_wrote(message: Message) -> tuple[str, str]:
    """(conversation, writer) of ``message``, as its channel knows them."""
    comment = getattr(message, "comment", None)
    if comment is not None:
        from omdome.web.comments.services import writer_of

        return f"thread:{comment.thread_id}", writer_of(comment)
    where = message.permalink or f"message:{message.pk}"
    return f"{message.source}:{where}", (message.author_handle or " ".join(message.author.split())).casefold()


def case_of(message: Message) -> Case | None:
    """The open or waiting case ``message`` belongs to, if any."""
    return message.cases.filter(status__in=ACTIVE).order_by("-opened_at").first()


def open_case(*, message: Message, by=None, conversation: str = "", writer: str = "") -> Case:  # type: ignore[no-untyped-def]
    """A case for ``message`` (by a communicator, or by itself when ``by`` is None); the message's
    active case if it already has one."""
    if by is not None:
        require_role(by, Role.COMMUNICATOR)
    if not conversation:
        conversation, writer = who_wrote(message)
    with transaction.atomic():
        if (existing := case_of(message)) is not None:
            return existing
        return _new_case(message, conversation=conversation, writer=writer, by=by)


def _new_case(message: Message, *, conversation: str, writer: str, by=None) -> Case:  # type: ignore[no-untyped-def]
    """A case for ``message``, which has none (the caller has made sure, in its transaction)."""
    organisation = _organisation_of(message)
    now = timezone.now()
    case = Case.objects.create(
        organisation=organisation, title=_title(message), opened_by=by, opened_at=now, active_since=now,
        due_at=due_after(organisation, now), conversation=conversation, writer=writer,
        priority=Priority.HIGH if message.urgency == "high" else Priority.NORMAL)
    # Case.messages.add() would first read which of them are there already: a new case has none.
    Case.messages.through.objects.create(case=case, message=message)
    _event(case, EventKind.OPENED, by=by, message=message, at=now)
    audit.record("case.opened", actor=by, target=case, message=message.pk, automatic=by is None,
                 due=case.due_at.isoformat())
    return case


def message_received(*, message: Message, conversation: str, writer: str) -> Case | None:
    """A new message from a writer: it joins their case in that conversation and reopens it if it was
    closed or waiting; a complaint without a case opens one, if the service level says so."""
    # A case an automation rule opened for this message a moment ago has the same conversation and
    # writer, so this finds it too.
    case = _writers_case(conversation, writer)
    if case is not None:
        if case.status in ACTIVE and case.messages.filter(pk=message.pk).exists():
            return case  # opened for this very message (by a rule)
        if (already := case_of(message)) is not None:  # a rule opened one elsewhere
            return already
        case.messages.add(message)
        if case.status == CaseStatus.OPEN:
            _event(case, EventKind.MESSAGE, message=message)
        else:
            _reopen(case, message=message)
        return case
    if message.action == "follow_up" and service_level(_organisation_of(message)).open_automatically:
        # No case found for this writer here, none opened for this message by a rule (it would have
        # been found): a new one, without asking again.
        return _new_case(message, conversation=conversation, writer=writer)
    return None


def _writers_case(conversation: str, writer: str) -> Case | None:
    """The writer's newest case in the conversation that is active or closed within REOPEN_WITHIN,
    locked for the caller's transaction. Most writers have none: the search is one plain query,
    asked for every new comment, where building the ORM's query cost more than running it."""
    table, ops = Case._meta.db_table, connection.ops
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE conversation = %s AND writer = %s "
                       f"AND NOT (status = %s AND closed_at IS NOT NULL AND closed_at < %s) "
                       f"ORDER BY opened_at DESC, id DESC LIMIT 1",
                       [conversation, writer, CaseStatus.CLOSED,
                        ops.adapt_datetimefield_value(timezone.now() - REOPEN_WITHIN)])
        row = cursor.fetchone()
    return Case.objects.select_for_update().get(pk=row[0]) if row else None


def _reopen(case: Case, *, message: Message | None = None, by=None) -> None:  # type: ignore[no-untyped-def]
    before = case.status
    now = timezone.now()
    case.status, case.closed_at, case.active_since, case.reminded_at = CaseStatus.OPEN, None, now, None
    case.due_at = due_after(case.organisation, now)
    case.save(update_fields=["status", "closed_at", "active_since", "reminded_at", "due_at"])
    _event(case, EventKind.REOPENED, by=by, message=message, at=now)
    audit.record("case.reopened", actor=by, target=case, from_status=before, message=message.pk if message else None,
                 due=case.due_at.isoformat())


def reply_sent(*, reply: Message, in_reply_to: Message | None) -> list[Case]:
    """A public reply to a message of an active case follows its writer up."""
    if in_reply_to is None:
        return []
    cases = list(in_reply_to.cases.filter(status__in=ACTIVE))
    for case in cases:
        case.messages.add(reply)
        _event(case, EventKind.REPLY, by=getattr(reply, "staff", None), message=reply)
        audit.record("case.followed_up", actor=getattr(reply, "staff", None), target=case, how="reply",
                     message=reply.pk)
    return cases


def followed_up(case: Case) -> bool:
    """Whether the writer has been followed up since the case last opened."""
    return case.events.filter(kind__in=FOLLOW_UPS, at__gte=case.active_since).exists()


def add_note(*, case: Case, by, kind: str, text: str) -> CaseEvent:  # type: ignore[no-untyped-def]
    """An internal note, or a record of contact with the writer (a call, an e-mail), which counts as
    following them up."""
    require_role(by, Role.COMMUNICATOR)
    if kind not in NOTE_KINDS:
        raise ServiceError("bad_kind", _("A note is either an internal note or a contact with the writer."),
                           field="kind")
    try:
        text = clean_text(text, max_length=NOTE_LENGTH, multiline=True)
    except BadText as bad:
        raise ServiceError(bad.code, bad.message, field="text") from None
    if not text:
        raise ServiceError("empty", _("Write what happened."), field="text")
    with transaction.atomic():
        event = _event(case, kind, by=by, text=text)
        audit.record("case.followed_up" if kind == EventKind.CONTACT else "case.noted", actor=by, target=case,
                     how="contact" if kind == EventKind.CONTACT else "note")
    return event


def set_status(*, case: Case, by, status: str) -> Case:  # type: ignore[no-untyped-def]
    """Open, waiting for the writer, or closed. Closing needs a follow-up since the case last opened."""
    require_role(by, Role.COMMUNICATOR)
    if status not in CaseStatus.values:
        raise ServiceError("bad_status", _("Unknown status: %(status)s.") % {"status": status}, field="status")
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if status == case.status:
            return case
        if status == CaseStatus.CLOSED and not followed_up(case):
            raise ServiceError("needs_follow_up", _(
                "The writer has not been followed up yet. Reply to them, or note how you contacted them, "
                "before you close the case (rule 5: always follow up)."), field="status", status=409)
        if status == CaseStatus.OPEN and case.status == CaseStatus.CLOSED:
            _reopen(case, by=by)
            return case
        before = case.status
        case.status = status
        case.closed_at = timezone.now() if status == CaseStatus.CLOSED else None
        case.save(update_fields=["status", "closed_at"])
        _event(case, EventKind.STATUS, by=by, text=status)
        audit.record("case.closed" if status == CaseStatus.CLOSED else "case.status_changed", actor=by, target=case,
                     from_status=before, to_status=status)
    return case


def assign(*, case: Case, by, owner) -> Case:  # type: ignore[no-untyped-def]
    """Give the case to a communicator (None: to nobody)."""
    require_role(by, Role.COMMUNICATOR)
    if owner is not None and not has_role(owner, Role.COMMUNICATOR):
        raise ServiceError("bad_owner", _("Only a communicator can own a case."), field="owner")
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.owner_id == (owner.pk if owner else None):
            return case
        case.owner, case.reminded_at = owner, None
        case.save(update_fields=["owner", "reminded_at"])
        _event(case, EventKind.ASSIGNED, by=by, text=owner.get_username() if owner else "")
        audit.record("case.assigned", actor=by, target=case, owner=owner.get_username() if owner else None)
        if owner is not None and owner != by:
            send_after_commit(addresses([owner], "case_assigned"), case.organisation, lambda: _assigned(case, by))
    return case


def overdue(organisation: Organisation | None = None, now: datetime | None = None) -> QuerySet[Case]:
    """Open cases past their due time (a case waiting for the writer is not the organisation's to answer)."""
    cases = Case.objects.filter(status=CaseStatus.OPEN, due_at__lt=now or timezone.now())
    return cases.filter(organisation=organisation) if organisation is not None else cases


def communicators():  # type: ignore[no-untyped-def]
    """Everyone who works the inbox and the cases: communicators and administrators."""
    return (get_user_model().objects.filter(is_active=True)
            .filter(Q(groups__name__in=[Role.COMMUNICATOR, Role.ADMIN]) | Q(is_superuser=True)).distinct())


def remind_overdue(now: datetime | None = None) -> int:
    """E-mail the owner of each overdue case once (every communicator when nobody owns it); the
    number of cases reminded of. A case is reminded of again only after it is reassigned or reopened."""
    now = now or timezone.now()
    reminded = 0
    for case in overdue(now=now).filter(reminded_at__isnull=True).select_related("organisation", "owner"):
        people = [case.owner] if case.owner is not None else list(communicators())
        to = addresses(people, "case_overdue")
        with transaction.atomic():
            if not Case.objects.filter(pk=case.pk, reminded_at__isnull=True).update(reminded_at=now):
                continue  # another worker got there first
            audit.record("case.reminded", target=case, to=[person.get_username() for person in people])
            send_after_commit(to, case.organisation, lambda case=case: _reminder(case))
        reminded += 1
    return reminded


def _link(case: Case) -> str:
    return settings.OMDOME_BASE_URL + reverse("cases:detail", args=[case.pk])


def _due(case: Case) -> str:
    return timezone.localtime(case.due_at).strftime("%Y-%m-%d %H:%M")


def _assigned(case: Case, by) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    subject = _("Case #%(id)d is yours: %(title)s") % {"id": case.pk, "title": case.title}
    body = _("%(who)s has given you case #%(id)d, due %(due)s.\n\n%(title)s\n\n%(link)s\n") % {
        "who": by.get_full_name() or by.get_username(), "id": case.pk, "title": case.title, "due": _due(case),
        "link": _link(case)}
    return subject, body


def _reminder(case: Case) -> tuple[str, str]:
    subject = _("Overdue: case #%(id)d, %(title)s") % {"id": case.pk, "title": case.title}
    body = _("Case #%(id)d was due %(due)s and has not been closed. Rule 5: always follow up a "
             "dissatisfied writer.\n\n%(title)s\n\n%(link)s\n") % {
        "id": case.pk, "due": _due(case), "title": case.title, "link": _link(case)}
    return subject, body
