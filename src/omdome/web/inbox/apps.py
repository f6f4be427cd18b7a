from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "omdome.web.inbox"
    label = "inbox"
    verbose_name = _("Inbox")

    def ready(self) -> None:
        from datetime import timedelta

        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role
        from omdome.web.inbox import notifications, tasks
        from omdome.web.messages.signals import message_flagged, message_received
        from omdome.web.scheduling.registry import register_periodic

        message_received.connect(notifications.threat_at_once, dispatch_uid="inbox.threat_at_once")
        message_flagged.connect(notifications.threat_at_once, dispatch_uid="inbox.threat_at_once_later")

        register(NavItem("inbox:inbox", _("Inbox"), _("every incoming message, in queues by what rule 5 asks"),
                         (Role.COMMUNICATOR,)))
        # Hourly: the summary goes out at the first round after seven in the morning, once a day.
        register_periodic("inbox.send_digests", timedelta(hours=1), tasks.send_digests)
