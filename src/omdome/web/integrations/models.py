"""Other comment systems that send their comments to Omdöme: Coral's external moderation phase, or
any system through Omdöme's own signed webhook."""

from __future__ import annotations

import secrets as random

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.web.core.cleaning import StorableText


class Kind(models.TextChoices):
    CORAL = "coral", _("Coral (external moderation phase)")
    WEBHOOK = "webhook", _("any system (signed webhook)")


def new_token() -> str:
    return random.token_urlsafe(18)


class Integration(models.Model):
    """One system's door into the inbox: an address of its own and a secret that signs each request."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="integrations",
                                     verbose_name=_("organisation"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=80, validators=[StorableText()],
                            help_text=_("E.g. “Coral on the news site”."))
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False,
                             help_text=_("The last part of the address the system sends to."))
    sealed_secret = models.TextField(editable=False, help_text=_("The signing secret, encrypted."))
    feature_praise = models.BooleanField(
        _("feature praise"), default=False,
        help_text=_("Coral: tag praise the triage is sure of as FEATURED (rule 5: amplify it)."))
    callback_url = models.URLField(
        _("decisions to"), max_length=1000, blank=True,
        help_text=_("Signed webhook: where Omdöme tells the system about a communicator's later decision."))
    enabled = models.BooleanField(_("enabled"), default=True)
    received = models.PositiveBigIntegerField(_("comments received"), default=0, editable=False)
    refused = models.PositiveBigIntegerField(_("requests refused"), default=0, editable=False)
    last_received = models.DateTimeField(_("last received"), null=True, blank=True, editable=False)
    last_refused = models.DateTimeField(_("last refused"), null=True, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))

    class Meta:
        verbose_name = _("comment system")
        verbose_name_plural = _("comment systems")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
