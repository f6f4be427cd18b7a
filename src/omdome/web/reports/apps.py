from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "omdome.web.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role
        from omdome.web.reports import snapshots, tasks
        from omdome.web.scheduling.registry import register_periodic

        register(NavItem("reports:dashboard", _("Reports"), _("how rule 5 is followed: volumes, handling, "
                                                              "response times, cases, corrections"),
                         (Role.COMMUNICATOR,)))
        register_periodic("reports.count_long_periods", snapshots.EVERY, tasks.count_long_periods)
