from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RulesConfig(AppConfig):
    name = "omdome.web.rules"
    label = "rules"
    verbose_name = _("Automation rules")

    def ready(self) -> None:
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role
        from omdome.web.messages.signals import message_received
        from omdome.web.rules import services

        # Connected before the cases app's receiver (INSTALLED_APPS order): rules run right after triage.
        message_received.connect(services.on_message_received, dispatch_uid="rules.apply")
        register(NavItem("rules:list", _("Rules"), _("automation rules applied to every new message"),
                         (Role.ADMIN,)))
