"""Writers that meet at the database: one that waits for another's transaction gets in as soon as
it ends (on SQLite through the writers' lock file, not SQLite's sleeping retries)."""

from __future__ import annotations

import os
import threading
import time

import pytest
from django.db import connection, transaction

from omdome.web.comments.models import Thread
from web.factories import make_site

pytestmark = pytest.mark.django_db(transaction=True)

HOLD = 0.24  # SQLite's busy handler would next look after 328 ms: 88 ms too late


def test_a_writer_waiting_for_another_gets_in_as_soon_as_the_first_commits():
    site = make_site()
    marks: dict[str, float] = {}
    first_in = threading.Event()

    def first() -> None:
        try:
            with transaction.atomic():
                Thread.objects.create(site=site, url="https://www.sundby.se/a", title="A")
                first_in.set()
                time.sleep(HOLD)
            marks["first done"] = time.monotonic()
        finally:
            connection.close()

    def second() -> None:
        try:
            first_in.wait(5)
            with transaction.atomic():
                marks["second in"] = time.monotonic()
                Thread.objects.create(site=site, url="https://www.sundby.se/b", title="B")
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert set(Thread.objects.values_list("title", flat=True)) == {"A", "B"}
    if connection.vendor == "sqlite":  # one writer at a time: the second waited for the first
        assert marks["second in"] >= marks["first done"] - 0.005
    assert marks["second in"] - marks["first done"] < 0.02, marks


def test_an_idle_class_thread_writes_at_normal_priority_and_returns_to_idle():
    site = make_site()
    seen: dict[str, int] = {}

    def background_writer() -> None:
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))  # as `omdome worker` runs
            with transaction.atomic():
                Thread.objects.create(site=site, url="https://www.sundby.se/c", title="C")
                seen["holding"] = os.sched_getscheduler(0)
            seen["after"] = os.sched_getscheduler(0)
            with transaction.atomic():
                Thread.objects.create(site=site, url="https://www.sundby.se/d", title="D")
                seen["again"] = os.sched_getscheduler(0)
                raise RuntimeError("rolled back")
        except RuntimeError:
            seen["after rollback"] = os.sched_getscheduler(0)
        finally:
            connection.close()

    own = os.sched_getscheduler(0)
    writer = threading.Thread(target=background_writer)
    writer.start()
    writer.join(10)
    assert os.sched_getscheduler(0) == own  # the test's own thread was never touched
    if connection.vendor == "sqlite":  # the writers' lock is SQLite's
        assert seen == {"holding": os.SCHED_OTHER, "after": os.SCHED_IDLE, "again": os.SCHED_OTHER,
                        "after rollback": os.SCHED_IDLE}
    else:
        assert seen["holding"] == seen["after"] == os.SCHED_IDLE
    assert list(Thread.objects.filter(title__in=["C", "D"]).values_list("title", flat=True)) == ["C"]
