"""Background work for the dashboard, run by ``omdome worker``."""

from __future__ import annotations

from django_tasks import task


@task()
def count_long_periods() -> int:
    from omdome.web.reports import snapshots
    from omdome.web.reports.views import PERIODS

    return snapshots.count_all(PERIODS)
