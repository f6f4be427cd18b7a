"""Dashboard figures of long periods, counted in the background and kept until counted again."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    """One period's figures for one organisation in one UI language, as the dashboard draws them."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("organisation"))
    weeks = models.PositiveSmallIntegerField(_("weeks"))
    language = models.CharField(_("language"), max_length=8)
    counted_at = models.DateTimeField(_("counted at"))
    tables = models.JSONField(_("figures"))

    class Meta:
        verbose_name = _("dashboard snapshot")
        verbose_name_plural = _("dashboard snapshots")
        constraints = [models.UniqueConstraint(fields=["organisation", "weeks", "language"],
                                               name="snapshot_unique_period")]
