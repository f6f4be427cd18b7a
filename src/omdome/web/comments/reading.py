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
from django.db import connection

from omdome.web.comments import sites
from omdome.web.comments.listing import site_data, thread_page
from omdome.web.comments.models import Thread
from omdome.web.comments.threadkey import origin_of

CACHE_SECONDS = 60


def _key(thread_id: int, revision: int, offset: int, limit: int, newest_first: bool) -> str:
    return f"omdome-thread:{thread_id}:{revision}:{int(newest_first)}:{offset}:{limit}"


def cached_json(url: str, *, offset: int, limit: int, newest_first: bool) -> bytes | None:
    """The page if this process has it for the thread's current revision (``url`` normalised), else None."""
    # Plain SQL: on this, the busiest request, building the ORM's query cost more than running it.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, revision FROM {Thread._meta.db_table} WHERE url = %s", [url])
        found = cursor.fetchone()
    return cache.get(_key(*found, offset, limit, newest_first)) if found else None


def thread_at(url: str) -> Thread | None:
    """The thread of the page at ``url`` (normalised), read as one plain query: every post asks."""
    fields = Thread._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {Thread._meta.db_table} WHERE url = %s", [url])
        row = cursor.fetchone()
    return Thread.from_db(connection.alias, [f.attname for f in fields], row) if row else None


def thread_json(url: str, *, offset: int, limit: int, newest_first: bool) -> bytes:
    """The JSON of one page of the thread at ``url`` (a thread not started yet has no comments)."""
    url = sites.thread_url_or_error(url)
    thread = (Thread.objects.select_related("site__organisation").filter(url=url)
              .only("pk", "url", "title", "closed", "revision", "site").first())
    if thread is None:
        return dumps({"thread": {"url": url, "title": "", "closed": False}, "count": 0, "comments": [], "more": 0,
                       "next_offset": None, "site": site_data(sites.site_for_origin(origin_of(url)))})
    key = _key(thread.pk, thread.revision, offset, limit, newest_first)
    body = cache.get(key)
    if body is None:
        page = thread_page(thread, offset=offset, limit=limit, newest_first=newest_first)
        body = dumps({"thread": {"url": thread.url, "title": thread.title, "closed": thread.closed},
                       "count": page.count, "comments": page.comments, "more": page.more,
                       "next_offset": offset + limit if page.more else None, "site": site_data(thread.site)})
        cache.set(key, body, CACHE_SECONDS)
    return body


def dumps(data: dict) -> bytes:
    """Compact JSON, as every answer of the comment API is sent."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder).encode()
