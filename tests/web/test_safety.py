"""What a hostile or careless user must not be able to do: each test pins a hole found in review."""

from __future__ import annotations

import json
import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from omdome.web.comments import services
from omdome.web.comments.errors import CommentRejected
from omdome.web.comments.models import Comment, Site, Status, Thread
from omdome.web.comments.pipeline import MAX_DEPTH
from omdome.web.comments.tasks import rescore_comment
from omdome.web.core import ratelimit
from omdome.web.core.clientip import client_ip, rate_key
from omdome.web.core.errors import ServiceError
from web.factories import HOST, held_on_a_borderline_score, make_comment, make_site, make_staff, make_thread

pytestmark = pytest.mark.django_db
THREAT = "Jag ska döda dig, din jävla idiot"


def test_an_edit_cannot_launder_a_threat_into_publication():
    posted = make_comment(make_thread(), THREAT, confirmed=True)
    assert posted.comment.status == Status.WITHHELD and posted.comment.possibly_unlawful
    edited = services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token,
                                   text="Tack för informationen, mycket bra!")
    assert edited.status == Status.WITHHELD and edited.possibly_unlawful
    assert edited.events.get(action="edited_by_author").text_before == THREAT
    rescore_comment.call(edited.pk)
    edited.refresh_from_db()
    assert edited.status == Status.WITHHELD


def test_a_release_after_rescore_respects_first_time_pre_moderation():
    thread = make_thread(make_site(premoderate_first_time=True))
    praise = "Harbor Bank's new savings pots are exactly what I needed. Nice work, team."
    comment = held_on_a_borderline_score(make_comment(thread, praise, email="ny@example.se").comment)
    assert comment.held_by_site
    rescore_comment.call(comment.pk)
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_cannot_pass_the_rate_limit(settings):
    settings.OMDOME_RATE_LIMITS = {"ip": (5, 60)}
    passed, refused = [], []

    def one() -> None:
        try:
            ratelimit.hit("ip", "192.0.2.1")
            passed.append(1)
        except ServiceError:
            refused.append(1)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (len(passed), len(refused)) == (5, 15)


def test_replies_nest_at_most_max_depth_and_a_long_chain_still_loads(client):
    thread = make_thread()
    parent = None
    for i in range(30):
        parent = make_comment(thread, f"Svar nummer {i}.", parent=parent.pk if parent else None).comment
    assert max(Comment.objects.values_list("depth", flat=True)) == MAX_DEPTH - 1
    body = client.get("/api/comments", {"thread": thread.url}).json()
    assert body["count"] == 30


def test_a_staff_user_who_may_only_view_cannot_moderate(client):
    viewer = make_staff("viewer", roles=("registrar",))
    comment = make_comment(make_thread()).comment
    client.force_login(viewer)
    client.post("/admin/comments/comment/", {"action": "set_hidden", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED
    with pytest.raises(PermissionDenied):
        services.moderate(comment=comment, actor=viewer, to_status=Status.HIDDEN)


def test_staff_pages_and_replies_need_their_permissions(client):
    thread = make_thread()
    nobody = make_staff("nobody", roles=("employee",))
    client.force_login(nobody)
    assert client.get(f"/staff/threads/{thread.pk}/").status_code == 403
    with pytest.raises(CommentRejected):
        services.post_staff_reply(user=nobody, thread=thread, text="Hej! /Karin")
    reader = make_staff("reader", roles=("registrar",))
    client.force_login(reader)
    assert client.get(f"/staff/threads/{thread.pk}/").status_code == 200
    with pytest.raises(CommentRejected):
        services.post_staff_reply(user=reader, thread=thread, text="Hej! /Karin")


def test_a_refused_comment_creates_no_thread(client):
    make_site()
    for body in ({"website": "http://spam.example"}, {"text": ""}, {"author": ""}):
        data = {"thread": f"{HOST}/ny", "title": "ANGRIPARENS RUBRIK", "text": "Hej", "author": "A"} | body
        client.post("/api/comments", json.dumps(data), content_type="application/json", HTTP_ORIGIN=HOST)
    assert not Thread.objects.exists()


def test_first_time_pre_moderation_is_not_passed_with_someone_elses_e_mail():
    thread = make_thread(make_site(premoderate_first_time=True))
    old = make_comment(thread, email="lena@example.se").comment
    services.moderate(comment=old, actor=None, to_status=Status.PUBLISHED)
    assert make_comment(thread, "Jag är en annan.", author="Mallory", email="lena@example.se").comment.status \
        == Status.PENDING


def test_a_staff_reply_never_makes_its_e_mail_a_pass_for_readers():
    thread = make_thread(make_site(premoderate_first_time=True))
    services.post_staff_reply(user=make_staff(work_email="karin@sundby.se"), thread=thread, text="Hej! /Karin")
    assert make_comment(thread, "Hej", author="Karin", email="karin@sundby.se").comment.status == Status.PENDING


def test_edits_on_a_closed_thread_are_refused():
    thread = make_thread()
    posted = make_comment(thread)
    Thread.objects.filter(pk=thread.pk).update(closed=True)
    with pytest.raises(CommentRejected) as raised:
        services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token, text="Ändrat")
    assert raised.value.code == "thread_closed"


def test_a_comment_its_writer_removed_cannot_be_published_again():
    posted = make_comment(make_thread())
    services.delete_by_author(comment_id=posted.comment.pk, token=posted.edit_token)
    with pytest.raises(ValueError):
        services.moderate(comment=Comment.objects.get(), actor=None, to_status=Status.PUBLISHED)


def test_placeholders_say_who_removed_the_comment(client):
    thread = make_thread()
    by_author, by_moderator = make_comment(thread), make_comment(thread, "En till.")
    for parent in (by_author.comment, by_moderator.comment):
        make_comment(thread, "Svar.", parent=parent.pk)
    services.delete_by_author(comment_id=by_author.comment.pk, token=by_author.edit_token)
    services.moderate(comment=by_moderator.comment, actor=None, to_status=Status.HIDDEN)
    comments = client.get("/api/comments", {"thread": thread.url}).json()["comments"]
    assert [c["removed_by"] for c in comments] == ["author", "moderation"]


def test_the_think_twice_answer_gives_no_model_reasons_and_speaks_the_page_language(client):
    make_site()
    body = json.dumps({"thread": f"{HOST}/a", "text": "Du är en jävla idiot", "author": "A"})
    en = client.post("/api/comments", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    sv = client.post("/api/comments", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="sv")
    assert en.status_code == sv.status_code == 409
    assert "reasons" not in en.json() and "rephrase" in en.json()["message"]
    assert "formulera" in sv.json()["message"]
    assert {"Origin", "Accept-Language"} <= {v.strip() for v in en["Vary"].split(",")}


@pytest.mark.parametrize(("meta", "proxies", "expected"), [
    ({"REMOTE_ADDR": "192.0.2.5"}, 0, "192.0.2.5"),
    ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, 0, "10.0.0.1"),
    ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9"}, 1, "203.0.113.9"),
    # Not an address: the connection's, never none (which would escape every per-address limit).
    ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "bogus"}, 1, "10.0.0.1"),
    ({"REMOTE_ADDR": "bogus"}, 0, None),
])
def test_the_client_address_trusts_only_the_configured_proxies(rf, settings, meta, proxies, expected):
    settings.OMDOME_TRUSTED_PROXIES = proxies
    request = rf.get("/", **meta)
    assert client_ip(request) == expected


def test_ipv6_clients_are_counted_per_64_block():
    assert rate_key("2001:db8:1:2:aaaa::1") == rate_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert rate_key("::ffff:192.0.2.1") == "192.0.2.1"


def test_site_origins_must_be_origins():
    site = Site(name="X", origins="https://www.sundby.se\nwww.sundby.se\nhttps://sundby.se/nyheter")
    with pytest.raises(ValidationError) as raised:
        site.full_clean()
    assert "www.sundby.se, https://sundby.se/nyheter" in str(raised.value)


def test_the_admin_user_model_still_hashes_passwords():
    user = get_user_model().objects.create_user("x", password="ett-langt-losenord-42")
    assert user.password.startswith(("pbkdf2_", "md5$", "argon2", "bcrypt")) and "ett-langt" not in user.password


def test_a_long_page_address_keeps_its_own_rate_window(settings, monkeypatch):
    import time

    settings.OMDOME_RATE_LIMITS = {"thread": (1, 60)}
    long_a, long_b = f"{HOST}/{'a' * 300}", f"{HOST}/{'a' * 300}b"
    now = 1_800_000_000
    monkeypatch.setattr(time, "time", lambda: now)
    ratelimit.hit("thread", long_a)
    ratelimit.hit("thread", long_b)  # shares the first 200 characters, not the counter
    with pytest.raises(ServiceError):
        ratelimit.hit("thread", long_a)
    now += 60
    ratelimit.hit("thread", long_a)  # a new window


def test_a_late_rescore_never_overrules_a_moderator():
    comment = make_comment(make_thread(), "Tack för informationen!").comment
    services.moderate(comment=comment, actor=None, to_status=Status.PUBLISHED, reason="läst och godkänd")
    Comment.objects.filter(pk=comment.pk).update(text="Jag vet var du bor, akta dig din jävel")
    rescore_comment.call(comment.pk)
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED and comment.category == "hateful"


def test_an_edit_leaves_a_held_comment_in_its_queue():
    thread = make_thread(make_site(premoderation=True))
    posted = make_comment(thread, "Du är en jävla idiot", confirmed=True)
    assert posted.comment.status == Status.WITHHELD
    edited = services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token, text="Förlåt, jag var arg.")
    assert edited.status == Status.WITHHELD


def test_contact_details_are_erased_after_the_retention_period():
    from datetime import timedelta

    from django.utils import timezone

    thread = make_thread(make_site(retention_days=30))
    old = make_comment(thread, email="lena@example.se", ip="192.0.2.9").comment
    new = make_comment(thread, "En färsk kommentar.", email="per@example.se", ip="192.0.2.10").comment
    Comment.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=31))
    assert services.forget_contact_details() == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.email, old.ip_address, old.text) == ("", None, "Tack för informationen!")
    assert new.email == "per@example.se" and new.ip_address == "192.0.2.10"
    assert old.events.filter(action="contact_details_erased").exists()
    assert services.forget_contact_details() == 0


def test_an_origin_written_with_its_default_port_still_matches(client):
    make_site(origins="https://www.sundby.se:443/")
    body = json.dumps({"thread": f"{HOST}/a", "text": "Hej!", "author": "A"})
    assert client.post("/api/comments", body, content_type="application/json", HTTP_ORIGIN=HOST).status_code == 201


def test_imported_replies_in_a_circle_or_on_another_page_are_kept_as_comments_of_their_own():
    from omdome.web.comments.importers.records import ImportedComment, ImportReport
    from omdome.web.comments.importing import store

    def item(source_id, parent, url=f"{HOST}/x"):
        return ImportedComment(source_id=source_id, thread_url=url, thread_title="X", author="A", email="",
                               text=f"Kommentar {source_id}", created=None, parent_id=parent)

    result = store(ImportReport(comments=[item("a", "b"), item("b", "a"), item("c", "c"),
                                          item("p", None), item("r", "p", url=f"{HOST}/y")]), make_site())
    assert result.imported == 5
    reply = Comment.objects.get(imported_from="r")
    assert reply.parent is None and reply.thread.url == f"{HOST}/y"
    assert sum("circle" in p for p in result.problems) == 2 and any("another page" in p for p in result.problems)
