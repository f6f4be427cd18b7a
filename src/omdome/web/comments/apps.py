from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "omdome.web.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        from datetime import timedelta

        from omdome.web.comments.tasks import forget_contact_details, prune_rate_counters
        from omdome.web.scheduling.registry import register_periodic

        register_periodic("prune_rate_counters", timedelta(hours=1), prune_rate_counters)
        register_periodic("forget_contact_details", timedelta(days=1), forget_contact_details)
