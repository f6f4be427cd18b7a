"""The admin for sites, threads, comments and the moderation log; nothing can be deleted here."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from omdome.web.comments import services
from omdome.web.comments.models import Comment, ModerationEvent, Site, Status, Thread


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
            try:
                services.moderate(comment=comment, actor=request.user, to_status=to_status,
                                  reason=f"admin: {label}")
                changed += 1
            except ValueError as error:
                modeladmin.message_user(request, f"#{comment.pk}: {error}", messages.WARNING)
        modeladmin.message_user(request, ngettext("%(n)d comment changed.", "%(n)d comments changed.", changed)
                                % {"n": changed}, messages.SUCCESS)

    action.__name__ = f"set_{to_status}"
    action.short_description = label
    action.allowed_permissions = ("change",)
    return action


@admin.register(Comment)
class CommentAdmin(NoDeleteAdmin):
    list_display = ("id", "author", "short_text", "status", "category", "possibly_unlawful", "thread", "created")
    list_filter = ("status", "category", "possibly_unlawful", "needs_review", "thread__site")
    search_fields = ("author", "text", "email")
    readonly_fields = ("thread", "parent", "author", "email", "text", "status", "ip_address", "created", "edited",
                       "staff", "staff_name", "staff_role", "staff_organisation", "category", "action",
                       "confidence", "toxicity", "needs_review", "triage", "possibly_unlawful", "held_by_site",
                       "imported_from", "depth")
    exclude = ("html",)
    inlines = [EventInline]
    actions = [_moderate(Status.PUBLISHED, _("Publish")), _moderate(Status.HIDDEN, _("Hide")),
               _moderate(Status.WITHHELD, _("Withhold for review"))]

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
