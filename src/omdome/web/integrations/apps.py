from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    name = "omdome.web.integrations"
    label = "integrations"
    verbose_name = _("Other comment systems")

    def ready(self) -> None:
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role

        register(NavItem("integrations:list", _("Comment systems"),
                         _("Coral and other systems that send their comments here for a decision"), (Role.ADMIN,)))
