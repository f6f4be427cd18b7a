"""A new comment's follow-up (its audit entry, its writer's case) is left in an outbox by the
writer's request and done by the worker in small batches, once each."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from omdome.web.cases import services as cases
from omdome.web.comments import followup
from omdome.web.comments.models import Comment, Status
from omdome.web.core import audit
from omdome.web.core.models import AuditEntry
from omdome.web.rules import services as rules
from web.factories import make_organisation, make_thread, make_user

pytestmark = pytest.mark.django_db

COMPLAINT = "Soporna har inte hämtats på tre veckor och ingen svarar i telefon. Det är inte okej."


def post(client, text: str, author: str = "Lena", email: str = "lena@example.se", path: str = "/nyheter/1",  # type: ignore[no-untyped-def]
         ip: str = "192.0.2.1"):
    body = {"thread": f"https://www.sundby.se{path}", "text": text, "author": author, "email": email}
    response = client.post("/api/comments", json.dumps(body), content_type="application/json",
                           HTTP_ORIGIN="https://www.sundby.se", REMOTE_ADDR=ip)
    assert response.status_code == 201, response.content
    return Comment.objects.get(pk=response.json()["id"])


def created_entries() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="comment.created").order_by("seq"))


def test_the_writers_request_stores_the_comment_and_leaves_the_audit_entry_and_case_to_the_worker(client):
    make_thread()  # registers the site www.sundby.se
    with CaptureQueriesContext(connection) as queries:
        comment = post(client, COMPLAINT)
    written = " ".join(q["sql"] for q in queries.captured_queries)
    assert "comments_comment" in written and "comments_moderationevent" in written
    assert "cases_case" not in written and "core_auditentry" not in written
    assert comment.followup_due and comment.status == Status.PUBLISHED
    assert created_entries() == [] and cases.case_of(comment) is None
    assert followup.backlog() == 1

    assert followup.drain() == 1 and followup.backlog() == 0
    comment.refresh_from_db()
    assert not comment.followup_due
    [entry] = created_entries()
    assert entry.target_id == str(comment.pk) and entry.data["to_status"] == "published"
    case = cases.case_of(comment)
    assert case is not None and case.opened_by is None
    assert AuditEntry.objects.filter(action="case.opened", target_id=str(case.pk)).exists()
    assert audit.verify().ok
    assert followup.drain() == 0 and len(created_entries()) == 1  # followed up once


def test_the_outbox_is_drained_oldest_first_in_batches_and_the_writers_next_comment_joins_the_case(client):
    make_thread()
    first = post(client, COMPLAINT)
    others = [post(client, f"Tack för informationen om vägarbete nummer {n}.", author=f"Läsare {n}",
                   email=f"lasare{n}@example.se", path=f"/nyheter/{n + 2}", ip=f"192.0.2.{n + 10}")
              for n in range(followup.BATCH)]
    again = post(client, "Fortfarande inga sophämtningar, nu luktar det i hela trapphuset.")
    assert followup.drain() == followup.BATCH
    assert [int(e.target_id) for e in created_entries()] == [first.pk, *[c.pk for c in others[:-1]]]
    assert followup.drain_all() == 2 and followup.backlog() == 0
    case = cases.case_of(first)
    assert case is not None and cases.case_of(again) == case
    assert [int(e.target_id) for e in created_entries()][-2:] == [others[-1].pk, again.pk]


def test_a_hold_rule_still_holds_the_comment_in_the_writers_request(client):
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    thread = make_thread()
    rule = rules.save_rule(by=admin, organisation=thread.site.organisation or make_organisation(),
                           name="Länkar", conditions={"has_link": True}, actions=["hold"])
    rules.preview(by=admin, rule=rule)
    rules.switch(by=admin, rule=rule, on=True)
    comment = post(client, "Läs mer på www.example.com/erbjudande")
    assert comment.followup_due and comment.status == Status.WITHHELD


def test_a_follow_up_that_fails_keeps_its_mark_and_does_not_hold_up_the_others(client, caplog):
    from omdome.web.messages.signals import message_followed_up

    make_thread()
    first = post(client, COMPLAINT)
    second = post(client, "Fortfarande inga sophämtningar, nu luktar det i hela trapphuset.", author="Nils",
                  email="nils@example.se", path="/nyheter/2", ip="192.0.2.2")

    def broken(sender, *, message, **kwargs):  # type: ignore[no-untyped-def]
        if message.pk == first.pk:
            raise RuntimeError("a fault in a receiver")

    message_followed_up.connect(broken, dispatch_uid="test.broken")
    try:
        assert followup.drain() == 1
    finally:
        message_followed_up.disconnect(dispatch_uid="test.broken")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.followup_due and not second.followup_due
    assert [int(e.target_id) for e in created_entries()] == [second.pk]  # nothing of the failed one kept
    assert cases.case_of(first) is None
    assert "the follow-up of comment" in caplog.text
    assert followup.drain() == 1 and not Comment.objects.get(pk=first.pk).followup_due  # tried again
