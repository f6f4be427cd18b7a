from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "omdome.web.core"
    label = "core"
    verbose_name = _("Organisation and audit log")

    def ready(self) -> None:
        from omdome.web.core.groups import ensure_role_groups

        post_migrate.connect(ensure_role_groups, dispatch_uid="omdome.core.ensure_role_groups")
