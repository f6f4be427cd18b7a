from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "omdome.web.channels"
    label = "channels"
    verbose_name = _("Channels")

    def ready(self) -> None:
        from datetime import timedelta

        from omdome.web.channels import tasks
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role
        from omdome.web.scheduling.registry import register_periodic

        register_periodic("channels.sync", timedelta(minutes=1), tasks.sync_due_channels)
        register(NavItem("channels:list", _("Channels"),
                         _("the organisation's accounts on Facebook, Mastodon and more, in the one inbox"),
                         (Role.ADMIN,)))
