"""Follow-up cases (rule 5: always follow up): opened for complaints, due in working hours, closed
only after a follow-up, reopened by the writer's next message, owners reminded when overdue."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from omdome.web.cases import services
from omdome.web.cases.models import Case, CaseStatus, EventKind, ServiceLevel
from omdome.web.comments.services import post_staff_reply
from omdome.web.core.errors import NotAllowed, ServiceError
from omdome.web.core.models import AuditEntry
from web.factories import make_comment, make_organisation, make_staff, make_thread, make_user

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
COMPLAINT = "Soporna har inte hämtats på tre veckor och ingen svarar i telefon. Det är inte okej."
QUESTION = "Hur ansöker jag om plats i förskolan till hösten?"
AGAIN = "Fortfarande inga sophämtningar, nu luktar det i hela trapphuset."


def complaint(thread=None, author="Lena", email="lena@example.se"):  # type: ignore[no-untyped-def]
    return make_comment(thread or make_thread(), COMPLAINT, author=author, email=email).comment


def audited(case: Case) -> list[str]:
    return list(AuditEntry.objects.filter(target_type="cases.case", target_id=str(case.pk))
                .order_by("seq").values_list("action", flat=True))


def replier():  # type: ignore[no-untyped-def]
    return make_staff("karin", permissions=("reply_as_staff",), work_email="karin.ek@sundby.se")


def test_a_complaint_opens_a_case_by_itself_and_a_question_does_not():
    comment = complaint()
    case = services.case_of(comment)
    assert case is not None and case.opened_by is None and case.status == CaseStatus.OPEN
    assert list(case.messages.all()) == [comment.message_ptr]
    assert case.title.startswith("Soporna har inte hämtats")
    assert audited(case) == ["case.opened"]
    assert services.case_of(make_comment(make_thread(path="/fragor"), QUESTION).comment) is None


def test_the_due_date_counts_working_hours_past_the_weekend_and_a_public_holiday(monkeypatch):
    # Friday 2 January 2026 at 14:00; Monday is a working day, Tuesday 6 January is Epiphany.
    friday = datetime(2026, 1, 2, 14, 0, tzinfo=STOCKHOLM)
    monkeypatch.setattr(timezone, "now", lambda: friday)
    case = services.case_of(complaint())
    assert case.due_at.astimezone(STOCKHOLM) == datetime(2026, 1, 7, 14, 0, tzinfo=STOCKHOLM)


def test_the_service_level_is_the_organisations(monkeypatch):
    ServiceLevel.objects.create(organisation=make_organisation(), working_days=1, opens="09:00", closes="12:00")
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 1, 2, 11, 0, tzinfo=STOCKHOLM))
    case = services.case_of(complaint())
    # 1 h on Friday, Monday 09:00-11:00.
    assert case.due_at.astimezone(STOCKHOLM) == datetime(2026, 1, 5, 11, 0, tzinfo=STOCKHOLM)


def test_without_automatic_cases_a_communicator_opens_one_from_the_inbox(client):
    ServiceLevel.objects.create(organisation=make_organisation(), open_automatically=False)
    comment = complaint()
    assert services.case_of(comment) is None
    client.force_login(make_staff())
    assert "Öppna ett ärende" in client.get("/inbox/?queue=follow_up", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    response = client.post(f"/cases/open/{comment.pk}/")
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"
    assert case.opened_by.username == "karin"
    client.post(f"/cases/open/{comment.pk}/")  # twice: still one case
    assert Case.objects.count() == 1
    page = client.get("/inbox/?queue=follow_up", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert f"Ärende #{case.pk} (öppet)" in page


def test_a_case_cannot_be_closed_before_the_writer_is_followed_up(client):
    case = services.case_of(complaint())
    user = make_staff()
    with pytest.raises(ServiceError) as refused:
        services.set_status(case=case, by=user, status=CaseStatus.CLOSED)
    assert refused.value.code == "needs_follow_up" and refused.value.status == 409
    services.add_note(case=case, by=user, kind=EventKind.NOTE, text="Kollat med renhållningen.")
    with pytest.raises(ServiceError, match="inte följts upp"):  # Swedish: the organisation's language
        services.set_status(case=case, by=user, status=CaseStatus.CLOSED)  # an internal note is no follow-up
    client.force_login(user)
    response = client.post(f"/cases/{case.pk}/status/", {"status": "closed"}, HTTP_ACCEPT_LANGUAGE="sv",
                           follow=True)
    assert "inte följts upp" in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN


def test_a_recorded_contact_is_a_follow_up():
    case = services.case_of(complaint())
    user = make_staff()
    services.add_note(case=case, by=user, kind=EventKind.CONTACT, text="Ringde Lena, hämtning på fredag.")
    case = services.set_status(case=case, by=user, status=CaseStatus.CLOSED)
    assert case.status == CaseStatus.CLOSED and case.closed_at is not None
    assert audited(case) == ["case.opened", "case.followed_up", "case.closed"]


def test_a_staff_reply_to_the_complaint_is_a_follow_up():
    comment = complaint()
    case = services.case_of(comment)
    user = replier()
    text = "Hej Lena! Jag har pratat med renhållningen, de hämtar på fredag. /Karin Ek, kommunikatör"
    reply = post_staff_reply(user=user, thread=comment.thread, parent=comment.pk, confirmed=True, text=text)
    assert services.followed_up(case)
    assert reply.message_ptr in case.messages.all()
    assert services.set_status(case=case, by=user, status=CaseStatus.CLOSED).status == CaseStatus.CLOSED


def test_the_writers_next_message_in_the_thread_reopens_the_case_and_needs_a_new_follow_up():
    thread = make_thread()
    case = services.case_of(complaint(thread))
    user = make_staff()
    services.add_note(case=case, by=user, kind=EventKind.CONTACT, text="Mejlade Lena.")
    services.set_status(case=case, by=user, status=CaseStatus.CLOSED)
    make_comment(thread, "Tack, jag väntar och ser.", author="Olle", email="olle@example.se")  # someone else
    make_comment(make_thread(path="/annat"), AGAIN, author="Lena", email="lena@example.se")  # another page
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    again = make_comment(thread, AGAIN, author="Lena Berg", email="Lena@Example.se").comment  # the same e-mail
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN and case.closed_at is None
    assert again.message_ptr in case.messages.all()
    assert case.events.last().kind == EventKind.REOPENED
    assert audited(case)[-1] == "case.reopened"
    assert Case.objects.count() == 1  # the second complaint joined the case, no new one
    with pytest.raises(ServiceError) as refused:
        services.set_status(case=case, by=user, status=CaseStatus.CLOSED)
    assert refused.value.code == "needs_follow_up"


def test_without_an_e_mail_the_writer_is_known_by_name():
    thread = make_thread()
    case = services.case_of(complaint(thread, author="Per  Ek", email=""))
    services.set_status(case=case, by=make_staff(), status=CaseStatus.WAITING)
    make_comment(thread, "Hallå? Något svar?", author="per ek")
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN


def test_a_case_closed_long_ago_is_not_reopened(monkeypatch):
    thread = make_thread()
    case = services.case_of(complaint(thread))
    user = make_staff()
    services.add_note(case=case, by=user, kind=EventKind.CONTACT, text="Ringde.")
    services.set_status(case=case, by=user, status=CaseStatus.CLOSED)
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - timedelta(days=31))
    complaint(thread)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and Case.objects.count() == 2  # a new case for the new complaint


def test_waiting_cases_are_not_overdue_and_overdue_owners_are_reminded_once(django_capture_on_commit_callbacks):
    user = make_staff()
    colleague = make_staff("olle", real_name="Olle Ek")
    first, second = services.case_of(complaint()), services.case_of(complaint(make_thread(path="/b")))
    third = services.case_of(complaint(make_thread(path="/c")))
    services.assign(case=first, by=user, owner=user)
    services.set_status(case=third, by=user, status=CaseStatus.WAITING)
    later = timezone.now() + timedelta(days=10)
    assert set(services.overdue(now=later)) == {first, second}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_overdue(now=later) == 2
        assert services.remind_overdue(now=later) == 0  # once
    assert len(mail.outbox) == 2
    to_owner = next(m for m in mail.outbox if m.to == ["karin@sundby.se"])
    assert f"/cases/{first.pk}/" in to_owner.body and f"#{first.pk}" in to_owner.subject
    unowned = next(m for m in mail.outbox if m.to != ["karin@sundby.se"])
    assert set(unowned.to) == {user.email, colleague.email}
    assert "case.reminded" in audited(first)


def test_only_communicators_own_cases_and_employees_cannot_reach_them(client):
    case = services.case_of(complaint())
    user = make_staff()
    employee = make_user("erik", "employee")
    with pytest.raises(ServiceError) as refused:
        services.assign(case=case, by=user, owner=employee)
    assert refused.value.code == "bad_owner"
    with pytest.raises(NotAllowed):
        services.add_note(case=case, by=employee, kind=EventKind.CONTACT, text="Ringde.")
    client.force_login(employee)
    assert client.get("/cases/").status_code == 403
    assert client.get(f"/cases/{case.pk}/").status_code == 403
    assert client.post(f"/cases/open/{case.messages.get().pk}/").status_code == 403


@pytest.mark.parametrize("text, code, message", [("", "empty", "Write what happened"),
                                                 ("Ringde\x00 Lena", "control_characters", "control characters"),
                                                 ("x" * 5001, "too_long", "at most 5000")])
def test_a_bad_note_is_refused_with_the_reason(client, text, code, message):
    case = services.case_of(complaint())
    user = make_staff()
    with pytest.raises(ServiceError) as refused:
        services.add_note(case=case, by=user, kind=EventKind.CONTACT, text=text)
    assert refused.value.code == code
    client.force_login(user)
    response = client.post(f"/cases/{case.pk}/note/", {"kind": "contact", "text": text}, HTTP_ACCEPT_LANGUAGE="en",
                           follow=True)
    assert response.status_code == 200 and message in response.content.decode()
    assert not services.followed_up(case)


def test_the_case_pages_in_swedish(client):
    comment = complaint()
    case = services.case_of(comment)
    user = make_staff()
    services.assign(case=case, by=user, owner=user)
    client.force_login(user)
    listing = client.get("/cases/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert f"#{case.pk} Soporna" in listing and 'Mina <span class="count">(1)</span>' in listing
    page = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Följts upp" in page and "inte än" in page and "automatiskt, för ett klagomål" in page
    assert f"?parent={comment.pk}&amp;case={case.pk}" in page
    overdue = client.get("/cases/?show=overdue").content.decode()
    assert "Soporna" not in overdue


def test_replying_from_a_case_starts_from_the_suggested_reply_and_comes_back(client):
    question_thread = make_thread(path="/fragor")
    comment = make_comment(question_thread, QUESTION).comment
    case = services.open_case(message=comment, by=make_staff("olle", real_name="Olle Ek"))
    user = replier()
    client.force_login(user)
    page = client.get(f"/staff/threads/{question_thread.pk}/?parent={comment.pk}&suggested=1&case={case.pk}")
    form = page.context["form"]
    suggested = comment.triage["suggested_reply"]
    assert form.initial["parent"] == comment.pk and form.initial["text"] == suggested
    response = client.post(f"/staff/threads/{question_thread.pk}/?parent={comment.pk}&suggested=1&case={case.pk}",
                           {"text": suggested, "parent": comment.pk})
    # The suggested reply passes the draft check as it is: published at once, and back to the case.
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"
    assert services.followed_up(case)


def test_the_new_owner_of_a_case_is_told(django_capture_on_commit_callbacks):
    case = services.case_of(complaint())
    user, colleague = make_staff(), make_staff("olle", real_name="Olle Ek")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign(case=case, by=user, owner=colleague)
        services.assign(case=case, by=user, owner=user)  # taking it yourself: no e-mail to yourself
    assert [m.to for m in mail.outbox] == [["olle@sundby.se"]]
    assert mail.outbox[0].subject.startswith(f"Ärende #{case.pk} är ditt")
    assert f"/cases/{case.pk}/" in mail.outbox[0].body
