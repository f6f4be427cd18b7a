"""Background work for the inbox, run by ``omdome worker``."""

from __future__ import annotations

from django_tasks import task


@task()
def send_digests() -> int:
    from omdome.web.inbox import notifications

    return notifications.send_digests()
