"""Background work for other comment systems, run by ``omdome worker``."""

from __future__ import annotations

from django_tasks import task


@task()
def send_decision(integration_id: int, message_id: int, decision: str, attempt: int = 1) -> str:
    from omdome.web.integrations import services

    return services.send_decision(integration_id, message_id, decision, attempt)
