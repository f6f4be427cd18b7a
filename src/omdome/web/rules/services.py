"""Automation rules: composed by an administrator, previewed on the last 30 days, switched on, and
then applied to every new message right after triage, in their order; each application is kept
with the message and audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.triage.categories import CATEGORIES, PRESCRIPTIONS, Category
from omdome.web.core import audit
from omdome.web.core.errors import ServiceError
from omdome.web.core.mail import send_after_commit
from omdome.web.core.memo import Memo
from omdome.web.core.models import Organisation
from omdome.web.core.roles import Role, has_role, require_role
from omdome.web.messages.models import Direction, Message, Report, Status
from omdome.web.rules import conditions as rule_conditions
from omdome.web.rules.models import Rule, RuleAction, RuleRun

PREVIEW_DAYS = 30
PREVIEW_SHOWN = 20

# The switched-on rules of each organisation, read at most every few seconds: every new message asks.
_switched_on: Memo[list[Rule]] = Memo(seconds=10)


def forget_rules(**kwargs) -> None:  # type: ignore[no-untyped-def]
    """A rule changed in this process: read them again (other processes do within seconds)."""
    _switched_on.forget()


def switched_on(organisation_id: int | None) -> list[Rule]:
    return _switched_on.get(organisation_id, lambda: list(
        Rule.objects.filter(organisation_id=organisation_id, enabled=True).select_related("assign_to")
        .order_by("position", "pk")))


def facts_of(message: Message) -> rule_conditions.Facts:
    """What rules look at, from the message as stored (triage, source, reports, earlier messages)."""
    from omdome.web.comments.models import Comment

    comment = message if isinstance(message, Comment) else getattr(message, "comment", None)
    earlier = Message.objects.filter(direction=Direction.INCOMING, created__lt=message.created)
    if comment is not None and comment.email:
        earlier = earlier.filter(comment__email__iexact=comment.email)
    elif message.author_handle:
        earlier = earlier.filter(source=message.source, author_handle=message.author_handle)
    else:
        earlier = earlier.filter(source=message.source, author__iexact=message.author)
    return rule_conditions.Facts(
        category=message.category, action=message.action, toxicity=message.toxicity or 0.0,
        urgency=message.urgency, language=message.language, source=message.source,
        text=message.text, needs_review=message.needs_review or message.status in (Status.PENDING, Status.WITHHELD),
        reported=Report.objects.filter(message=message, decided_at__isnull=True).exists(),
        first_time_writer=not earlier.exclude(pk=message.pk).exists())


def _check_actions(actions: list[str], assign_to, label: str) -> list[str]:  # type: ignore[no-untyped-def]
    actions = sorted(set(actions), key=list(RuleAction.values).index) if actions else []
    if not actions:
        raise ServiceError("no_action", _("Choose at least one action."), field="actions")
    if unknown := [a for a in actions if a not in RuleAction.values]:
        raise ServiceError("bad_action", _("Unknown action: %(action)s.") % {"action": unknown[0]}, field="actions")
    if RuleAction.HOLD in actions and RuleAction.HIDE in actions:
        raise ServiceError("bad_action", _("A rule either holds a message or hides it, not both."), field="actions")
    if RuleAction.ASSIGN in actions and (assign_to is None or not has_role(assign_to, Role.COMMUNICATOR)):
        raise ServiceError("bad_owner", _("Choose the communicator to assign cases to."), field="assign_to")
    if RuleAction.LABEL in actions and label not in CATEGORIES:
        raise ServiceError("bad_category", _("Choose the category to set."), field="label")
    return actions


def save_rule(*, by, organisation: Organisation, name: str, conditions: dict, actions: list[str],  # type: ignore[no-untyped-def]
              assign_to=None, label: str = "", rule: Rule | None = None) -> Rule:
    """A new rule (switched off, last in order), or ``rule`` changed (switched off again: a changed
    rule is previewed before it runs)."""
    require_role(by, Role.ADMIN)
    name = " ".join((name or "").split())
    if not name:
        raise ServiceError("empty", _("Give the rule a name."), field="name")
    try:
        conditions = rule_conditions.validate(conditions)
    except rule_conditions.BadConditions as bad:
        raise ServiceError("bad_conditions", _("Choose at least one condition that can be checked.")
                           if bad.field == "conditions" else str(bad), field=bad.field) from None
    actions = _check_actions(actions, assign_to, label)
    with transaction.atomic():
        if rule is None:
            last = Rule.objects.filter(organisation=organisation).aggregate(m=Max("position"))["m"]
            rule = Rule(organisation=organisation, created_by=by, position=(last or 0) + 1)
        rule.name, rule.conditions, rule.actions = name, conditions, actions
        rule.assign_to = assign_to if RuleAction.ASSIGN in actions else None
        rule.label = label if RuleAction.LABEL in actions else ""
        rule.enabled, rule.previewed_at = False, None
        rule.save()
        audit.record("rule.saved", actor=by, target=rule, name=name, conditions=conditions, actions=actions)
    return rule


@dataclass
class Preview:
    checked: int
    matched: int
    examples: list[Message]


def preview(*, by, rule: Rule, now=None) -> Preview:  # type: ignore[no-untyped-def]
    """What ``rule`` would have done to the last 30 days' incoming messages (nothing is changed but
    the note that the rule has been previewed)."""
    require_role(by, Role.ADMIN)
    now = now or timezone.now()
    recent = (Message.objects.filter(direction=Direction.INCOMING, created__gte=now - timedelta(days=PREVIEW_DAYS))
              .exclude(status=Status.DELETED).select_related("comment").order_by("-created", "-id"))
    checked, found = 0, []
    for message in recent.iterator(chunk_size=500):
        checked += 1
        if rule_conditions.matches(rule.conditions, facts_of(message)):
            found.append(message)
    Rule.objects.filter(pk=rule.pk).update(previewed_at=now)
    rule.previewed_at = now
    return Preview(checked=checked, matched=len(found), examples=found[:PREVIEW_SHOWN])


def switch(*, by, rule: Rule, on: bool) -> Rule:  # type: ignore[no-untyped-def]
    """Switch a rule on (only after a preview of it as it stands) or off."""
    require_role(by, Role.ADMIN)
    if on and rule.previewed_at is None:
        raise ServiceError("not_previewed", _("Preview the rule before you switch it on: see what it would have "
                                              "done to the last 30 days."), status=409)
    with transaction.atomic():
        rule.enabled = on
        rule.save(update_fields=["enabled"])
        audit.record("rule.switched_on" if on else "rule.switched_off", actor=by, target=rule)
    return rule


def move(*, by, rule: Rule, up: bool) -> None:
    """One place earlier (``up``) or later in the order rules run in."""
    require_role(by, Role.ADMIN)
    with transaction.atomic():
        rules = list(Rule.objects.select_for_update().filter(organisation=rule.organisation))
        index = next(i for i, r in enumerate(rules) if r.pk == rule.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(rules):
            return
        rules[index], rules[other] = rules[other], rules[index]
        for position, each in enumerate(rules, start=1):
            if each.position != position:
                Rule.objects.filter(pk=each.pk).update(position=position)
        forget_rules()  # update() sends no post_save
        audit.record("rule.moved", actor=by, target=rule, to=other + 1)


def on_message_received(sender, *, message: Message, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """The receiver: every switched-on rule, in order, on a new message."""
    apply_rules(message)


def apply_rules(message: Message) -> list[RuleRun]:
    # By id: fetching the organisation itself would cost every new message a query.
    organisation_id = (message.organisation_id
                       or Organisation.objects.order_by("pk").values_list("pk", flat=True).first())
    rules = switched_on(organisation_id)
    if not rules:
        return []
    runs = []
    facts = facts_of(message)
    for rule in rules:
        if rule_conditions.matches(rule.conditions, facts):
            runs.append(_apply(rule, message))
            facts = facts_of(message)  # the rule may have changed what the next one looks at
    return runs


def _apply(rule: Rule, message: Message) -> RuleRun:
    from omdome.web.cases import services as cases
    from omdome.web.comments.models import Comment
    from omdome.web.comments.services import moderate

    done: list[str] = []
    reason = _("automation rule: %(name)s") % {"name": rule.name}
    for action in rule.actions:
        if action in (RuleAction.HOLD, RuleAction.HIDE):
            to_status = Status.WITHHELD if action == RuleAction.HOLD else Status.HIDDEN
            if message.status in (Status.PUBLISHED, Status.PENDING) or (
                    to_status == Status.HIDDEN and message.status == Status.WITHHELD):
                if isinstance(message, Comment):
                    moderate(comment=message, actor=None, to_status=to_status, reason=reason)
                else:
                    message.status = to_status
                    message.save(update_fields=["status"])
            if message.status in (to_status, Status.HIDDEN):  # held now, by this rule or already
                done.append(action)
        elif action == RuleAction.LABEL and message.category != rule.label:
            message.category, message.action = rule.label, PRESCRIPTIONS[Category(rule.label)].action
            message.save(update_fields=["category", "action"])
            done.append(action)
        elif action == RuleAction.OPEN_CASE:
            cases.open_case(message=message)
            done.append(action)
        elif action == RuleAction.ASSIGN:
            case = cases.case_of(message) or cases.open_case(message=message)
            if case.owner_id != rule.assign_to_id:
                case.owner = rule.assign_to
                case.save(update_fields=["owner"])
                audit.record("case.assigned", target=case, owner=rule.assign_to.get_username(), rule=rule.pk)
            done.append(action)
        elif action == RuleAction.NOTIFY:
            _notify(rule, message)
            done.append(action)
    run = RuleRun.objects.create(rule=rule, message=message, actions=done)
    audit.record("rule.applied", target=message, rule=rule.pk, name=rule.name, actions=done)
    return run


def _notify(rule: Rule, message: Message) -> None:
    from django.conf import settings
    from django.urls import reverse

    from omdome.web.cases.services import communicators

    def compose() -> tuple[str, str]:
        subject = _("Rule “%(name)s”: a new message from %(author)s") % {"name": rule.name, "author": message.author}
        body = _("The rule “%(name)s” matched a new message.\n\n%(author)s wrote:\n%(text)s\n\n%(link)s\n") % {
            "name": rule.name, "author": message.author, "text": message.text[:1000],
            "link": settings.OMDOME_BASE_URL + reverse("inbox:inbox") + "?queue=review"}
        return subject, body

    people = [rule.assign_to] if rule.assign_to is not None else list(communicators())
    send_after_commit([p.email for p in people], message.organisation, compose)
