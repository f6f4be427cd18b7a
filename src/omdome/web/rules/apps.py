from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RulesConfig(AppConfig):
    name = "omdome.web.rules"
    label = "rules"
    verbose_name = _("Automation rules")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role
        from omdome.web.messages.signals import message_received
        from omdome.web.rules import services
        from omdome.web.rules.models import Rule

        # Connected before the cases app's receiver (INSTALLED_APPS order): rules run right after triage.
        message_received.connect(services.on_message_received, dispatch_uid="rules.apply")
        post_save.connect(services.forget_rules, sender=Rule, dispatch_uid="rules.forget-saved")
        post_delete.connect(services.forget_rules, sender=Rule, dispatch_uid="rules.forget-deleted")
        register(NavItem("rules:list", _("Rules"), _("automation rules applied to every new message"),
                         (Role.ADMIN,)))
