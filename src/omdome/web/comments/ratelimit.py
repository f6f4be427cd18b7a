"""Fixed-window rate limits on public endpoints, counted atomically in the database.

The increment is one UPDATE … SET count = count + 1, so parallel requests cannot all read
the same old count (a cache's read-then-write incr can be raced).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from omdome.web.comments.errors import CommentRejected
from omdome.web.comments.models import RateCounter


def hit(scope: str, key: str) -> None:
    """Count one request for ``key`` in ``scope``; raise 429 when the window's limit is passed."""
    limit, window = settings.OMDOME_RATE_LIMITS[scope]
    now = int(time.time())
    start = now - now % window
    slot = f"{scope}:{key}:{start}"[:200]
    with transaction.atomic():
        if not RateCounter.objects.filter(key=slot).update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateCounter.objects.create(key=slot, count=1,
                                               expires=datetime.fromtimestamp(start + window, UTC))
            except IntegrityError:  # another request created it first
                RateCounter.objects.filter(key=slot).update(count=F("count") + 1)
        count = RateCounter.objects.values_list("count", flat=True).get(key=slot)
    if count > limit:
        message = (_("Too many requests in a short time. Try again in a minute.") if scope == "read"
                   else _("Too many comments in a short time. Try again in a minute."))
        raise CommentRejected("rate_limited", message, status=429, retry_after=start + window - now)


def prune(now: datetime | None = None) -> int:
    """Forget finished windows."""
    deleted, _rows = RateCounter.objects.filter(expires__lt=now or datetime.now(UTC)).delete()
    return deleted
