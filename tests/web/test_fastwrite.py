"""Comments written through the lane in front of Django are stored and answered exactly as Django does."""

from __future__ import annotations

import io
import json

import pytest
from django.core.wsgi import get_wsgi_application

from omdome.web.comments.fastwrite import CommentWriteLane
from omdome.web.comments.models import Comment, ModerationEvent
from web.factories import HOST, make_site
from web.wsgi_calls import call

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("connection_outlives_requests")]
PAGE = f"{HOST}/nyheter/vagarbete"
# What differs between two answers to two requests, whoever answers them.
VOLATILE = {"id", "created", "edit_token", "edit_until", "edit_seconds"}


@pytest.fixture
def apps(settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    make_site()
    return CommentWriteLane(get_wsgi_application()), get_wsgi_application()


def post(app, body: bytes | dict, *, origin: str | None = HOST, language: str = "sv", host: str = "127.0.0.1",
         ip: str = "192.0.2.70", content_type: str = "application/json", **headers: str) -> tuple[str, dict, bytes]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/comments", "SERVER_NAME": "127.0.0.1",
               "HTTP_HOST": host, "REMOTE_ADDR": ip, "CONTENT_TYPE": content_type,
               "CONTENT_LENGTH": str(len(data)), "wsgi.input": io.BytesIO(data), "HTTP_ACCEPT_LANGUAGE": language,
               **headers}
    if origin:
        environ["HTTP_ORIGIN"] = origin
    return call(app, environ)


def comment(n: int, **fields) -> dict:
    return {"thread": PAGE, "title": "Vägarbete", "author": f"Läsare {n}", "text": f"Tack för svaret, nummer {n}!",
            **fields}


def same_answer(lane_answer, django_answer) -> None:
    (status, headers, content), (status2, headers2, content2) = lane_answer, django_answer
    assert status == status2
    assert {k: v for k, v in headers.items() if k != "Content-Length"} == \
        {k: v for k, v in headers2.items() if k != "Content-Length"}
    one, other = json.loads(content), json.loads(content2)
    for data in (one, other, one.get("comment") or {}, other.get("comment") or {}):
        for key in VOLATILE & set(data):
            data[key] = "…"
    for data in (one.get("comment"), other.get("comment")):
        if data:
            data["author"] = data["html"] = "…"  # each request wrote its own
    assert one == other


def test_the_lane_stores_and_answers_a_comment_as_django_does(apps):
    lane, django = apps
    first = post(lane, comment(1))  # Django answers the first and the lane learns its headers
    assert first[0] == "201 Created" and lane.headers is not None
    answer = post(lane, comment(2))
    assert answer[0] == "201 Created"
    assert answer[1]["Access-Control-Allow-Origin"] == HOST and answer[1]["Content-Language"] == "sv"
    assert "default-src" in answer[1]["Content-Security-Policy"] and answer[1]["X-Content-Type-Options"] == "nosniff"
    same_answer(answer, post(django, comment(3)))
    stored = Comment.objects.get(pk=json.loads(answer[2])["id"])
    assert stored.text == "Tack för svaret, nummer 2!" and stored.category and stored.followup_due
    assert ModerationEvent.objects.filter(comment=stored, action="created").count() == 1
    assert Comment.objects.count() == 3


@pytest.mark.parametrize(("fields", "language", "status", "code"), [
    ({"text": "Ni är en jävla idiot allihop och borde skämmas."}, "en", "409", "think_twice"),
    ({"text": "Ni är en jävla idiot allihop och borde skämmas."}, "sv", "409", "think_twice"),
    ({"thread": "https://elsewhere.example/sida"}, "sv", "403", "origin_not_allowed"),
    ({"text": "   "}, "en", "400", "invalid"),
    ({"email": "inte-en-adress"}, "sv", "400", "invalid"),
])
def test_a_refusal_from_the_lane_is_the_apis_own_in_the_readers_language(apps, fields, language, status, code):
    lane, django = apps
    post(lane, comment(1))
    answer = post(lane, comment(2, **fields), language=language)
    assert answer[0].startswith(status) and json.loads(answer[2])["code"] == code
    same_answer(answer, post(django, comment(3, **fields), language=language))  # the message included
    assert answer[1]["Content-Language"] == language


def test_what_the_lane_does_not_take_goes_to_django(apps):
    lane, django = apps
    post(lane, comment(1))
    for body, kwargs in [(b'{"thread": "x", "text": ', {}),  # not JSON
                         (json.dumps(comment(2, parent="x")).encode(), {}),  # not a comment
                         (json.dumps(comment(3)).encode(), {"host": "evil.example"})]:  # a host Django refuses
        answer, expected = post(lane, body, **kwargs), post(django, body, **kwargs)
        assert answer[0] == expected[0] and answer[0].startswith("400")
        assert answer[2] == expected[2]
    assert Comment.objects.count() == 1
    # Another content type: Django decides (it reads the JSON all the same).
    answer = post(lane, comment(4), content_type="text/plain")
    same_answer(answer, post(django, comment(5), content_type="text/plain"))
    assert Comment.objects.count() == 3


def test_the_rate_limit_answers_from_the_lane_with_retry_after(apps, settings):
    lane, django = apps
    settings.OMDOME_RATE_LIMITS = {**settings.OMDOME_RATE_LIMITS, "ip": (2, 60)}
    post(lane, comment(1))
    post(lane, comment(2))
    answer = post(lane, comment(3))
    assert answer[0].startswith("429") and int(answer[1]["Retry-After"]) > 0
    assert json.loads(answer[2])["code"] == "rate_limited"
    assert Comment.objects.count() == 2


def test_an_idempotency_key_returns_the_first_comment_through_the_lane(apps):
    lane, _django = apps
    post(lane, comment(1))

    def send():
        status, _headers, content = post(lane, comment(2), HTTP_IDEMPOTENCY_KEY="nyckel-42")
        return status, json.loads(content)["id"]

    first, again = send(), send()
    assert first == again and first[0] == "201 Created"
    assert Comment.objects.filter(author="Läsare 2").count() == 1
