from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "omdome.web.policies"
    label = "policies"
    verbose_name = _("Policy")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from omdome.web.core.models import Organisation
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.people.models import StaffProfile
        from omdome.web.policies.models import PolicyVersion
        from omdome.web.policies.services import forget_adopted

        for model in (PolicyVersion, StaffProfile, Organisation):
            post_save.connect(forget_adopted, sender=model, dispatch_uid=f"forget-adopted-{model.__name__}")
            post_delete.connect(forget_adopted, sender=model, dispatch_uid=f"forget-adopted-del-{model.__name__}")
        from omdome.web.core.roles import Role

        register(NavItem("policies:current", _("Our policy"), _("the policy the organisation has adopted"),
                         (Role.EMPLOYEE,)))
        register(NavItem("policies:versions", _("Policy versions"),
                         _("make, adapt and approve the policy; see who has read it"), (Role.ADMIN,)))
