from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    name = "omdome.web.integrations"
    label = "integrations"
    verbose_name = _("Other comment systems")

    def ready(self) -> None:
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role
        from omdome.web.integrations.receivers import tell_sender
        from omdome.web.messages.signals import message_decided

        message_decided.connect(tell_sender, dispatch_uid="integrations.tell_sender")

        register(NavItem("integrations:list", _("Comment systems"),
                         _("Coral and other systems that send their comments here for a decision"), (Role.ADMIN,)))
