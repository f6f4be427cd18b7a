from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "omdome.web.policies"
    label = "policies"
    verbose_name = _("Policy")

    def ready(self) -> None:
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role

        register(NavItem("policies:current", _("Our policy"), _("the policy the organisation has adopted"),
                         (Role.EMPLOYEE,)))
        register(NavItem("policies:versions", _("Policy versions"),
                         _("make, adapt and approve the policy; see who has read it"), (Role.ADMIN,)))
