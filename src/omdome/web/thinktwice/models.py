"""Drafts are never stored: only how many findings each rule had per day, and personal API tokens."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.web.core.models import HashedSecret


class FindingCount(models.Model):
    """How many findings of one code the draft check gave on one day, for the organisation's reports."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("organisation"))
    day = models.DateField(_("day"))
    rule = models.PositiveSmallIntegerField(_("rule"))
    code = models.CharField(_("code"), max_length=40)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("finding count")
        verbose_name_plural = _("finding counts")
        constraints = [models.UniqueConstraint(fields=["organisation", "day", "code"], name="finding_count_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.code}: {self.count}"


class ApiToken(HashedSecret):
    """A personal token for the review API; only its hash is kept, the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("begins with"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created"]

    @staticmethod
    def new_secret() -> str:
        return "omd_" + secrets.token_urlsafe(32)
