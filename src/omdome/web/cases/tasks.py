"""Background work for cases, run by ``omdome worker``."""

from __future__ import annotations

from django_tasks import task


@task()
def remind_overdue() -> int:
    from omdome.web.cases import services

    return services.remind_overdue()
