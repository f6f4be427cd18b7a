"""Readers' reports (notice and action): acknowledged, put in front of a moderator, decided, and the
reporter told the decision."""

from __future__ import annotations

import json

import pytest
from django.core import mail

from omdome.web.core.models import AuditEntry
from omdome.web.inbox import queues
from omdome.web.inbox import services as inbox
from omdome.web.messages.models import Report
from web.factories import HOST, make_comment, make_organisation, make_staff, make_thread

pytestmark = pytest.mark.django_db

PRAISE = "Tack för att ni lagade gatlyktan så snabbt, riktigt bra jobbat!"


def send_report(client, comment_id: int, **data):  # type: ignore[no-untyped-def]
    body = {"reason": "personal_data", **data}
    return client.post(f"/api/comments/{comment_id}/report", json.dumps(body), content_type="application/json",
                       HTTP_ORIGIN=HOST, HTTP_ACCEPT_LANGUAGE="sv")


def test_a_report_is_acknowledged_and_puts_the_comment_first_in_the_inbox(client):
    comment = make_comment(make_thread(), PRAISE).comment
    assert queues.queue_of(comment) == "amplify"
    response = send_report(client, comment.pk, explanation="Det står var min granne bor.", email="anna@example.se")
    assert response.status_code == 201
    data = response.json()
    report = Report.objects.get()
    assert data["id"] == report.pk and f"nummer {report.pk}" in data["message"] and "mejl" in data["message"]
    assert (report.reason, report.email, report.ip_address) == ("personal_data", "anna@example.se", "127.0.0.1")
    assert queues.queue_of(comment) == "review"
    assert AuditEntry.objects.filter(action="message.reported", target_id=str(comment.pk)).exists()
    client.force_login(make_staff())
    page = client.get("/inbox/?queue=review", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert PRAISE in page and "Rapporterad av 1 läsare" in page and "Det står var min granne bor." in page


def test_hiding_a_reported_comment_decides_its_reports_and_tells_the_reporters(client,
                                                                               django_capture_on_commit_callbacks):
    comment = make_comment(make_thread(), PRAISE).comment
    send_report(client, comment.pk, email="anna@example.se")
    send_report(client, comment.pk, reason="hate")
    user = make_staff()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        inbox.moderate(user=user, comment=comment, to_status="hidden", reason="someone's personal data")
    assert set(Report.objects.values_list("decision", flat=True)) == {"hidden"}
    assert [m.to for m in mail.outbox] == [["anna@example.se"]]
    assert "dolt" in mail.outbox[0].body
    assert not Report.objects.filter(decided_at__isnull=True).exists()
    assert AuditEntry.objects.filter(action="message.reports_decided", target_id=str(comment.pk)).exists()


def test_marking_a_reported_comment_done_keeps_it(client):
    comment = make_comment(make_thread(), PRAISE).comment
    send_report(client, comment.pk)
    inbox.mark_done(user=make_staff(), message=comment)
    assert Report.objects.get().decision == "kept"
    assert queues.queue_of(comment) == "done"
    send_report(client, comment.pk, reason="spam")  # a new report brings it back from "done"
    assert queues.queue_of(comment) == "review"
    all_messages = queues.incoming(make_organisation())
    assert list(queues.in_queue(all_messages, "review")) == [comment.message_ptr]
    assert queues.counts(all_messages)["done"] == 0


@pytest.mark.parametrize("data, status, code, field", [
    ({"reason": "boring"}, 400, "invalid", "reason"),
    ({"email": "inte en adress"}, 400, "invalid", "email"),
    ({"explanation": "x" * 1001}, 400, "too_long", "explanation"),
    ({"explanation": "styr\x07tecken"}, 400, "control_characters", "explanation"),
])
def test_a_bad_report_is_refused_with_what_is_wrong(client, data, status, code, field):
    comment = make_comment(make_thread(), PRAISE).comment
    response = send_report(client, comment.pk, **data)
    assert response.status_code == status
    assert response.json()["code"] == code and response.json()["field"] == field
    assert not Report.objects.exists()


def test_only_a_published_comment_can_be_reported(client):
    comment = make_comment(make_thread(), PRAISE).comment
    inbox.moderate(user=make_staff(), comment=comment, to_status="hidden", reason="spam")
    assert send_report(client, comment.pk).status_code == 404
    assert send_report(client, 999_999).status_code == 404


def test_reports_are_rate_limited_per_address(client, settings):
    settings.OMDOME_RATE_LIMITS = {**settings.OMDOME_RATE_LIMITS, "report": (2, 3600)}
    comment = make_comment(make_thread(), PRAISE).comment
    assert [send_report(client, comment.pk).status_code for _ in range(3)] == [201, 201, 429]
    assert Report.objects.count() == 2
