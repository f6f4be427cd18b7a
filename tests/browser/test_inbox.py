"""The inbox in a real browser: a communicator works the queues; an employee cannot get in."""

from __future__ import annotations

import pytest

from browser.conftest import screenshot
from browser.test_organisation import log_in, no_violations
from omdome.web.inbox.models import Correction, Handling
from web.factories import make_comment, make_staff, make_thread, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRAISE = "Tack för att ni lagade gatlyktan så snabbt, riktigt bra jobbat!"
QUESTION = "Hur ansöker jag om plats i förskolan till hösten?"
COMPLAINT = "Soporna har inte hämtats på tre veckor och ingen svarar i telefon. Det är inte okej."


def test_a_communicator_acknowledges_praise_and_relabels_a_comment(page, live_server):
    base = live_server.url
    thread = make_thread()
    praise, question = (make_comment(thread, t).comment for t in (PRAISE, QUESTION))
    make_comment(thread, COMPLAINT)
    make_staff("karin")
    log_in(page, base, "karin", "/inbox/?queue=amplify")
    main = page.inner_text("main")
    assert "Inkorg" in main and PRAISE in main and COMPLAINT not in main
    assert "beröm" in main and "bekräfta och förstärk" in main
    no_violations(page, "inbox-amplify-sv")

    page.click(f"#message-{praise.pk} >> text=Markera som klar")
    page.wait_for_selector("text=Markerad som klar.")
    assert Handling.objects.filter(message_id=praise.pk).exists()
    assert PRAISE not in page.inner_text("main")

    page.goto(f"{base}/inbox/?queue=answer")
    page.locator(f"#message-{question.pk} summary").click()
    assert "Föreslaget svar" in page.inner_text(f"#message-{question.pk}")
    page.select_option(f"#category-{question.pk}", "complaint")
    page.click(f"#message-{question.pk} >> text=Ändra kategori")
    page.wait_for_selector("text=Kategorin är ändrad. Rättelsen räknas.")
    assert Correction.objects.get().after == "complaint"
    assert "1 rättelse av sorteringen hittills här." in page.inner_text("main")
    page.goto(f"{base}/inbox/?queue=follow_up")
    assert QUESTION in page.inner_text("main") and COMPLAINT in page.inner_text("main")
    screenshot(page, "inbox-follow-up-sv")


def test_an_employee_cannot_reach_the_inbox(page, live_server):
    base = live_server.url
    make_user("erik", "employee")
    log_in(page, base, "erik")
    assert page.goto(f"{base}/inbox/").status == 403
    assert "Inkorg" not in page.inner_text("nav")
