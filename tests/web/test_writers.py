"""Writers that meet at the database: one that waits for another's transaction gets in as soon as
it ends (on SQLite through the writers' lock file, not SQLite's sleeping retries)."""

from __future__ import annotations

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
