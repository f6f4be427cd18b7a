from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "omdome.web.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        from datetime import timedelta

        from django.db.models.signals import post_delete, post_save

        from omdome.web.comments.models import Site
        from omdome.web.comments.sites import forget_sites
        from omdome.web.comments.tasks import forget_contact_details, prune_rate_counters
        from omdome.web.core.models import Organisation
        from omdome.web.scheduling.registry import register_periodic

        for model in (Site, Organisation):
            post_save.connect(forget_sites, sender=model, dispatch_uid=f"forget-sites-{model.__name__}")
            post_delete.connect(forget_sites, sender=model, dispatch_uid=f"forget-sites-del-{model.__name__}")
        register_periodic("prune_rate_counters", timedelta(hours=1), prune_rate_counters)
        register_periodic("forget_contact_details", timedelta(days=1), forget_contact_details)
