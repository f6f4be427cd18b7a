from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThinkTwiceConfig(AppConfig):
    name = "omdome.web.thinktwice"
    label = "thinktwice"
    verbose_name = _("Think twice")

    def ready(self) -> None:
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role

        register(NavItem("thinktwice:check", _("Think twice"),
                         _("check a draft against the policy before you publish it"), (Role.EMPLOYEE,)))
