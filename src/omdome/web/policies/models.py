"""Policy versions of an organisation and who has acknowledged which version.

A version is a draft until an administrator approves it; from then on it is published and
never changes. The organisation's current policy is its newest published version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PolicyVersion(models.Model):
    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="policy_versions",
                                     verbose_name=_("organisation"))
    number = models.PositiveIntegerField(_("version"))
    toml = models.TextField(_("policy (TOML)"))
    facts_toml = models.TextField(_("facts (TOML)"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=80, blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))
    approved = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("approved by"))

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["organisation", "number"], name="policy_version_number")]
        permissions = [("approve_policyversion", _("Can approve a policy version"))]

    def __str__(self) -> str:
        return f"{self.organisation} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.approved is not None

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and self.is_published:
            stored = PolicyVersion.objects.filter(pk=self.pk).values("toml", "facts_toml", "approved").first()
            if stored and stored["approved"] is not None and (
                    stored["toml"], stored["facts_toml"]) != (self.toml, self.facts_toml):
                raise ValueError("a published policy version never changes; make a new version")
        super().save(*args, **kwargs)


class Acknowledgement(models.Model):
    """An employee has read and acknowledged one published version."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="acknowledgements",
                             verbose_name=_("user"))
    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="acknowledgements",
                                verbose_name=_("policy version"))
    created = models.DateTimeField(_("acknowledged"), auto_now_add=True)

    class Meta:
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="acknowledged_once")]

    def __str__(self) -> str:
        return f"{self.user} – {self.version}"
