"""The inbox's decisions, each in one transaction with its audit entry: re-label, mark done, reopen."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from omdome.triage.categories import CATEGORIES, PRESCRIPTIONS, Category
from omdome.web.core import audit
from omdome.web.core.errors import ServiceError
from omdome.web.core.mail import send_after_commit
from omdome.web.core.roles import Role, require_role
from omdome.web.inbox.models import Correction, Handling
from omdome.web.inbox.notifications import addresses
from omdome.web.messages import reports
from omdome.web.messages.models import Message, Status
from omdome.web.messages.signals import message_decided


def relabel(*, user, message: Message, category: str) -> Correction | None:  # type: ignore[no-untyped-def]
    """Give ``message`` the category a communicator chose, with the action rule 5 prescribes for it.

    The correction is kept (who, when, from what to what) and audited; None when nothing changed.
    """
    require_role(user, Role.COMMUNICATOR)
    if category not in CATEGORIES:
        raise ServiceError("bad_category", _("Unknown category: %(category)s.") % {"category": category})
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.category == category:
            return None
        correction = Correction.objects.create(message=message, organisation_id=message.organisation_id,
                                               before=message.category, after=category, by=user)
        message.category = category
        message.action = PRESCRIPTIONS[Category(category)].action
        message.save(update_fields=["category", "action"])
        audit.record("message.relabelled", actor=user, target=message, before=correction.before, after=category)
        message_decided.send(sender=Message, message=message, decision="relabelled", by=user)
    return correction


def mark_done(*, user, message: Message) -> Handling:  # type: ignore[no-untyped-def]
    """The message has had what rule 5 asks for; it leaves the open queues. Readers' reports of it are
    decided as it stands: hidden if it is hidden, else kept."""
    require_role(user, Role.COMMUNICATOR)
    with transaction.atomic():
        handling, created = Handling.objects.get_or_create(message=message, defaults={"by": user})
        Message.objects.filter(pk=message.pk).update(handled=True)
        if created:
            audit.record("message.handled", actor=user, target=message, category=message.category,
                         prescribed=message.action)
            message_decided.send(sender=Message, message=message, decision="handled", by=user)
        reports.decide(message=message, decision="hidden" if message.status == Status.HIDDEN else "kept", by=user)
    return handling


def moderate(*, user, comment, to_status: str, reason: str = "", revision: int | None = None):  # type: ignore[no-untyped-def]
    """Publish or hide a comment; readers' reports of it are decided with it."""
    from omdome.web.comments import services as comment_services

    require_role(user, Role.COMMUNICATOR)
    with transaction.atomic():
        comment = comment_services.moderate(comment=comment, actor=user, to_status=to_status, reason=reason,
                                            revision=revision)
        reports.decide(message=comment, decision="hidden" if to_status == Status.HIDDEN else "kept", by=user)
    return comment


def reopen(*, user, message: Message) -> None:  # type: ignore[no-untyped-def]
    """Back into its queue (a handled message that needs more)."""
    require_role(user, Role.COMMUNICATOR)
    with transaction.atomic():
        Message.objects.filter(pk=message.pk).update(handled=False)
        if Handling.objects.filter(message=message).delete()[0]:
            audit.record("message.reopened", actor=user, target=message)
            message_decided.send(sender=Message, message=message, decision="reopened", by=user)


def model_in_use_trained_at():  # type: ignore[no-untyped-def]
    """When the triage model in use was trained; None for the shipped model, which learnt from none of
    this organisation's corrections whenever it was built."""
    from datetime import datetime

    from django.conf import settings

    from omdome.triage.model import load_model

    if not settings.OMDOME_TRIAGE_MODEL:
        return None
    trained = load_model(settings.OMDOME_TRIAGE_MODEL).meta.get("trained", "")
    try:
        return datetime.fromisoformat(trained.replace("Z", "+00:00"))
    except ValueError:
        return None


def corrections_count(organisation) -> int:  # type: ignore[no-untyped-def]
    """Re-labels made in this organisation that the triage model in use has not learnt from."""
    corrections = Correction.objects.filter(Q(organisation=organisation) | Q(organisation__isnull=True))
    if (trained := model_in_use_trained_at()) is not None:
        corrections = corrections.filter(at__gt=trained)
    return corrections.count()


def corrections_as_training_data(*, user, organisation, since=None) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """The organisation's re-labelled messages as examples ``omdome train`` reads: each message once, with
    the category a communicator gave it last. Messages removed by their writers are left out. Audited:
    the file holds readers' own words."""
    require_role(user, Role.ADMIN)
    corrected = Message.objects.filter(organisation=organisation, corrections__isnull=False).exclude(
        status=Status.DELETED)
    if since is not None:
        corrected = corrected.filter(corrections__at__gte=since)
    examples = [{"text": text, "category": category, **({"language": language} if language else {})}
                for text, category, language in corrected.distinct().order_by("pk")
                .values_list("text", "category", "language") if text.strip() and category in CATEGORIES]
    audit.record("corrections.exported", actor=user, target=organisation, examples=len(examples))
    return examples


def staff_who_answer(organisation):  # type: ignore[no-untyped-def]
    """Active staff with a profile in the organisation: who a message can be routed to."""
    from django.contrib.auth import get_user_model

    return (get_user_model().objects.filter(is_active=True, staff_profile__organisation=organisation)
            .select_related("staff_profile").order_by("first_name", "last_name", "username"))


def suggest_expert(message: Message, people) -> object | None:  # type: ignore[no-untyped-def]
    """The colleague whose expertise topics (staff profile) occur most in the message, if any does."""
    from omdome.detect.terms import compile_terms

    best, best_hits = None, 0
    for person in people:
        pattern = compile_terms(tuple(person.staff_profile.topics))
        hits = len(pattern.findall(message.text)) if pattern is not None else 0
        if hits > best_hits:
            best, best_hits = person, hits
    return best


def assign(*, user, message: Message, to, link: str = "") -> bool:  # type: ignore[no-untyped-def]
    """Route ``message`` to a colleague (None: to nobody); they get an e-mail with it. False when
    nothing changed."""
    require_role(user, Role.COMMUNICATOR)
    if to is not None and (not to.is_active or getattr(to, "staff_profile", None) is None):
        raise ServiceError("bad_assignee", _("Choose a colleague from the list."), field="assign_to")
    with transaction.atomic():
        changed = Message.objects.filter(pk=message.pk).exclude(assigned_to=to).update(assigned_to=to)
        if not changed:
            return False
        message.assigned_to = to
        audit.record("message.assigned", actor=user, target=message, to=to.get_username() if to else None)
        if to is not None and to != user:
            send_after_commit(addresses([to], "routed"), message.organisation, lambda: (
                _("A message for you to answer, from %(author)s") % {"author": message.author},
                _("%(who)s thinks you are the one to answer this:\n\n%(author)s wrote:\n%(text)s\n\n%(link)s\n")
                % {"who": user.get_full_name() or user.get_username(), "author": message.author,
                   "text": message.text[:2000], "link": link}))
    return True


BULK_ACTIONS = ("done", "reopen", "publish", "hide", "relabel", "assign")
BULK_LIMIT = 100  # messages in one bulk action: a page and more, never a whole queue by accident


def apply_to_many(*, user, organisation, ids: list[int], action: str, category: str = "", reason: str = "",
                  to=None, revisions: dict[int, int] | None = None, link: str = "") -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """One inbox action on several of the organisation's incoming messages, each decided (and audited)
    as if it were done alone. Returns (changed, not possible): hiding or publishing is possible only
    for comments on the organisation's own site, and only as the communicator read them."""
    from omdome.web.comments.models import Comment
    from omdome.web.comments.services import ChangedSinceRead
    from omdome.web.inbox.queues import incoming

    require_role(user, Role.COMMUNICATOR)
    if action not in BULK_ACTIONS:
        raise ServiceError("bad_action", _("Unknown action: %(action)s.") % {"action": action}, field="action")
    if action == "relabel" and category not in CATEGORIES:
        raise ServiceError("bad_category", _("Choose a category."), field="category")
    if action == "hide" and not reason:
        raise ServiceError("needs_reason", _("Choose why the comments are hidden."), field="reason")
    if len(ids) > BULK_LIMIT:
        raise ServiceError("too_many", _("Choose at most %(n)d messages at a time.") % {"n": BULK_LIMIT})
    changed = refused = 0
    for message in incoming(organisation).filter(pk__in=ids).order_by("pk"):
        if action == "done":
            mark_done(user=user, message=message)
        elif action == "reopen":
            reopen(user=user, message=message)
        elif action == "relabel":
            if relabel(user=user, message=message, category=category) is None:
                continue
        elif action == "assign":
            if not assign(user=user, message=message, to=to, link=link):
                continue
        else:
            comment = Comment.objects.filter(pk=message.pk).first()
            to_status = Status.HIDDEN if action == "hide" else Status.PUBLISHED
            if comment is None or comment.status == to_status:
                refused += comment is None
                continue
            try:
                moderate(user=user, comment=comment, to_status=to_status, reason=reason,
                         revision=(revisions or {}).get(message.pk))
            except (ChangedSinceRead, ValueError):
                refused += 1
                continue
        changed += 1
    return changed, refused
