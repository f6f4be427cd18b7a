"""Thread reads served from the cache in front of Django answer exactly as Django does."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from django.core.wsgi import get_wsgi_application

from omdome.web.comments.fastread import ThreadReadCache
from web.factories import HOST, make_comment, make_thread
from web.wsgi_calls import call

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("connection_outlives_requests")]
PAGE = f"{HOST}/nyheter/vagarbete"


def read(app, origin: str | None = HOST, **params) -> tuple[str, dict, bytes]:
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/api/comments", "SERVER_NAME": "127.0.0.1",
               "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": "192.0.2.70",
               "QUERY_STRING": urlencode({"thread": PAGE, **params})}
    if origin:
        environ["HTTP_ORIGIN"] = origin
    return call(app, environ)


def test_a_cached_read_answers_as_django_did_and_a_change_is_seen_at_once(settings, django_assert_num_queries):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    app = ThreadReadCache(get_wsgi_application())
    thread = make_thread()
    make_comment(thread, "Första")
    status, headers, body = read(app)  # Django answers and fills the cache
    assert status == "200 OK" and app.headers is not None
    with django_assert_num_queries(1):  # the thread's revision; nothing else
        again = read(app)
    assert again[0] == status and again[2] == body
    same = {k: v for k, v in again[1].items() if k != "Date"}
    assert same == {k: v for k, v in headers.items() if k not in ("Date", "Content-Language")}
    assert same["Access-Control-Allow-Origin"] == HOST and "default-src" in same["Content-Security-Policy"]
    make_comment(thread, "Andra")
    assert json.loads(read(app)[2])["count"] == 2
    # A foreign origin gets no CORS header, and what is not plain goes to Django.
    assert "Access-Control-Allow-Origin" not in read(app, origin="https://evil.example")[1]
    assert read(app, limit="0")[0].startswith("400")
