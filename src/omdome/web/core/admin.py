"""The admin for the organisation and, read-only, the audit log."""

from __future__ import annotations

from django.contrib import admin

from omdome.web.core.models import AuditEntry, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "sector", "language")

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("seq", "created", "actor_name", "action", "target_type", "target_id")
    list_filter = ("action",)
    search_fields = ("action", "target_id", "actor_name")
    readonly_fields = ("seq", "created", "actor", "actor_name", "action", "target_type", "target_id", "data",
                       "prev_hash", "hash")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
