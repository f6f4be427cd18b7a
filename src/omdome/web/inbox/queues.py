"""The inbox's queues: rule 5's actions, and the messages a person must look at first.

Every incoming message is in exactly one queue: "needs review" while a reader's report of it is
undecided; else done once handled; else "needs review" while withheld, pending or unsure; else the
queue of the action triage prescribed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from omdome.web.messages.models import Direction, Message, Report, Status


@dataclass(frozen=True)
class Queue:
    slug: str
    label: str | Promise
    help: str | Promise


QUEUES = (
    Queue("review", _("Needs review"), _("reported by readers, withheld, pending or unsure: look at these first")),
    Queue("follow_up", _("Follow up"), _("dissatisfied writers: always follow up (rule 5)")),
    Queue("answer", _("Answer"), _("questions")),
    Queue("correct", _("Correct"), _("misconceptions: answer with facts")),
    Queue("amplify", _("Amplify"), _("praise: confirm and amplify")),
    Queue("unanswered", _("Leave unanswered"), _("hateful, trolling or spam: no reply")),
    Queue("other", _("Other"), _("neutral remarks: no action needed")),
    Queue("done", _("Done"), _("handled")),
)
BY_SLUG = {q.slug: q for q in QUEUES}
_ACTION_OF = {"follow_up": "follow_up", "answer": "answer", "correct": "correct", "amplify": "acknowledge",
              "unanswered": "no_reply", "other": "none"}
_UNSURE = Q(needs_review=True) | Q(status__in=[Status.PENDING, Status.WITHHELD])
URGENCY_ORDER = Case(When(urgency="high", then=Value(0)), When(urgency="normal", then=Value(1)),
                     default=Value(2), output_field=IntegerField())


def incoming(organisation) -> QuerySet[Message]:  # type: ignore[no-untyped-def]
    """The organisation's incoming messages (those removed by their authors left out)."""
    return (Message.objects.filter(direction=Direction.INCOMING)
            .filter(Q(organisation=organisation) | Q(organisation__isnull=True))
            .exclude(status=Status.DELETED))


def _reported() -> Q:
    return Q(Exists(Report.objects.filter(message=OuterRef("pk"), decided_at__isnull=True)))


def _condition(slug: str) -> Q:
    """What puts a message in the queue ``slug``."""
    if slug == "done":
        return Q(handling__isnull=False) & ~_reported()
    if slug == "review":
        return _reported() | (Q(handling__isnull=True) & _UNSURE)
    return Q(handling__isnull=True) & ~_UNSURE & ~_reported() & Q(action=_ACTION_OF[slug])


def in_queue(messages: QuerySet[Message], slug: str) -> QuerySet[Message]:
    return messages.filter(_condition(slug))


def queue_of(message: Message) -> str:
    """The one queue ``message`` is in."""
    if Report.objects.filter(message=message, decided_at__isnull=True).exists():
        return "review"
    if hasattr(message, "handling"):
        return "done"
    if message.needs_review or message.status in (Status.PENDING, Status.WITHHELD):
        return "review"
    return next((slug for slug, action in _ACTION_OF.items() if action == message.action), "other")


def counts(messages: QuerySet[Message]) -> dict[str, int]:
    """Messages per queue, in the order of QUEUES, counted in one query."""
    totals = messages.aggregate(**{q.slug: Count("pk", filter=_condition(q.slug)) for q in QUEUES})
    return {q.slug: totals[q.slug] for q in QUEUES}


def ordered(messages: QuerySet[Message]) -> QuerySet[Message]:
    """Urgent first, then the newest."""
    return messages.annotate(urgency_rank=URGENCY_ORDER).order_by("urgency_rank", "-created", "-id")
