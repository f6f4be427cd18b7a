from django.contrib import admin

from omdome.web.cases.models import ServiceLevel


@admin.register(ServiceLevel)
class ServiceLevelAdmin(admin.ModelAdmin):
    list_display = ("organisation", "working_days", "opens", "closes", "open_automatically")
