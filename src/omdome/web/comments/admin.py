"""The admin for sites, threads, comments and the moderation log; nothing can be deleted here."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from omdome.web.comments import services
from omdome.web.comments.models import Comment, ModerationEvent, Site, Status, Thread
from omdome.web.core import audit


class NoDeleteAdmin(admin.ModelAdmin):
    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Site)
class SiteAdmin(NoDeleteAdmin):
    list_display = ("name", "language", "premoderation", "premoderate_first_time")
    search_fields = ("name", "origins")


@admin.register(Thread)
class ThreadAdmin(NoDeleteAdmin):
    list_display = ("__str__", "site", "closed", "created")
    list_filter = ("site", "closed")
    search_fields = ("url", "title")
    readonly_fields = ("url", "created")
    exclude = ("title_from_staff",)

    def save_model(self, request, obj, form, change) -> None:
        if "title" in form.changed_data:
            obj.title_from_staff = True  # the page's own title no longer replaces it
        obj.revision += 1  # readers see a closed thread or a new title at once
        super().save_model(request, obj, form, change)


class EventInline(admin.TabularInline):
    model = ModerationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("created", "action", "actor", "from_status", "to_status", "reason", "text_before")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


def _moderate(to_status: str, label):  # type: ignore[no-untyped-def]
    def action(modeladmin, request, queryset):
        changed = 0
        for comment in queryset:
            # The revision shown beside the comment's checkbox: the text the moderator read.
            read = request.POST.get(f"revision-{comment.pk}", "")
            try:
                services.moderate(comment=comment, actor=request.user, to_status=to_status,
                                  reason=f"admin: {label}", revision=int(read) if read.isdigit() else None)
                changed += 1
            except services.ChangedSinceRead as error:
                modeladmin.message_user(request, error.message, messages.WARNING)
            except ValueError as error:
                modeladmin.message_user(request, f"#{comment.pk}: {error}", messages.WARNING)
        modeladmin.message_user(request, ngettext("%(n)d comment changed.", "%(n)d comments changed.", changed)
                                % {"n": changed}, messages.SUCCESS)

    action.__name__ = f"set_{to_status}"
    action.short_description = label
    action.allowed_permissions = ("change",)
    return action


CONTACT_FIELDS = ("email", "ip_address")


@admin.register(Comment)
class CommentAdmin(NoDeleteAdmin):
    """Moderation in the admin. The writers' e-mail and IP addresses are shown only to those who may
    see them, and every showing is logged; a decision applies to the revision the moderator read."""

    list_display = ("id", "author", "short_text", "status", "category", "possibly_unlawful", "thread", "created")
    list_filter = ("status", "category", "possibly_unlawful", "needs_review", "thread__site")
    readonly_fields = ("thread", "parent", "author", "email", "text", "status", "ip_address", "created", "edited",
                       "staff", "staff_name", "staff_role", "staff_organisation", "category", "action",
                       "confidence", "toxicity", "needs_review", "triage", "possibly_unlawful", "held_by_site",
                       "imported_from", "depth", "revision")
    exclude = ("html",)
    inlines = [EventInline]
    actions = [_moderate(Status.PUBLISHED, _("Publish")), _moderate(Status.HIDDEN, _("Hide")),
               _moderate(Status.WITHHELD, _("Withhold for review"))]

    @staticmethod
    def sees_contact_details(request) -> bool:  # type: ignore[no-untyped-def]
        return request.user.has_perm("comments.view_contact_details")

    def get_search_fields(self, request):  # type: ignore[no-untyped-def]
        return ("author", "text", "email") if self.sees_contact_details(request) else ("author", "text")

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        if self.sees_contact_details(request):
            return self.readonly_fields
        return tuple(f for f in self.readonly_fields if f not in CONTACT_FIELDS)

    def get_exclude(self, request, obj=None):  # type: ignore[no-untyped-def]
        hidden = () if self.sees_contact_details(request) else CONTACT_FIELDS
        return (*self.exclude, *hidden)

    def change_view(self, request, object_id, form_url="", extra_context=None):  # type: ignore[no-untyped-def]
        response = super().change_view(request, object_id, form_url, extra_context)
        comment = self.get_object(request, object_id)
        if (request.method == "GET" and response.status_code == 200 and comment is not None
                and self.sees_contact_details(request) and (comment.email or comment.ip_address)):
            audit.record("comment.contact_details_viewed", actor=request.user, target=comment)
        return response

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj: Comment) -> str:
        """Django's checkbox, and beside it the revision the moderator is looking at."""
        return format_html('{}<input type="hidden" name="revision-{}" value="{}">',
                           super().action_checkbox(obj), obj.pk, obj.revision)

    @admin.display(description=_("text"))
    def short_text(self, obj: Comment) -> str:
        return obj.text[:80]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ModerationEvent)
class ModerationEventAdmin(NoDeleteAdmin):
    list_display = ("created", "action", "comment", "actor", "from_status", "to_status")
    list_filter = ("action",)
    readonly_fields = ("comment", "actor", "action", "from_status", "to_status", "reason", "text_before", "created")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
