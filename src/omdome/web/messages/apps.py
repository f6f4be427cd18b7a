from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagesConfig(AppConfig):
    name = "omdome.web.messages"
    # "messages" is django.contrib.messages' label.
    label = "messaging"
    verbose_name = _("Incoming messages")
