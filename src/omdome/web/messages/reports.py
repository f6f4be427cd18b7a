"""Readers' reports of a message (notice and action): received, acknowledged, decided.

A report puts the message in the moderators' "needs review" queue until someone decides to keep
or hide it; every report of that message is then decided together, and reporters who left an
e-mail address are told the decision.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.web.core import audit, ratelimit
from omdome.web.core.cleaning import BadText, clean_text
from omdome.web.core.errors import ServiceError
from omdome.web.core.mail import send_after_commit
from omdome.web.messages.models import Message, Report, ReportReason, Status

EXPLANATION_LENGTH = 1000


def report(*, message: Message, reason: str, explanation: str = "", email: str = "",
           ip: str | None = None, rate_key: str | None = None) -> Report:
    """Store a reader's report of a published message; ServiceError says what is wrong with it."""
    if message.status != Status.PUBLISHED:
        raise ServiceError("not_found", _("There is no such comment to report."), status=404)
    if reason not in ReportReason.values:
        raise ServiceError("invalid", _("Choose a reason from the list."), field="reason")
    try:
        explanation = clean_text(explanation or "", max_length=EXPLANATION_LENGTH, multiline=True)
        email = clean_text(email or "", max_length=254)
    except BadText as bad:
        raise ServiceError(bad.code, bad.message, field="explanation") from None
    if email:
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email

        try:
            validate_email(email)
        except ValidationError:
            raise ServiceError("invalid", _("Enter a valid e-mail address or leave the field empty."),
                               field="email") from None
    if rate_key:
        ratelimit.hit("report", rate_key, _("You have sent many reports in a short time. Try again later."))
    with transaction.atomic():
        stored = Report.objects.create(message=message, reason=reason, explanation=explanation, email=email,
                                       ip_address=ip)
        Message.objects.filter(pk=message.pk).update(reported=True)
        audit.record("message.reported", target=message, report=stored.pk, reason=reason)
    return stored


def open_reports(message: Message):  # type: ignore[no-untyped-def]
    return Report.objects.filter(message=message, decided_at__isnull=True)


def decide(*, message: Message, decision: str, by) -> int:  # type: ignore[no-untyped-def]
    """Every open report of ``message`` is decided: "kept" or "hidden". Reporters with an e-mail
    address are told. The number of reports decided."""
    reports = list(open_reports(message))
    if not reports:
        return 0
    now = timezone.now()
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(decided_at=now, decision=decision)
    Message.objects.filter(pk=message.pk).update(reported=False)
    audit.record("message.reports_decided", actor=by, target=message, decision=decision,
                 reports=[r.pk for r in reports])
    send_after_commit([r.email for r in reports], message.organisation, lambda: (
        _("Your report of a comment"),
        _("Thank you for your report. A moderator has read the comment and hidden it.") if decision == "hidden"
        else _("Thank you for your report. A moderator has read the comment and found that it may stay.")),
        one_each=True)
    return len(reports)
