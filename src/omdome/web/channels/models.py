"""The organisation's accounts on other platforms, and what came in through each."""

from __future__ import annotations

import secrets as random

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.web.core.cleaning import StorableText


def new_token() -> str:
    return random.token_urlsafe(18)


class Channel(models.Model):
    """One account: its platform, options, encrypted credentials, and where fetching goes on from."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="channels",
                                     verbose_name=_("organisation"))
    platform = models.CharField(_("platform"), max_length=20)
    name = models.CharField(_("name"), max_length=80, validators=[StorableText()])
    options = models.JSONField(_("settings"), default=dict, blank=True)
    sealed_credentials = models.TextField(editable=False, help_text=_("Tokens and secrets, encrypted."))
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False,
                             help_text=_("The last part of the address the platform pushes to."))
    cursor = models.CharField(_("fetched up to"), max_length=200, blank=True, editable=False)
    enabled = models.BooleanField(_("enabled"), default=True)
    last_sync = models.DateTimeField(_("last synchronised"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0, editable=False)
    next_attempt = models.DateTimeField(_("next attempt"), null=True, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["platform", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.platform})"


class ChannelItem(models.Model):
    """What the platform said about one message: its ids, link and raw payload, kept for the record."""

    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="items", verbose_name=_("channel"))
    message = models.OneToOneField("messaging.Message", on_delete=models.CASCADE, related_name="channel_item",
                                   verbose_name=_("message"))
    external_id = models.CharField(_("id on the platform"), max_length=200)
    parent_external_id = models.CharField(_("answers, on the platform"), max_length=200, blank=True)
    raw = models.JSONField(_("as received"), default=dict)
    received = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("channel item")
        verbose_name_plural = _("channel items")
        constraints = [models.UniqueConstraint(fields=["channel", "external_id"], name="channel_item_once")]
