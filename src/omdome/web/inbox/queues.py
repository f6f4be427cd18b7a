"""The inbox's queues: rule 5's actions, and the messages a person must look at first.

Every incoming message is in exactly one queue: "needs review" while a reader's report of it is
undecided; else done once handled; else "needs review" while withheld, pending or unsure; else the
queue of the action triage prescribed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from omdome.web.messages.models import Direction, Message, Status


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
    """The organisation's incoming messages (those removed by their authors left out); messages stored
    before the installation had an organisation count as its own."""
    messages = Message.objects.filter(direction=Direction.INCOMING).exclude(status=Status.DELETED)
    if Message.objects.filter(organisation__isnull=True).exists():
        return messages.filter(Q(organisation=organisation) | Q(organisation__isnull=True))
    return messages.filter(organisation=organisation)  # one range of the queue index, no OR to merge


def _condition(slug: str) -> Q:
    """What puts a message in the queue ``slug``."""
    if slug == "done":
        return Q(handled=True, reported=False)
    if slug == "review":
        return Q(reported=True) | (Q(handled=False) & _UNSURE)
    action = Q(action=_ACTION_OF[slug])
    if slug == "other":  # and anything without a known action (not triaged), as queue_of says
        action |= ~Q(action__in=_ACTION_OF.values())
    return Q(handled=False, reported=False) & ~_UNSURE & action


def in_queue(messages: QuerySet[Message], slug: str) -> QuerySet[Message]:
    return messages.filter(_condition(slug))


def queue_of(message: Message) -> str:
    """The one queue ``message`` is in, as stored now."""
    stored = Message.objects.filter(pk=message.pk).values("reported", "handled", "needs_review", "status",
                                                          "action").get()
    if stored["reported"]:
        return "review"
    if stored["handled"]:
        return "done"
    if stored["needs_review"] or stored["status"] in (Status.PENDING, Status.WITHHELD):
        return "review"
    return next((slug for slug, action in _ACTION_OF.items() if action == stored["action"]), "other")


def counts(messages: QuerySet[Message]) -> dict[str, int]:
    """Messages per queue, in the order of QUEUES: one pass over the queue index, grouped by what
    decides the queue."""
    # Grouped by the index's own columns in its order, so the database counts as it reads the index.
    grouped = (messages.values("handled", "reported", "action", "needs_review", "status")
               .annotate(n=Count("pk")).order_by())
    totals = dict.fromkeys((q.slug for q in QUEUES), 0)
    for row in grouped:
        if row["reported"]:
            slug = "review"
        elif row["handled"]:
            slug = "done"
        elif row["needs_review"] or row["status"] in (Status.PENDING, Status.WITHHELD):
            slug = "review"
        else:
            slug = next((q for q, a in _ACTION_OF.items() if a == row["action"]), "other")
        totals[slug] += row["n"]
    return totals


ORDERS = {"urgency": (_("urgent first"), ("urgency_rank", "-created", "-id")),
          "newest": (_("newest first"), ("-created", "-id")),
          "oldest": (_("oldest first"), ("created", "id"))}


def ordered(messages: QuerySet[Message], order: str = "urgency") -> QuerySet[Message]:
    """In the order chosen: by default urgent first, then the newest."""
    fields = ORDERS.get(order, ORDERS["urgency"])[1]
    if "urgency_rank" in fields:
        messages = messages.annotate(urgency_rank=URGENCY_ORDER)
    return messages.order_by(*fields)
