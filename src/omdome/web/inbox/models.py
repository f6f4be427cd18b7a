"""What communicators do with messages in the inbox: corrections of triage, and messages handled."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Correction(models.Model):
    """A communicator's re-label of a message's category: who, when, from what to what.

    Corrections are kept, never edited: they show where triage errs most for this organisation,
    and are the material a retrained model would learn from.
    """

    message = models.ForeignKey("messaging.Message", on_delete=models.CASCADE, related_name="corrections",
                                verbose_name=_("message"))
    # The message's, kept here too: counting an organisation's corrections then reads only corrections.
    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("organisation"))
    before = models.CharField(_("category before"), max_length=12)
    after = models.CharField(_("category after"), max_length=12)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("by"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("correction of triage")
        verbose_name_plural = _("corrections of triage")
        ordering = ["at", "id"]


class Handling(models.Model):
    """A message done with: acknowledged, answered, followed up, corrected or left unanswered on purpose."""

    message = models.OneToOneField("messaging.Message", on_delete=models.CASCADE, related_name="handling",
                                   verbose_name=_("message"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("by"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("handled message")
        verbose_name_plural = _("handled messages")


class Notifications(models.Model):
    """What one person is sent by e-mail. Without a row, everything: nobody misses a threat by default."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
                                verbose_name=_("user"))
    threat = models.BooleanField(_("a message flagged as possibly unlawful, at once"), default=True)
    routed = models.BooleanField(_("a message routed to me, at once"), default=True)
    case_assigned = models.BooleanField(_("a case given to me, at once"), default=True)
    case_overdue = models.BooleanField(_("a case of mine overdue, at once"), default=True)
    digest = models.BooleanField(_("a summary every morning of what came in and what waits"), default=True)
    digest_sent_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("e-mail notifications")
        verbose_name_plural = _("e-mail notifications")
