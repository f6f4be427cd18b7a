"""A small scheduler: periodic jobs are tasks enqueued when their interval has passed.

Apps register jobs with ``register_periodic``; ``omdome worker`` calls ``enqueue_due``
every half minute. The last run is kept in the database, so several workers, or a
restart, neither skip nor repeat a job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    task: object  # a django_tasks Task taking no arguments


JOBS: dict[str, PeriodicJob] = {}


def register_periodic(name: str, every: timedelta, task: object) -> None:
    if name in JOBS and JOBS[name].task is not task:
        raise ValueError(f"a periodic job named {name!r} is already registered")
    if every < timedelta(minutes=1):
        raise ValueError("periodic jobs run at most once a minute")
    JOBS[name] = PeriodicJob(name, every, task)


def enqueue_due(now=None) -> list[str]:  # type: ignore[no-untyped-def]
    """Enqueue every job whose interval has passed; return their names."""
    from omdome.web.scheduling.models import PeriodicRun

    now = now or timezone.now()
    started = []
    for job in JOBS.values():
        with transaction.atomic():
            run, created = PeriodicRun.objects.select_for_update().get_or_create(
                name=job.name, defaults={"last_enqueued": now})
            if created or now - run.last_enqueued >= job.every:
                run.last_enqueued = now
                run.save(update_fields=["last_enqueued"])
                job.task.enqueue()
                started.append(job.name)
    return started


# No task of this project runs anywhere near this long; one still "running" after it lost its worker.
LEASE = timedelta(minutes=15)


def recover_abandoned_tasks(now=None) -> int:  # type: ignore[no-untyped-def]
    """Put tasks back in the queue whose worker died while running them (kill -9, a power cut):
    the task database only learns that a task ended from the worker itself. Every task of this
    project may safely run twice."""
    from django.conf import settings
    from django_tasks_db.models import DBTaskResult

    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return 0
    now = now or timezone.now()
    return DBTaskResult.objects.filter(status="RUNNING", started_at__lt=now - LEASE).update(
        status="READY", started_at=None)
