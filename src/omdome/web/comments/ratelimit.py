"""Fixed-window rate limits on public endpoints, counted in the shared cache."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from omdome.web.comments.errors import CommentRejected


def hit(scope: str, key: str) -> None:
    """Count one request for ``key`` in ``scope``; raise 429 when the window's limit is passed."""
    limit, window = settings.OMDOME_RATE_LIMITS[scope]
    now = int(time.time())
    slot = f"omdome-rate:{scope}:{key}:{now // window}"
    cache.add(slot, 0, timeout=window + 5)
    try:
        count = cache.incr(slot)
    except ValueError:  # expired between add and incr
        cache.set(slot, 1, timeout=window + 5)
        count = 1
    if count > limit:
        retry = window - now % window
        message = (_("Too many requests in a short time. Try again in a minute.") if scope == "read"
                   else _("Too many comments in a short time. Try again in a minute."))
        raise CommentRejected("rate_limited", message, status=429, retry_after=retry)
