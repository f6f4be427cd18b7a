from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "omdome.web.analysis"
    label = "analysis"
    verbose_name = _("Comment analysis for other systems")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from omdome.web.analysis import services
        from omdome.web.analysis.models import AnalysisKey
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role

        post_save.connect(services.forget_keys, sender=AnalysisKey, dispatch_uid="analysis.forget-saved")
        register(NavItem("analysis:keys", _("Analysis keys"),
                         _("keys for other systems that ask Omdöme to score comments, as they asked Perspective"),
                         (Role.ADMIN,)))
