"""Follow-up cases: a dissatisfied writer followed up until done (rule 5), within a service level."""

from __future__ import annotations

from datetime import date, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.web.core.cleaning import StorableText
from omdome.workhours import WorkingHours


class ServiceLevel(models.Model):
    """How soon the organisation follows up, counted in its working hours."""

    organisation = models.OneToOneField("core.Organisation", on_delete=models.CASCADE, related_name="service_level",
                                        verbose_name=_("organisation"))
    working_days = models.PositiveSmallIntegerField(
        _("follow up within (working days)"), default=2, validators=[MinValueValidator(1), MaxValueValidator(30)])
    opens = models.TimeField(_("opens"), default=time(8))
    closes = models.TimeField(_("closes"), default=time(17))
    eves_closed = models.BooleanField(_("closed on Midsummer Eve, Christmas Eve and New Year's Eve"), default=True)
    closed_dates = models.TextField(_("other closed days"), blank=True,
                                    help_text=_("One date per line, e.g. 2026-05-15."))
    open_automatically = models.BooleanField(
        _("open a case for every complaint"), default=True,
        help_text=_("Otherwise a communicator opens cases by hand from the inbox."))

    class Meta:
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")

    def __str__(self) -> str:
        return str(self.organisation)

    def closed_date_list(self) -> frozenset[date]:
        dates = set()
        for number, line in enumerate(self.closed_dates.splitlines(), start=1):
            if line.strip():
                try:
                    dates.add(date.fromisoformat(line.strip()))
                except ValueError:
                    raise ValidationError({"closed_dates": _("Line %(n)d is not a date like 2026-05-15.") % {
                        "n": number}}) from None
        return frozenset(dates)

    def clean(self) -> None:
        if self.opens >= self.closes:
            raise ValidationError({"closes": _("The closing time must be after the opening time.")})
        self.closed_date_list()

    def working_hours(self) -> WorkingHours:
        from zoneinfo import ZoneInfo

        return WorkingHours(opens=self.opens, closes=self.closes, eves_closed=self.eves_closed,
                            closed_dates=self.closed_date_list(), zone=ZoneInfo(settings.TIME_ZONE))


class CaseStatus(models.TextChoices):
    OPEN = "open", _("open")
    WAITING = "waiting", _("waiting for the writer")
    CLOSED = "closed", _("closed")


class Priority(models.TextChoices):
    HIGH = "high", _("high")
    NORMAL = "normal", _("normal")
    LOW = "low", _("low")


class Case(models.Model):
    """One writer's matter, from their first message until it has been followed up and closed."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="cases",
                                     verbose_name=_("organisation"))
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=8, choices=CaseStatus.choices, default=CaseStatus.OPEN,
                              db_index=True)
    priority = models.CharField(_("priority"), max_length=6, choices=Priority.choices, default=Priority.NORMAL)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="cases", verbose_name=_("owner"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("opened by"),
                                  help_text=_("Empty when the case opened itself for a complaint."))
    opened_at = models.DateTimeField(_("opened"))
    # When the case last became open (opened or reopened): the follow-up that closes it must come after.
    active_since = models.DateTimeField(_("open since"))
    due_at = models.DateTimeField(_("due"), db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("owner reminded"), null=True, blank=True)
    # Which writer in which conversation, so that their next message there finds the case.
    conversation = models.CharField(_("conversation"), max_length=200)
    writer = models.CharField(_("writer"), max_length=320)
    messages = models.ManyToManyField("messaging.Message", related_name="cases", verbose_name=_("messages"))

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["due_at", "id"]
        indexes = [models.Index(fields=["conversation", "writer"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"


class EventKind(models.TextChoices):
    OPENED = "opened", _("opened")
    NOTE = "note", _("internal note")
    CONTACT = "contact", _("contacted the writer")
    REPLY = "reply", _("replied publicly")
    MESSAGE = "message", _("new message from the writer")
    ASSIGNED = "assigned", _("assigned")
    STATUS = "status", _("status changed")
    REOPENED = "reopened", _("reopened")


# What counts as following the writer up (rule 5): a public reply or a recorded contact.
FOLLOW_UPS = (EventKind.REPLY, EventKind.CONTACT)


class CaseEvent(models.Model):
    """One thing that happened to a case, in the order it happened; never edited."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("case"))
    kind = models.CharField(_("what"), max_length=8, choices=EventKind.choices)
    at = models.DateTimeField(_("when"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=_("by"))
    text = models.TextField(_("text"), blank=True, validators=[StorableText(multiline=True)])
    message = models.ForeignKey("messaging.Message", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("message"))

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]

    @property
    def shown_text(self) -> str:
        """What the history shows: a status change by its name in the UI, anything else as written."""
        if self.kind == EventKind.STATUS and self.text in CaseStatus.values:
            return str(CaseStatus(self.text).label)
        return self.text
