"""E-mail that cannot wait for someone to open the inbox: a message triage advises reporting."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from omdome.web.core.mail import send_after_commit
from omdome.web.messages.models import Message


def threat_at_once(sender, *, message: Message, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Every communicator is told at once of a new message flagged as possibly unlawful (a threat,
    incitement): it may need reporting to the police, and it waits in "needs review" meanwhile."""
    if not message.possibly_unlawful:
        return
    from omdome.web.cases.services import communicators

    link = settings.OMDOME_BASE_URL + reverse("inbox:inbox") + "?queue=review#message-" + str(message.pk)
    send_after_commit([person.email for person in communicators()], message.organisation, lambda: (
        _("Possibly unlawful: a message from %(author)s to review now") % {"author": message.author},
        _("Triage advises reporting this message (a threat or incitement). It is withheld until "
          "someone has looked at it.\n\n%(author)s wrote:\n%(text)s\n\n%(link)s\n") % {
            "author": message.author, "text": message.text[:2000], "link": link}))
