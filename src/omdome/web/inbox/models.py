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
