"""The dashboard: each figure computed from real rows, drawn as SVG, and downloadable as CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from omdome.web.cases import services as cases
from omdome.web.cases.models import EventKind
from omdome.web.comments.services import post_staff_reply
from omdome.web.core.models import Organisation
from omdome.web.inbox import services as inbox
from omdome.web.messages.models import Message
from omdome.web.reports import figures
from web.factories import make_comment, make_staff, make_thread, make_user

pytestmark = pytest.mark.django_db

PRAISE = "Tack för att ni lagade gatlyktan så snabbt, riktigt bra jobbat!"
QUESTION = "Hur ansöker jag om plats i förskolan till hösten?"
COMPLAINT = "Soporna har inte hämtats på tre veckor och ingen svarar i telefon. Det är inte okej."


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    thread = make_thread()
    user = make_staff("karin", permissions=("reply_as_staff",), work_email="karin.ek@sundby.se")
    praise = make_comment(thread, PRAISE).comment
    question = make_comment(thread, QUESTION, author="Per").comment
    complaint = make_comment(thread, COMPLAINT, author="Lena", email="lena@example.se").comment
    inbox.mark_done(user=user, message=praise)
    post_staff_reply(user=user, thread=thread, parent=question.pk, confirmed=True,
                     text="Hej Per! Du ansöker i e-tjänsten på sundby.se/forskola. /Karin Ek, kommunikatör")
    inbox.relabel(user=user, message=complaint, category="question")
    inbox.moderate(user=user, comment=praise, to_status="hidden", reason="spam or advertising")
    case = cases.open_case(message=complaint, by=user)
    cases.add_note(case=case, by=user, kind=EventKind.CONTACT, text="Ringde Lena.")
    cases.set_status(case=case, by=user, status="closed")
    return user, Organisation.objects.get()


def test_each_figure_counts_what_happened(world):
    _user, organisation = world
    period = figures.Period(organisation, timezone.now() - timedelta(weeks=4))
    weekly = figures.per_week(period)
    assert sum(sum(row[1:]) for row in weekly.rows) == Message.objects.filter(direction="in").count() == 3
    handled = {row[0]: row[1:] for row in figures.handled(period).rows}
    assert handled["beröm"] == [1, 1, 100] and handled["fråga"] == [2, 1, 50]
    times = {row[0]: row[1:] for row in figures.response_times(period).rows}
    assert times["fråga"][0] == 1 and times["fråga"][1] is not None
    case_rows = dict(figures.cases(period).rows)
    assert case_rows["Stängda under perioden"] == 1 and case_rows["Öppna nu"] == 0
    assert figures.hidden_by_reason(period).rows == [["spam or advertising", 1]]
    corrected = {row[0]: row[1] for row in figures.corrections(period).rows}
    assert corrected["klagomål"] == 1 and sum(corrected.values()) == 1
    assert "0 % av personalen" in figures.policy(period).summary


def test_the_dashboard_draws_every_figure_in_swedish(client, world):
    user, _organisation = world
    client.force_login(user)
    page = client.get("/dashboard/?weeks=4", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert page.count('<svg class="chart"') == 3  # per week, hidden, corrections (no findings to draw)
    assert "Meddelanden per kategori och vecka" in page and "Tid till första svar från personal" in page
    assert 'role="img"' in page and "<title id=" in page


def test_each_figure_downloads_as_csv_that_a_spreadsheet_reads_safely(client, world):
    user, _organisation = world
    client.force_login(user)
    Message.objects.filter(text=PRAISE).update(author="=HYPERLINK(1)")  # nothing of it is in any figure
    from omdome.web.comments.models import ModerationEvent

    ModerationEvent.objects.filter(action="moderated_hidden").update(reason="=SUM(A1:A2)")
    for name in figures.FIGURES:
        response = client.get(f"/dashboard/{name}.csv?weeks=4", HTTP_ACCEPT_LANGUAGE="sv")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert len(rows) >= 2
    hidden = client.get("/dashboard/hidden.csv").content.decode()
    assert "'=SUM(A1:A2)" in hidden
    assert client.get("/dashboard/nothing.csv").status_code == 404


def test_employees_do_not_see_the_reports(client):
    client.force_login(make_user("erik", "employee"))
    assert client.get("/dashboard/").status_code == 403
    assert client.get("/dashboard/cases.csv").status_code == 403


def test_long_periods_are_drawn_from_the_last_count_which_says_when(client, world):
    from omdome.web.reports import snapshots
    from omdome.web.reports.models import Snapshot

    user, organisation = world
    client.force_login(user)
    assert snapshots.count_all((4, 12, 26, 52)) == 4  # 26 and 52 weeks, in Swedish and in English
    make_comment(make_thread(path="/ny"), PRAISE + " Igen!")  # after the count
    page = client.get("/dashboard/?weeks=52", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    counted = timezone.localtime(Snapshot.objects.get(weeks=52, language="sv").counted_at).strftime("%H:%M")
    assert f"Räknat {counted}: en så lång period räknas om var 10:e minut." in page
    assert "3 inkomna meddelanden med kategori under perioden." in page  # the count, not the new comment
    rows = list(csv.reader(io.StringIO(client.get("/dashboard/handled.csv?weeks=52").content.decode("utf-8-sig"))))
    assert sum(int(row[1]) for row in rows[1:]) == 3  # the CSV holds what the page draws
    assert "4 inkomna" in client.get("/dashboard/?weeks=12", HTTP_ACCEPT_LANGUAGE="sv").content.decode()  # live
    Snapshot.objects.update(counted_at=timezone.now() - timedelta(minutes=20))  # the worker stopped
    assert "4 inkomna" in client.get("/dashboard/?weeks=52", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    english = client.get("/dashboard/?weeks=26", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Counted at" in english and "Messages per category and week" in english


def test_a_count_made_by_an_older_version_is_counted_again(client, world):
    from omdome.web.reports import snapshots
    from omdome.web.reports.models import Snapshot

    user, organisation = world
    client.force_login(user)
    snapshots.count_all((52,))
    Snapshot.objects.filter(language="sv").update(tables=[{"name": "handled", "title": "x", "columns": [],
                                                           "rows": [], "shape": "old"}])
    assert client.get("/dashboard/handled.csv?weeks=52", HTTP_ACCEPT_LANGUAGE="sv").status_code == 200
    page = client.get("/dashboard/?weeks=52", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Meddelanden per kategori och vecka" in page
    assert [t["name"] for t in Snapshot.objects.get(language="sv").tables] == list(snapshots.figures.FIGURES)
