"""A communicator's decision about a comment that a system pushed in goes back to that system."""

from __future__ import annotations

from django.db import transaction

from omdome.web.messages.models import Message, Source


def tell_sender(sender, *, message: Message, decision: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
    if message.source != Source.API or not message.external_id.startswith("hook:"):
        return
    integration_id = int(message.external_id.split(":", 2)[1])
    from omdome.web.integrations.tasks import send_decision

    transaction.on_commit(lambda: send_decision.enqueue(integration_id, message.pk, decision))
