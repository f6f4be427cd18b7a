"""Periodic jobs of the project itself."""

from __future__ import annotations

from django.core.management import call_command
from django_tasks import task


@task()
def prune_task_results() -> str:
    """Finished background tasks are kept 30 days for troubleshooting, then removed."""
    call_command("prune_db_task_results", "--min-age-days", "30", verbosity=0)
    return "pruned"
