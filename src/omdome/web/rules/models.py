"""Automation rules: conditions on a triaged message, and what to do when they hold."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.web.core.cleaning import StorableText


class RuleAction(models.TextChoices):
    HOLD = "hold", _("hold for review")
    HIDE = "hide", _("hide")
    OPEN_CASE = "open_case", _("open a case")
    ASSIGN = "assign", _("assign the case to a person")
    LABEL = "label", _("set the category")
    NOTIFY = "notify", _("notify by e-mail")


class Rule(models.Model):
    """Conditions (see ``rules.conditions``) and actions; rules run in ``position`` order."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="rules",
                                     verbose_name=_("organisation"))
    name = models.CharField(_("name"), max_length=120, validators=[StorableText()])
    position = models.PositiveIntegerField(_("order"), default=0)
    enabled = models.BooleanField(_("switched on"), default=False)
    conditions = models.JSONField(_("conditions"), default=dict)
    actions = models.JSONField(_("actions"), default=list)
    assign_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("assign to"))
    label = models.CharField(_("category to set"), max_length=12, blank=True)
    previewed_at = models.DateTimeField(_("previewed"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("created by"))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("automation rule")
        verbose_name_plural = _("automation rules")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class RuleRun(models.Model):
    """A rule applied to a message: what it did, kept with the message."""

    rule = models.ForeignKey(Rule, on_delete=models.PROTECT, related_name="runs", verbose_name=_("rule"))
    message = models.ForeignKey("messaging.Message", on_delete=models.CASCADE, related_name="rule_runs",
                                verbose_name=_("message"))
    actions = models.JSONField(_("actions"), default=list)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("rule applied")
        verbose_name_plural = _("rules applied")
        ordering = ["at", "id"]
