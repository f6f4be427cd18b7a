from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "omdome.web.cases"
    label = "cases"
    verbose_name = _("Follow-up cases")

    def ready(self) -> None:
        from datetime import timedelta

        from django.db.models.signals import post_delete, post_save

        from omdome.web.cases import receivers, services, tasks
        from omdome.web.cases.models import ServiceLevel
        from omdome.web.core.navigation import NavItem, register
        from omdome.web.core.roles import Role
        from omdome.web.messages.signals import message_followed_up, message_received, reply_sent
        from omdome.web.scheduling.registry import register_periodic

        message_received.connect(receivers.follow_writer, dispatch_uid="cases.follow_writer")
        message_followed_up.connect(receivers.follow_writer, dispatch_uid="cases.follow_writer_later")
        reply_sent.connect(receivers.count_reply, dispatch_uid="cases.count_reply")
        post_save.connect(services.forget_service_levels, sender=ServiceLevel, dispatch_uid="cases.forget-saved")
        post_delete.connect(services.forget_service_levels, sender=ServiceLevel, dispatch_uid="cases.forget-deleted")
        register(NavItem("cases:list", _("Cases"), _("dissatisfied writers followed up until done (rule 5)"),
                         (Role.COMMUNICATOR,)))
        register_periodic("cases.remind_overdue", timedelta(hours=1), tasks.remind_overdue)
