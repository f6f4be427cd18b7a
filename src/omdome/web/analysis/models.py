"""Keys for the Perspective-compatible analysis endpoint, one per client system."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.web.core.cleaning import StorableText
from omdome.web.core.models import HashedSecret


class AnalysisKey(HashedSecret):
    """A key an administrator gave one client (Coral, a forum, a bot); only its hash is kept."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="analysis_keys",
                                     verbose_name=_("organisation"))
    name = models.CharField(_("client"), max_length=80, validators=[StorableText()],
                            help_text=_("Which system uses the key, e.g. “Coral on the news site”."))
    prefix = models.CharField(_("begins with"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    per_minute = models.PositiveIntegerField(_("requests per minute"), default=600,
                                             help_text=_("More than this in one minute are refused with 429."))
    keep_in_inbox = models.BooleanField(
        _("show analysed comments in the inbox"), default=False,
        help_text=_("Comments the client sends without doNotStore are kept as messages for the communicators."))
    requests = models.PositiveBigIntegerField(_("requests"), default=0, editable=False)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("analysis key")
        verbose_name_plural = _("analysis keys")
        ordering = ["-created"]

    @staticmethod
    def new_secret() -> str:
        # Google's keys are 39 characters of [A-Za-z0-9_-]; a client that checks the form accepts ours.
        return "omdA" + secrets.token_urlsafe(26)
