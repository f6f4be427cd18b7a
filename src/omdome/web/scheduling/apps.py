from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "omdome.web.scheduling"
    label = "scheduling"
    verbose_name = _("Scheduled jobs")

    def ready(self) -> None:
        from datetime import timedelta

        from omdome.web.scheduling.jobs import prune_task_results
        from omdome.web.scheduling.registry import register_periodic

        register_periodic("prune_task_results", timedelta(days=1), prune_task_results)
