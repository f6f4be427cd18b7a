"""Verified staff replies (rule 1) and the draft check (rules 1–4) in front of them."""

from __future__ import annotations

import re

import pytest

from omdome.web.comments import services
from omdome.web.comments.errors import CommentRejected
from omdome.web.comments.models import Comment
from web.factories import make_comment, make_staff, make_thread

pytestmark = pytest.mark.django_db
GOOD_REPLY = "Hej! Gatan öppnar igen på fredag. /Karin, kommunikatör"
PERSONNUMMER_REPLY = "Hej Lena, jag har kollat ditt ärende med personnummer 19811218-9876, återkommer."


def test_a_staff_reply_passes_the_draft_check_and_is_published_with_name_and_role():
    thread = make_thread()
    reply = services.post_staff_reply(user=make_staff(), thread=thread, text=GOOD_REPLY)
    assert (reply.staff_name, reply.staff_role, reply.staff_organisation) == ("Karin Ek", "Kommunikatör",
                                                                              "Sundby kommun")
    assert reply.status == "published" and reply.triage["review"]["verdict"] in ("ok", "warn")


def test_staff_without_a_role_cannot_reply_publicly():
    with pytest.raises(CommentRejected) as raised:
        services.post_staff_reply(user=make_staff(role=""), thread=make_thread(), text=GOOD_REPLY)
    assert raised.value.code == "not_verified"


def test_an_employee_who_is_not_a_communicator_cannot_reply_as_staff():
    with pytest.raises(CommentRejected):
        services.post_staff_reply(user=make_staff(roles=("employee",)), thread=make_thread(), text=GOOD_REPLY)


def test_a_blocking_finding_stops_the_reply():
    thread = make_thread()
    with pytest.raises(services.DraftBlocked) as raised:
        services.post_staff_reply(user=make_staff(), thread=thread, text=PERSONNUMMER_REPLY)
    assert any(f.severity == "block" for f in raised.value.review.findings)
    assert not Comment.objects.exists()


def test_an_override_needs_a_written_reason_and_is_logged():
    user = make_staff()
    reply = services.post_staff_reply(user=user, thread=make_thread(), text=PERSONNUMMER_REPLY,
                                      override_reason="Lena bad själv om att numret upprepas")
    event = reply.events.get(action="draft_check_overridden")
    assert event.actor == user and "Lena bad själv" in event.reason and "pii.personnummer" in event.reason


def test_the_staff_page_needs_login_and_shows_the_reply_form(client):
    thread = make_thread()
    make_comment(thread, "När öppnar gatan?")
    assert client.get(f"/staff/threads/{thread.pk}/").status_code == 302
    client.force_login(make_staff())
    page = client.get(f"/staff/threads/{thread.pk}/")
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()


def test_the_staff_page_posts_a_reply_or_shows_what_blocks_it(client):
    thread = make_thread()
    client.force_login(make_staff())
    blocked = client.post(f"/staff/threads/{thread.pk}/", {"text": PERSONNUMMER_REPLY, "parent": ""})
    assert blocked.status_code == 200 and "role=\"alert\"" in blocked.content.decode()
    assert not Comment.objects.exists()
    ok = client.post(f"/staff/threads/{thread.pk}/", {"text": GOOD_REPLY, "parent": ""})
    assert ok.status_code == 302 and Comment.objects.get().staff_name == "Karin Ek"


def test_staff_posts_need_a_csrf_token(client):
    from django.test import Client

    thread = make_thread()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_staff())
    assert strict.post(f"/staff/threads/{thread.pk}/", {"text": GOOD_REPLY}).status_code == 403


def test_the_thread_list_pages_through_every_thread(client):
    from web.factories import make_site

    site = make_site()
    for i in range(130):
        make_thread(site, f"/sida-{i}")
    client.force_login(make_staff())
    first = client.get("/staff/").content.decode()
    assert first.count("/staff/threads/") == 100 and "?page=2" in first
    assert client.get("/staff/", {"page": 2}).content.decode().count("/staff/threads/") == 30


def test_an_insulting_reply_is_shown_with_the_respect_finding_before_it_is_published(client):
    thread = make_thread()
    troll = make_comment(thread, "Haha, kommunen och te, en klassiker.").comment
    client.force_login(make_staff())
    text = "Vi dricker faktiskt mest te, din idiot."
    first = client.post(f"/staff/threads/{thread.pk}/", {"text": text, "parent": troll.pk},
                        HTTP_ACCEPT_LANGUAGE="sv")
    page = first.content.decode()
    assert first.status_code == 200 and "Tänk efter innan du publicerar" in page and "idiot" in page
    assert not Comment.objects.filter(staff__isnull=False).exists()
    digest = re.search(r'name="confirmed_for" value="(\w+)"', page).group(1)
    changed = client.post(f"/staff/threads/{thread.pk}/", {"text": text + " Och du är en clown.",
                                                         "parent": troll.pk, "confirmed_for": digest})
    assert changed.status_code == 200 and not Comment.objects.filter(staff__isnull=False).exists()
    sent = client.post(f"/staff/threads/{thread.pk}/", {"text": text, "parent": troll.pk, "confirmed_for": digest})
    assert sent.status_code == 302
    reply = Comment.objects.get(staff__isnull=False)
    assert reply.events.filter(action="draft_check_confirmed", reason__contains="respect.disparaging").exists()


def test_a_reply_to_a_troll_shows_rule_5s_advice_first():
    thread = make_thread()
    troll = make_comment(thread, "Nästa år kanske ni lär er skotta snö? 🤡").comment
    Comment.objects.filter(pk=troll.pk).update(category="troll")
    with pytest.raises(services.ReplyNeedsConfirmation) as raised:
        services.post_staff_reply(user=make_staff(), thread=thread, text=GOOD_REPLY, parent=troll.pk)
    assert raised.value.advice == ["rule5.no_reply"]
    reply = services.post_staff_reply(user=make_staff("per"), thread=thread, text=GOOD_REPLY, parent=troll.pk,
                                      confirmed=True)
    assert reply.events.filter(action="draft_check_confirmed", reason__contains="rule5.no_reply").exists()


def test_a_reply_to_a_comment_readers_cannot_see_is_refused():
    thread = make_thread()
    held = make_comment(thread, "Hur lång tid tar ett bygglov?").comment
    Comment.objects.filter(pk=held.pk).update(status="withheld")
    with pytest.raises(CommentRejected) as raised:
        services.post_staff_reply(user=make_staff(), thread=thread, text=GOOD_REPLY, parent=held.pk, confirmed=True)
    assert raised.value.code == "parent_not_published"
