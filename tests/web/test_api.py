"""The public JSON API, through the whole Django stack (middleware, CORS, errors, OpenAPI)."""

from __future__ import annotations

import json

import pytest

from omdome.web.comments import services
from omdome.web.comments.models import Comment, Status, Thread
from web.factories import HOST, make_comment, make_site, make_staff, make_thread

pytestmark = pytest.mark.django_db
PAGE = f"{HOST}/nyheter/vagarbete"


def post(client, origin=HOST, **body):
    data = {"thread": PAGE, "text": "Tack för informationen!", "author": "Lena"} | body
    return client.post("/api/comments", json.dumps(data), content_type="application/json", HTTP_ORIGIN=origin)


def test_a_new_page_gets_its_thread_on_the_first_comment(client):
    make_site()
    response = post(client, thread=f"{PAGE}?utm_source=facebook#kommentarer", title="Vägarbete")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "published" and body["comment"]["author"] == "Lena"
    assert body["edit_token"] and body["edit_until"] > body["comment"]["created"] and body["edit_seconds"] == 600
    assert Thread.objects.get().url == PAGE
    assert response["Access-Control-Allow-Origin"] == HOST


def test_reading_a_thread_returns_count_tree_and_site_notice(client):
    thread = make_thread()
    first = make_comment(thread).comment
    make_comment(thread, "Jag håller med.", author="Per", parent=first.pk)
    make_comment(thread, "Du är en jävla idiot", confirmed=True)  # withheld: not shown
    response = client.get("/api/comments", {"thread": PAGE})
    body = response.json()
    assert body["count"] == 2
    assert [c["author"] for c in body["comments"]] == ["Lena"]
    assert body["comments"][0]["replies"][0]["author"] == "Per"
    assert body["site"]["house_rules_url"] == f"{HOST}/regler"
    assert body["site"]["privacy"] == {"controller": "Sundby kommun", "contact": "dataskydd@sundby.se",
                                       "retention_days": 365, "url": None}
    assert "Set-Cookie" not in response, "reading must not set a cookie"


def test_an_unknown_page_of_a_registered_site_has_no_comments_yet(client):
    make_site()
    body = client.get("/api/comments", {"thread": f"{HOST}/ny-sida"}).json()
    assert body["count"] == 0 and body["comments"] == [] and body["site"]["name"] == "Sundby kommun"
    assert not Thread.objects.exists()


def test_a_removed_comment_with_replies_stays_as_an_empty_placeholder(client):
    thread = make_thread()
    first = make_comment(thread)
    make_comment(thread, "Svar.", author="Per", parent=first.comment.pk)
    services.delete_by_author(comment_id=first.comment.pk, token=first.edit_token)
    body = client.get("/api/comments", {"thread": PAGE}).json()
    placeholder = body["comments"][0]
    assert placeholder["deleted"] and placeholder["author"] == "" and placeholder["html"] == ""
    assert placeholder["replies"][0]["author"] == "Per" and body["count"] == 1


def test_hateful_text_gets_409_think_twice_then_201_withheld(client):
    make_site()
    first = post(client, text="Ni är ett gäng jävla idioter allihop")
    assert first.status_code == 409 and first.json()["code"] == "think_twice"
    second = post(client, text="Ni är ett gäng jävla idioter allihop", confirmed=True)
    assert second.status_code == 201 and second.json()["status"] == "withheld"
    assert client.get("/api/comments", {"thread": PAGE}).json()["count"] == 0


@pytest.mark.parametrize(("body", "field"), [
    ({"text": ""}, "text"), ({"author": ""}, "author"), ({"email": "nej"}, "email"),
    ({"thread": "javascript:alert(1)"}, "thread"), ({"thread": "ftp://sundby.se/x"}, "thread"),
    ({"parent": "ett"}, "parent"),
])
def test_bad_input_gets_400_with_the_field(client, body, field):
    make_site()
    response = post(client, **body)
    assert response.status_code == 400 and response.json()["field"] == field
    assert response.json()["message"]


def test_a_body_that_is_not_json_gets_400(client):
    response = client.post("/api/comments", b"\xff\xfe not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "invalid"


def test_pages_of_unregistered_sites_and_foreign_origins_are_refused(client):
    make_site()
    assert post(client, origin="https://evil.example", thread="https://evil.example/x").status_code == 403
    response = post(client, origin="https://evil.example")
    assert response.status_code == 403 and response.json()["code"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in response


def test_cors_preflight_only_for_registered_origins(client):
    make_site()
    ok = client.options("/api/comments", HTTP_ORIGIN=HOST, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert ok.status_code == 204 and ok["Access-Control-Allow-Origin"] == HOST
    assert "X-Omdome-Edit-Token" in ok["Access-Control-Allow-Headers"]
    refused = client.options("/api/comments", HTTP_ORIGIN="https://evil.example",
                             HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert "Access-Control-Allow-Origin" not in refused


def test_rate_limited_requests_get_429_with_retry_after(client, settings):
    settings.OMDOME_RATE_LIMITS = {"read": (2, 60), "ip": (1, 60), "thread": (100, 60)}
    make_site()
    assert post(client).status_code == 201
    response = post(client, text="Igen")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert [client.get("/api/comments", {"thread": PAGE}).status_code for _ in range(3)] == [200, 200, 429]


def test_edit_and_delete_with_the_token(client):
    make_site()
    posted = post(client).json()
    headers = {"HTTP_X_OMDOME_EDIT_TOKEN": posted["edit_token"]}
    edited = client.patch(f"/api/comments/{posted['id']}", json.dumps({"text": "Tack, mycket bra info!"}),
                          content_type="application/json", **headers)
    assert edited.status_code == 200 and "mycket bra" in edited.json()["comment"]["html"]
    wrong = client.delete(f"/api/comments/{posted['id']}", HTTP_X_OMDOME_EDIT_TOKEN="1:abc:def")
    assert wrong.status_code == 403 and wrong.json()["code"] == "bad_token"
    deleted = client.delete(f"/api/comments/{posted['id']}", **headers)
    assert deleted.json()["status"] == "deleted"
    assert Comment.objects.get().status == Status.DELETED


def test_a_closed_thread_refuses_with_403(client):
    make_thread(closed=True)
    response = post(client)
    assert response.status_code == 403 and response.json()["code"] == "thread_closed"


def test_staff_replies_carry_the_verified_badge(client):
    thread = make_thread()
    question = make_comment(thread, "När öppnar gatan igen?").comment
    services.post_staff_reply(user=make_staff(), thread=thread, parent=question.pk,
                              text="Hej! Gatan öppnar på fredag. /Karin, kommunikatör")
    reply = client.get("/api/comments", {"thread": PAGE}).json()["comments"][0]["replies"][0]
    assert reply["staff"] == {"name": "Karin Ek", "role": "Kommunikatör", "organisation": "Sundby kommun"}


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/comments", "/api/comments/{comment_id}"} <= set(schema["paths"])
    assert client.get("/api/docs").status_code == 200


def test_health_and_widget_files(client):
    assert client.get("/healthz").content == b"ok\n"
    js = client.get("/widget.js")
    assert js.status_code == 200 and js["Content-Type"].startswith("text/javascript")
    assert client.get("/widget.css").status_code == 200


def test_the_suite_runs_on_the_configured_database():
    import os

    from django.db import connection

    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_in_development_mode_local_pages_on_any_port_are_a_demo_site(client, settings):
    settings.DEBUG = True
    response = post(client, origin="http://localhost:4321", thread="http://localhost:4321/min-sida")
    assert response.status_code == 201
    assert Thread.objects.get().site.name == "Demo (localhost)"
    settings.DEBUG = False
    refused = post(client, origin="http://localhost:4322", thread="http://localhost:4322/annan-sida")
    assert refused.status_code == 403


def test_the_widget_stays_within_its_size_budget(client):
    """At most 15 KB over the wire for the script and its style sheet together, as served: minified
    and gzipped; the same script unpacked for a client that takes no gzip."""
    import gzip

    size = 0
    for path in ("/widget.js", "/widget.css"):
        packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, br")
        plain = client.get(path)
        assert packed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
        assert gzip.decompress(packed.content) == plain.content
        assert client.get(path, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304
        size += len(packed.content)
    assert size <= 15 * 1024


def test_a_request_body_over_the_upload_limit_gets_413(client):
    make_site()
    body = json.dumps({"thread": PAGE, "author": "A", "text": "x" * 3_000_000})
    response = client.post("/api/comments", body, content_type="application/json")
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_the_writer_can_read_back_the_source_of_their_own_comment_only(client):
    make_site()
    posted = post(client, text="*Tack* för `infon`").json()
    url = f"/api/comments/{posted['id']}/source"
    assert client.get(url, HTTP_X_OMDOME_EDIT_TOKEN=posted["edit_token"]).json() == {
        "id": posted["id"], "text": "*Tack* för `infon`"}
    assert client.get(url).status_code == 403


@pytest.mark.parametrize(("language", "missing", "not_json"), [
    ("sv", "text: fältet måste fyllas i", "anropets innehåll är inte giltig JSON"),
    ("en", "text: this field is required", "the request body is not valid JSON"),
])
def test_validation_errors_speak_the_readers_language(client, language, missing, not_json):
    answer = client.post("/api/comments", {"thread": "https://www.sundby.se/a", "author": "A"},
                         content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)
    assert answer.status_code == 400 and answer.json()["message"] == missing
    broken = client.post("/api/comments", "nope", content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)
    assert broken.status_code == 400 and broken.json()["message"].lower() == not_json.lower()
