"""E-mail from the inbox and the cases: what cannot wait (a possible threat, a message routed to you,
a case given to you or overdue) at once, the rest in a summary every morning; each person chooses."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.web.core.mail import send_after_commit
from omdome.web.messages.models import Message

KINDS = ("threat", "routed", "case_assigned", "case_overdue", "digest")
DIGEST_FROM = time(7)  # the morning summary goes out at the first worker round after this, local time


def wants(person, kind: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``person`` has chosen to get ``kind`` of e-mail (everything, until they choose)."""
    from omdome.web.inbox.models import Notifications

    if kind not in KINDS:
        raise ValueError(f"unknown kind of notification: {kind!r}")
    chosen = Notifications.objects.filter(user=person).values_list(kind, flat=True).first()
    return True if chosen is None else chosen


def addresses(people, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The e-mail addresses of those of ``people`` who want ``kind``."""
    return [person.email for person in people if person.email and wants(person, kind)]


def threat_at_once(sender, *, message: Message, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Every communicator is told at once of a new message flagged as possibly unlawful (a threat,
    incitement): it may need reporting to the police, and it waits in "needs review" meanwhile."""
    if not message.possibly_unlawful:
        return
    from omdome.web.cases.services import communicators

    link = settings.OMDOME_BASE_URL + reverse("inbox:inbox") + "?queue=review#message-" + str(message.pk)
    send_after_commit(addresses(communicators(), "threat"), message.organisation, lambda: (
        _("Possibly unlawful: a message from %(author)s to review now") % {"author": message.author},
        _("Triage advises reporting this message (a threat or incitement). It is withheld until "
          "someone has looked at it.\n\n%(author)s wrote:\n%(text)s\n\n%(link)s\n") % {
            "author": message.author, "text": message.text[:2000], "link": link}))


def send_digests(now: datetime | None = None) -> int:
    """Each morning, to every communicator who wants it: what came in since the last summary, what waits
    in each queue, and their own open and overdue cases. Nothing is sent on a day with nothing to say.
    Returns how many were sent."""
    from omdome.web.cases.models import Case, CaseStatus
    from omdome.web.cases.services import communicators, overdue
    from omdome.web.core.organisation import organisation_for
    from omdome.web.inbox import queues
    from omdome.web.inbox.models import Notifications

    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.time() < DIGEST_FROM:
        return 0
    sent = 0
    for person in communicators():
        settings_row, _created = Notifications.objects.get_or_create(user=person)
        if not settings_row.digest or settings_row.digest_sent_on == local.date() or not person.email:
            continue
        organisation = organisation_for(person)
        since = (timezone.make_aware(datetime.combine(settings_row.digest_sent_on, DIGEST_FROM))
                 if settings_row.digest_sent_on else now - timedelta(days=1))
        messages = queues.incoming(organisation)
        arrived = dict(messages.filter(created__gte=since, created__lt=now).values_list("category")
                       .annotate(n=Count("pk")).order_by())
        waiting = queues.counts(messages)
        mine = Case.objects.filter(organisation=organisation, owner=person,
                                   status__in=[CaseStatus.OPEN, CaseStatus.WAITING]).count()
        late = overdue(organisation, now).filter(owner=person).count()
        routed = messages.filter(assigned_to=person, handled=False).count()
        Notifications.objects.filter(pk=settings_row.pk).update(digest_sent_on=local.date())
        if not (sum(arrived.values()) or mine or routed or waiting["review"]):
            continue
        send_after_commit([person.email], organisation, lambda arrived=arrived, waiting=waiting, mine=mine,
                          late=late, routed=routed: _digest(arrived, waiting, mine, late, routed))
        sent += 1
    return sent


def _digest(arrived: dict[str, int], waiting: dict[str, int], mine: int, late: int, routed: int) -> tuple[str, str]:
    from omdome.web.inbox import queues
    from omdome.web.messages import labels

    lines = [_("Since the last summary: %(n)d new messages.") % {"n": sum(arrived.values())}]
    lines += [f"  {labels.CATEGORY.get(category, category)}: {n}"
              for category, n in sorted(arrived.items()) if category]
    lines += ["", _("Waiting in the inbox now:")]
    lines += [f"  {queue.label}: {waiting[queue.slug]}" for queue in queues.QUEUES if queue.slug != "done"]
    lines += ["", _("Your open cases: %(n)d, of them overdue: %(late)d.") % {"n": mine, "late": late},
              _("Messages routed to you and not yet done: %(n)d.") % {"n": routed}, "",
              settings.OMDOME_BASE_URL + reverse("inbox:inbox")]
    return _("Omdöme: the inbox this morning"), "\n".join(lines) + "\n"
