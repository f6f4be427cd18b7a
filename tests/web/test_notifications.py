"""E-mail notifications: each person chooses what they get; a summary every morning for the rest."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from omdome.web.cases import services as cases
from omdome.web.core.models import AuditEntry
from omdome.web.inbox import notifications
from omdome.web.inbox.models import Notifications
from omdome.web.messages.models import Message
from web.factories import make_comment, make_staff, make_thread, make_user

pytestmark = pytest.mark.django_db

QUESTION = "Hur ansöker jag om plats i förskolan till hösten?"
COMPLAINT = "Soporna har inte hämtats på tre veckor och ingen svarar i telefon. Det är inte okej."


def _morning(hour: int, days: int = 0) -> datetime:
    """``hour``:05 on the first morning whose summary (07:05) comes after the last message the test
    made, ``days`` later; whatever the time of day the suite runs at, 07:00 to 07:05 included."""
    last = timezone.localtime(Message.objects.latest("created").created)
    first = last.date() + timedelta(days=1 if last.time() >= time(7, 5) else 0)
    day = first + timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 5))


def test_a_person_chooses_on_the_page_and_the_choice_is_kept_and_audited(client):
    karin = make_staff()
    client.force_login(karin)
    page = client.get("/inbox/notifications/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "karin@sundby.se" in page and "ett meddelande som markerats som möjligen olagligt" in page.lower()
    response = client.post("/inbox/notifications/", {"threat": "on", "digest": "on"})
    assert response.status_code == 302
    chosen = Notifications.objects.get(user=karin)
    assert (chosen.threat, chosen.routed, chosen.case_assigned, chosen.case_overdue, chosen.digest) == (
        True, False, False, False, True)
    assert AuditEntry.objects.filter(action="notifications.changed").exists()
    client.force_login(make_user("erik", "employee"))
    assert client.get("/inbox/notifications/").status_code == 403


def test_nobody_is_sent_what_they_chose_not_to_get(django_capture_on_commit_callbacks):
    karin = make_staff()
    olle = make_staff("olle", real_name="Olle Ek")
    Notifications.objects.create(user=olle, threat=False, case_assigned=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(make_thread(), "Jag vet var du bor, akta dig", confirmed=True)
    assert [m.to for m in mail.outbox] == [["karin@sundby.se"]]
    complaint = make_comment(make_thread(path="/annat"), COMPLAINT).comment
    case = complaint.cases.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cases.assign(case=case, by=karin, owner=olle)
    assert mail.outbox == []
    assert notifications.wants(olle, "case_overdue") and not notifications.wants(olle, "threat")
    with pytest.raises(ValueError):
        notifications.wants(olle, "everything")


def test_the_morning_summary_counts_what_came_and_what_waits_once_a_day(django_capture_on_commit_callbacks):
    karin = make_staff()
    olle = make_staff("olle", real_name="Olle Ek")
    Notifications.objects.create(user=olle, digest=False)
    thread = make_thread()
    make_comment(thread, QUESTION)
    complaint = make_comment(thread, COMPLAINT, author="Per").comment
    cases.assign(case=complaint.cases.get(), by=karin, owner=karin)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.send_digests(now=_morning(6)) == 0  # not before seven
        assert notifications.send_digests(now=_morning(7)) == 1
        assert notifications.send_digests(now=_morning(9)) == 0  # once a day
    (summary,) = mail.outbox
    assert summary.to == ["karin@sundby.se"] and summary.subject == "Omdöme: inkorgen i morse"
    assert "2 nya meddelanden" in summary.body and "fråga: 1" in summary.body and "klagomål: 1" in summary.body
    assert "Svara: 1" in summary.body and "Följ upp: 1" in summary.body
    assert "Dina öppna ärenden: 1" in summary.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_digests(now=_morning(7, days=1))  # the next day: nothing new, but a case waits
    assert "0 nya meddelanden" in mail.outbox[0].body and "Dina öppna ärenden: 1" in mail.outbox[0].body
