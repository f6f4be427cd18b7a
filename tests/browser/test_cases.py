"""Follow-up cases in a real browser: a complaint's case cannot be closed before the writer is
followed up, closes after a reply, and the writer's next comment reopens it."""

from __future__ import annotations

import pytest

from browser.conftest import screenshot
from browser.test_organisation import log_in, no_violations, page_en  # noqa: F401 (a fixture)
from omdome.web.cases import services
from omdome.web.cases.models import CaseStatus
from web.factories import make_comment, make_staff, make_thread, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMPLAINT = "Soporna har inte hämtats på tre veckor och ingen svarar i telefon. Det är inte okej."
AGAIN = "Fortfarande ingen hämtning. Nu luktar det i hela trapphuset."
REPLY = ("Hej Lena! Förlåt att det dröjt. Jag har pratat med renhållningen och de hämtar hos er på fredag. "
         "Hör gärna av dig om det inte blir så. /Karin Ek, kommunikatör på Sundby kommun")


def publish_reply(page, text: str) -> None:
    page.fill("#id_text", text)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    if page.locator("text=Publicera ändå").count():  # the think-twice panel: the writer has read it
        page.click("text=Publicera ändå")
        page.wait_for_load_state("networkidle")


def test_a_communicator_follows_up_a_complaint_until_the_case_can_close(page, live_server):
    base = live_server.url
    thread = make_thread()
    complaint = make_comment(thread, COMPLAINT, author="Lena", email="lena@example.se").comment
    case = services.case_of(complaint)
    make_staff("karin", permissions=("reply_as_staff",), work_email="karin.ek@sundby.se")
    log_in(page, base, "karin", "/inbox/?queue=follow_up")
    page.click(f"#message-{complaint.pk} >> text=Ärende #{case.pk} (öppet)")
    page.wait_for_selector("h1")
    assert f"Ärende #{case.pk}" in page.inner_text("h1")
    assert "inte än" in page.inner_text(".facts")
    no_violations(page, "case-open-sv")

    page.click("text=Stäng ärendet")
    page.wait_for_selector("text=Skribenten har inte följts upp än.", state="attached")
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN

    page.click(f"#message-{complaint.pk} .actions a")
    page.wait_for_selector("#id_text")
    assert page.input_value("#id_parent") == str(complaint.pk)
    publish_reply(page, REPLY)
    assert page.url.split("#")[0] == f"{base}/cases/{case.pk}/"  # the fragment stays from the reply link
    assert "ja" in page.inner_text(".facts") and "svarade offentligt" in page.inner_text(".history")

    page.click("text=Stäng ärendet")
    page.wait_for_selector("text=Status: stängd.")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED

    make_comment(thread, AGAIN, author="Lena", email="lena@example.se")
    page.reload()
    assert "öppnat igen" in page.inner_text(".history")
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    page.goto(f"{base}/cases/")
    assert f"#{case.pk} Soporna" in page.inner_text("main")
    no_violations(page, "cases-list-sv")


def test_the_case_pages_in_english(page_en, live_server):  # noqa: F811 (the fixture)
    base = live_server.url
    case = services.case_of(make_comment(make_thread(), COMPLAINT, email="lena@example.se").comment)
    make_staff("karin")
    log_in(page_en, base, "karin", f"/cases/{case.pk}/")
    assert "Followed up" in page_en.inner_text(".facts") and "Ärende" not in page_en.inner_text("main")
    no_violations(page_en, "case-open-en")
    page_en.goto(f"{base}/cases/")
    no_violations(page_en, "cases-list-en")


def test_an_employee_cannot_reach_the_cases(page, live_server):
    base = live_server.url
    make_user("erik", "employee")
    log_in(page, base, "erik")
    assert page.goto(f"{base}/cases/").status == 403
    assert "Ärenden" not in page.inner_text("nav")
    screenshot(page, "cases-refused-employee-sv")
