"""Fixed-window rate limits on public endpoints, counted atomically in the database.

The increment is one UPDATE … SET count = count + 1, so parallel requests cannot all read
the same old count (a cache's read-then-write incr can be raced).
"""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from omdome.web.core.errors import ServiceError
from omdome.web.core.models import RateCounter

# (requests, seconds) per scope when the settings leave a scope out.
DEFAULT_LIMITS = {"read": (300, 60), "ip": (5, 60), "thread": (30, 60), "login_user": (5, 900),
                  "login_ip": (20, 900)}


def limit_of(scope: str) -> tuple[int, int]:
    return settings.OMDOME_RATE_LIMITS.get(scope) or DEFAULT_LIMITS[scope]


def _window(scope: str, key: str) -> tuple[int, int, int, str]:
    """(limit, seconds left in the window, when it ends, counter key) for a request now."""
    limit, window = limit_of(scope)
    now = int(time.time())
    start = now - now % window
    # A page address can be long: hash it, and keep the window start whole.
    slot = f"{scope}:{hashlib.sha256(key.encode()).hexdigest()[:32]}:{start}"
    return limit, start + window - now, start + window, slot


def _refuse(retry_after: int, message: str) -> None:
    raise ServiceError("rate_limited", message, status=429, retry_after=retry_after)


def hit_approx(scope: str, key: str) -> None:
    """Like ``hit``, counted in this process's memory: for reads, where a write per request
    would cost more than the limit saves and an approximate count is enough."""
    limit, left, _end, slot = _window(scope, key)
    slot = f"omdome-rate:{slot}"
    cache.add(slot, 0, timeout=left + 5)
    try:
        count = cache.incr(slot)
    except ValueError:  # expired between add and incr
        cache.set(slot, 1, timeout=left + 5)
        count = 1
    if count > limit:
        _refuse(left, _("Too many requests in a short time. Try again in a minute."))


def hit(scope: str, key: str, message: str | None = None) -> None:
    """Count one request for ``key`` in ``scope``; raise 429 when the window's limit is passed."""
    limit, left, end, slot = _window(scope, key)
    with transaction.atomic():
        if not RateCounter.objects.filter(key=slot).update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateCounter.objects.create(key=slot, count=1, expires=datetime.fromtimestamp(end, UTC))
            except IntegrityError:  # another request created it first
                RateCounter.objects.filter(key=slot).update(count=F("count") + 1)
        count = RateCounter.objects.values_list("count", flat=True).get(key=slot)
    if count > limit:
        _refuse(left, message or _("Too many comments in a short time. Try again in a minute."))


def count(scope: str, key: str) -> int:
    """How many requests ``key`` made in the current window of ``scope``."""
    _limit, _left, _end, slot = _window(scope, key)
    return RateCounter.objects.filter(key=slot).values_list("count", flat=True).first() or 0


def prune(now: datetime | None = None) -> int:
    """Forget finished windows."""
    deleted, _rows = RateCounter.objects.filter(expires__lt=now or datetime.now(UTC)).delete()
    return deleted
