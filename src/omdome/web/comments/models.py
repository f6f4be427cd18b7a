"""Sites, threads, comments and the moderation log.

Nothing here is ever hard-deleted by the application: a comment removed by its author or
by a moderator changes status and the change is logged.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.web.core.cleaning import StorableText
from omdome.web.messages.models import Message, Status

__all__ = ["Comment", "ModerationEvent", "Site", "Status", "Thread"]


class Site(models.Model):
    """A web site of the organisation whose pages may embed the comment widget."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="sites",
                                     verbose_name=_("organisation"))
    name = models.CharField(_("name"), max_length=160)
    origins = models.TextField(
        _("allowed origins"),
        help_text=_("One origin per line, e.g. https://www.sundby.se. Only pages there may embed the widget."),
    )
    language = models.CharField(_("language"), max_length=2, choices=[("sv", _("Swedish")), ("en", _("English"))],
                                default="sv")
    premoderation = models.BooleanField(_("pre-moderation"), default=False,
                                        help_text=_("Hold every new comment until a moderator publishes it."))
    premoderate_first_time = models.BooleanField(
        _("pre-moderate first-time commenters"), default=False,
        help_text=_("Hold comments from someone who has no published comment on this site yet."))
    personal_data = models.CharField(
        _("comments with personal data"), max_length=4, default="hold",
        choices=[("hold", _("hold for review")), ("mask", _("publish with the data masked"))],
        help_text=_("A reader whose comment contains someone's personal data (an identity number, a phone "
                    "number, an address …) is asked first whether to remove it; sent anyway, it is held for a "
                    "moderator or published with the data replaced by its kind. The organisation's own "
                    "public contact details never count."))
    house_rules_url = models.URLField(_("house rules page"), blank=True)
    operator = models.CharField(_("run by"), max_length=200, blank=True,
                                help_text=_("Who runs the comment service, shown above the form."))
    operator_url = models.URLField(_("operator page"), blank=True)
    retention_days = models.PositiveIntegerField(
        _("keep e-mail and IP addresses for (days)"), default=365,
        help_text=_("After this many days a comment's e-mail and IP address are erased; the widget says so."))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def origin_list(self) -> list[str]:
        from omdome.web.comments.threadkey import normalize_origin

        return [normalize_origin(o) for o in self.origins.splitlines() if o.strip()]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from omdome.web.comments.threadkey import is_origin

        bad = [o for o in self.origin_list if not is_origin(o)]
        if bad:
            raise ValidationError({"origins": _("Not an origin (scheme://host or scheme://host:port, nothing after "
                                                "it): %(bad)s") % {"bad": ", ".join(bad)}})


class Thread(models.Model):
    """The comments of one page, keyed by its normalised URL and created on first use."""

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="threads", verbose_name=_("site"))
    url = models.CharField(_("page URL"), max_length=1000, unique=True, validators=[StorableText()])
    title = models.CharField(_("title"), max_length=300, blank=True, validators=[StorableText()])
    title_from_staff = models.BooleanField(
        _("title set by staff"), default=False,
        help_text=_("Kept as it is; otherwise the title follows what the page itself says."))
    closed = models.BooleanField(_("closed to new comments"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    # Raised by every change to the thread's comments: cached reads of an older revision are stale.
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title or self.url


class Comment(Message):
    """A comment written in the widget on one of the organisation's pages (a message from the widget).

    The message holds the text, author, status and triage; the comment adds what only the
    widget needs: the thread and reply structure, the rendered HTML, the writer's e-mail and
    address, the verified-staff badge, and where an imported comment came from.
    """

    thread = models.ForeignKey(Thread, on_delete=models.PROTECT, related_name="comments", verbose_name=_("thread"))
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies",
                               verbose_name=_("reply to"))
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    email = models.EmailField(_("e-mail"), blank=True)
    html = models.TextField(_("rendered text"), editable=False)
    held_by_site = models.BooleanField(_("held by the site's rules"), default=False,
                                       help_text=_("Pre-moderation applied when it was written."))
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="staff_comments", verbose_name=_("staff member"))
    staff_name = models.CharField(_("staff name"), max_length=120, blank=True)
    staff_role = models.CharField(_("staff role"), max_length=120, blank=True)
    staff_organisation = models.CharField(_("staff organisation"), max_length=160, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    edited = models.DateTimeField(_("edited"), null=True, blank=True)
    imported_from = models.CharField(_("imported from"), max_length=200, blank=True)
    # Raised by every edit: a moderator's decision applies to the revision they read.
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    # The outbox of the background re-score: set in the same transaction as the text it concerns.
    rescore_due = models.BooleanField(default=False, editable=False)
    # The outbox of a new comment's follow-up (its audit entry, its writer's case): set when it is
    # stored, cleared by the worker in the transaction that does the follow-up (comments.followup).
    followup_due = models.BooleanField(default=False, editable=False)
    idempotency_key = models.CharField(max_length=64, blank=True, editable=False,
                                       help_text="SHA-256 of the client's Idempotency-Key header")

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created", "id"]
        indexes = [models.Index(fields=["thread", "depth"], name="comment_thread_depth"),
                   models.Index(fields=["message_ptr"], condition=models.Q(rescore_due=True),
                                name="comment_rescore_due"),
                   models.Index(fields=["message_ptr"], condition=models.Q(followup_due=True),
                                name="comment_followup_due")]
        constraints = [models.UniqueConstraint(fields=["idempotency_key"], condition=~models.Q(idempotency_key=""),
                                               name="comment_unique_idempotency_key")]
        permissions = [("reply_as_staff", _("Can reply as verified staff")),
                       ("view_contact_details", _("Can see the writers' e-mail and IP addresses"))]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"

    @property
    def is_staff_reply(self) -> bool:
        return self.staff_id is not None


class ModerationEvent(models.Model):
    """One entry of the moderation log: who did what to a comment, when, and why."""

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="events", verbose_name=_("comment"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              verbose_name=_("done by"))
    action = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(_("from status"), max_length=10, blank=True)
    to_status = models.CharField(_("to status"), max_length=10, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    text_before = models.TextField(_("text before the change"), blank=True)
    created = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation log")
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.action} #{self.comment_id}"
