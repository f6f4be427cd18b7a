"""Channel-neutral messages: any text that reaches the organisation, from any source.

A widget comment is one (``omdome.web.comments.Comment`` extends ``Message`` with what only
the widget needs); a Facebook comment, a Mastodon reply or an e-mail will be others.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.web.core.cleaning import StorableText


class Source(models.TextChoices):
    WIDGET = "widget", _("comment on our site")
    IMPORT = "import", _("imported comment")
    FACEBOOK = "facebook", _("Facebook")
    INSTAGRAM = "instagram", _("Instagram")
    MASTODON = "mastodon", _("Mastodon")
    EMAIL = "email", _("e-mail")
    API = "api", _("other system")
    CORAL = "coral", _("Coral")
    YOUTUBE = "youtube", _("YouTube")
    FEED = "feed", _("RSS or Atom feed")


class Direction(models.TextChoices):
    INCOMING = "in", _("incoming")
    OUTGOING = "out", _("our reply")


class Status(models.TextChoices):
    PUBLISHED = "published", _("published")
    PENDING = "pending", _("pending review")
    WITHHELD = "withheld", _("withheld for review")
    HIDDEN = "hidden", _("hidden by a moderator")
    DELETED = "deleted", _("removed by its author")


class Message(models.Model):
    """One text with where it came from, who wrote it, when, its status and its triage (rule 5)."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="messages", verbose_name=_("organisation"))
    source = models.CharField(_("source"), max_length=12, choices=Source.choices, default=Source.WIDGET,
                              db_index=True)
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices,
                                 default=Direction.INCOMING)
    external_id = models.CharField(_("id at the source"), max_length=200, blank=True,
                                   help_text=_("The platform's own id, so that nothing is fetched twice."))
    permalink = models.URLField(_("link"), max_length=1000, blank=True)
    author = models.CharField(_("name"), max_length=80, validators=[StorableText()])
    author_handle = models.CharField(_("account"), max_length=200, blank=True)
    text = models.TextField(_("text"), validators=[StorableText(multiline=True)])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED,
                              db_index=True)
    created = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True,
                                        help_text=_("When the writer published it at the source, if known."))
    # Triage (rule 5), as it was when the text was last triaged; set only by messages.triage.apply_triage.
    category = models.CharField(_("category"), max_length=12, blank=True, db_index=True)
    action = models.CharField(_("action"), max_length=12, blank=True)
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    toxicity = models.FloatField(_("toxicity"), null=True, blank=True)
    urgency = models.CharField(_("urgency"), max_length=6, blank=True)
    needs_review = models.BooleanField(_("needs review"), default=False)
    possibly_unlawful = models.BooleanField(_("possibly unlawful"), default=False,
                                            help_text=_("Triage advised reporting it (a threat or incitement)."))
    language = models.CharField(_("language"), max_length=8, blank=True,
                                help_text=_("As triage read it: sv, en, nb, da …"))
    triage = models.JSONField(_("triage result"), default=dict, blank=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("assigned to"),
                                    help_text=_("The colleague who answers it (a question routed to an expert)."))
    # Kept beside the records they summarise (the inbox's Handling, undecided Reports), so that the
    # inbox counts and lists its queues from this table's index alone; only inbox.services and
    # messages.reports set them, in the transaction that writes those records.
    handled = models.BooleanField(_("handled"), default=False, editable=False)
    reported = models.BooleanField(_("reported by readers"), default=False, editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], condition=~models.Q(external_id=""),
                                    name="message_unique_external_id"),
        ]
        # Everything that puts a message in an inbox queue and orders it there: the queue counts and
        # the lists read this narrow index instead of the wide rows (100,000 messages: bench_inbox).
        indexes = [models.Index(fields=["organisation", "direction", "handled", "reported", "action", "needs_review",
                                        "status", "urgency", "created", "language", "category"],
                                name="message_queue_idx"),
                   # The dashboard's period: messages received since a date, counted per day and category.
                   # The date comes second so that the queues' lists keep to the queue index.
                   models.Index(fields=["organisation", "created", "direction", "category", "handled", "status"],
                                name="message_period_idx")]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"


class ReportReason(models.TextChoices):
    ILLEGAL = "illegal", _("illegal, e.g. a threat or agitation against a group")
    HATE = "hate", _("hate or harassment")
    PERSONAL_DATA = "personal_data", _("someone's personal data")
    FALSE = "false", _("false or misleading")
    SPAM = "spam", _("spam or advertising")
    OTHER = "other", _("something else")


class Report(models.Model):
    """A reader's notice that a message breaks the law or the house rules (notice and action).

    It puts the message in front of a moderator until someone decides; the decision is kept on the
    report, and a reporter who left an e-mail address is told what it was.
    """

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports", verbose_name=_("message"))
    reason = models.CharField(_("reason"), max_length=14, choices=ReportReason.choices)
    explanation = models.TextField(_("explanation"), blank=True, validators=[StorableText(multiline=True)])
    email = models.EmailField(_("reporter's e-mail"), blank=True,
                              help_text=_("Only to tell the reporter the decision; never shown."))
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created = models.DateTimeField(_("received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, db_index=True)
    decision = models.CharField(_("decision"), max_length=8, blank=True,
                                choices=[("kept", _("kept")), ("hidden", _("hidden"))])

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created", "id"]
