from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "omdome.web.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role

        register(NavItem("people:list", _("People"), _("staff, their roles and expertise; import from CSV"),
                         (Role.ADMIN,)))
        register(NavItem("people:me", _("My profile"), _("the name, role and expertise you write under"),
                         (Role.EMPLOYEE,)))
