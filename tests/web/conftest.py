from __future__ import annotations

import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def xss_payloads() -> list[tuple[int, str]]:
    """(number, payload): each payload calls window.__xss(number) if it ever runs."""
    lines = (DATA / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    payloads = [line for line in lines if line and not line.startswith("# ")]
    for number, payload in enumerate(payloads, 1):
        assert re.search(rf"\b{number}\b", payload), f"payload {number} does not carry its number"
    return list(enumerate(payloads, 1))


@pytest.fixture(autouse=True)
def _fresh_counters():
    """Rate counters and cached thread reads live outside the database, which no rollback resets."""
    from django.core.cache import cache

    from omdome.web.analysis import services as analysis
    from omdome.web.core import memo, ratelimit

    analysis.usage.discard()
    cache.clear()
    ratelimit.counters().clear()
    memo.forget_all()
    yield


@pytest.fixture
def connection_outlives_requests():
    """For tests that call the WSGI application itself, as Django's test client does: the test's
    transaction must outlive each request, which would otherwise close the connection."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
