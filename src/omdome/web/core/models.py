"""The organisation that adopts the policy, the one audit log every app writes to, and the base of
the secrets kept only as their hash."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    PRIVATE = "private", _("company or organisation")
    PUBLIC = "public", _("public sector")


class Organisation(models.Model):
    """Who adopts the policy: the sites, staff and policy versions of one organisation belong to it."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    sector = models.CharField(_("sector"), max_length=7, choices=Sector.choices, default=Sector.PRIVATE,
                              help_text=_("The public sector also gets the checks for secrecy and registration."))
    language = models.CharField(_("language"), max_length=2, choices=[("sv", _("Swedish")), ("en", _("English"))],
                                default="sv")
    customer_word = models.CharField(_("word for customer"), max_length=40, blank=True,
                                     help_text=_("E.g. resident, customer, member."))
    company_word = models.CharField(_("word for the organisation"), max_length=40, blank=True,
                                    help_text=_("E.g. council, company, association."))
    domains = models.TextField(_("web domains"), blank=True,
                               help_text=_("One domain per line, e.g. sundby.se; its addresses count as the "
                                           "organisation's own."))
    contact_email = models.EmailField(_("public e-mail"), blank=True)
    contact_phone = models.CharField(_("public phone"), max_length=40, blank=True)
    address = models.CharField(_("postal address"), max_length=200, blank=True)
    data_controller = models.CharField(_("data controller"), max_length=200, blank=True)
    privacy_contact = models.CharField(_("data protection contact"), max_length=200, blank=True)
    privacy_url = models.URLField(_("privacy notice page"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def domain_list(self) -> list[str]:
        return [d.strip().lower() for d in self.domains.splitlines() if d.strip()]

    @property
    def is_public_sector(self) -> bool:
        return self.sector == Sector.PUBLIC


class AuditEntry(models.Model):
    """One decision in the audit log: append-only, each entry sealed with the hash of the one before.

    ``seq`` counts entries without gaps, so a removed row breaks the chain as surely as an
    edited one; ``omdome audit verify`` walks it.
    """

    seq = models.PositiveBigIntegerField(_("number"), unique=True, editable=False)
    created = models.DateTimeField(_("when"), editable=False)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+", verbose_name=_("done by"))
    actor_name = models.CharField(_("done by (name)"), max_length=150, blank=True, editable=False)
    action = models.CharField(_("action"), max_length=60, db_index=True, editable=False)
    target_type = models.CharField(_("object type"), max_length=60, blank=True, editable=False)
    target_id = models.CharField(_("object"), max_length=64, blank=True, editable=False)
    data = models.JSONField(_("details"), default=dict, blank=True, editable=False)
    prev_hash = models.CharField(_("previous hash"), max_length=64, editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-seq"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("audit entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("audit entries are never deleted")


class HashedSecret(models.Model):
    """A secret handed out once (an API token, an analysis key) and kept only as its SHA-256 digest
    and its first characters, by which its owner tells it apart."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"  # type: ignore[attr-defined]

    @staticmethod
    def digest_of(secret: str) -> str:
        # A lone surrogate in a forged secret matches nothing instead of failing to encode.
        return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()
