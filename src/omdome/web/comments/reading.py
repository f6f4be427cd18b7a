"""Thread reads as the widget gets them, served from a cache that every change makes stale.

A read costs one indexed query (the thread and its revision) when the page is cached. Each
process keeps its own cache; the key holds the thread's revision, which every logged change to
its comments raises in the same transaction (``services.log``), so no process can serve a page
older than the last write it can see. Settings that change the site's notice (house rules,
operator, privacy contact) reach readers within CACHE_SECONDS.
"""

from __future__ import annotations

import json

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder

from omdome.web.comments import sites
from omdome.web.comments.listing import site_data, thread_page
from omdome.web.comments.models import Thread
from omdome.web.comments.threadkey import origin_of

CACHE_SECONDS = 60


def thread_json(url: str, *, offset: int, limit: int, newest_first: bool) -> bytes:
    """The JSON of one page of the thread at ``url`` (a thread not started yet has no comments)."""
    url = sites.thread_url_or_error(url)
    thread = (Thread.objects.select_related("site__organisation").filter(url=url)
              .only("pk", "url", "title", "closed", "revision", "site").first())
    if thread is None:
        return _dumps({"thread": {"url": url, "title": "", "closed": False}, "count": 0, "comments": [], "more": 0,
                       "next_offset": None, "site": site_data(sites.site_for_origin(origin_of(url)))})
    key = f"omdome-thread:{thread.pk}:{thread.revision}:{int(newest_first)}:{offset}:{limit}"
    body = cache.get(key)
    if body is None:
        page = thread_page(thread, offset=offset, limit=limit, newest_first=newest_first)
        body = _dumps({"thread": {"url": thread.url, "title": thread.title, "closed": thread.closed},
                       "count": page.count, "comments": page.comments, "more": page.more,
                       "next_offset": offset + limit if page.more else None, "site": site_data(thread.site)})
        cache.set(key, body, CACHE_SECONDS)
    return body


def _dumps(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder).encode()
