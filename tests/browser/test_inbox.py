"""The inbox in a real browser: a communicator works the queues; an employee cannot get in."""

from __future__ import annotations

import pytest

from browser.conftest import screenshot
from browser.test_organisation import log_in, no_violations, page_en  # noqa: F401 (a fixture)
from omdome.web.comments.models import Comment
from omdome.web.inbox import queues
from omdome.web.inbox.models import Correction, Handling
from web.factories import make_comment, make_staff, make_thread, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRAISE = "Tack för att ni lagade gatlyktan så snabbt, riktigt bra jobbat!"
QUESTION = "Hur ansöker jag om plats i förskolan till hösten?"
HATEFUL = "Ni är ett gäng jävla idioter allihop"
COMPLAINT = "Soporna har inte hämtats på tre veckor och ingen svarar i telefon. Det är inte okej."


def test_a_communicator_acknowledges_praise_and_relabels_a_comment(page, live_server):
    base = live_server.url
    thread = make_thread()
    praise, question = (make_comment(thread, t).comment for t in (PRAISE, QUESTION))
    make_comment(thread, COMPLAINT)
    make_staff("karin", permissions=("reply_as_staff",), work_email="karin.ek@sundby.se")
    make_user("olle", "employee", real_name="Olle Berg", role="Förskolechef", expertise="förskola")
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
    page.locator(f"#message-{question.pk} summary", has_text="Föreslaget svar").click()
    assert "Föreslaget svar" in page.inner_text(f"#message-{question.pk}")
    # Routed to the colleague whose expertise fits, as suggested.
    assert "Olle Berg (förskola) – föreslagen" in page.locator(f"#assign-{question.pk} option:checked").inner_text()
    page.click(f"#message-{question.pk} button:text-is('Skicka')")
    page.wait_for_selector("text=Skickat till Olle Berg.")
    question.refresh_from_db()
    assert question.assigned_to.username == "olle"

    # The suggested reply, one click into the reply box; it passes the draft check as it is.
    suggested = question.triage["suggested_reply"]
    page.click(f"#message-{question.pk} a[data-key=r]")
    page.wait_for_selector("#id_text")
    assert page.input_value("#id_text") == suggested and page.input_value("#id_parent") == str(question.pk)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("text=Publicera ändå").count() == 0  # no finding to confirm
    reply = Comment.objects.get(parent_id=question.pk)
    assert reply.staff.username == "karin" and reply.text == suggested
    page.goto(f"{base}/inbox/?queue=answer")
    page.select_option(f"#category-{question.pk}", "complaint")
    page.click(f"#message-{question.pk} >> text=Ändra kategori")
    page.wait_for_selector("text=Kategorin är ändrad. Rättelsen räknas.")
    assert Correction.objects.get().after == "complaint"
    assert "1 rättelse av sorteringen gjord här som modellen i bruk inte har lärt sig av." in page.inner_text("main")
    page.goto(f"{base}/inbox/?queue=follow_up")
    assert QUESTION in page.inner_text("main") and COMPLAINT in page.inner_text("main")
    screenshot(page, "inbox-follow-up-sv")

    # A hateful comment, withheld for review: hidden with a reason, and there in its moderation log.
    hateful = make_comment(thread, HATEFUL, author="Troll", confirmed=True).comment
    page.goto(f"{base}/inbox/?queue=review")
    page.select_option(f"#reason-{hateful.pk}", "hate")
    page.click(f"#message-{hateful.pk} button:text-is('Dölj')")
    page.wait_for_selector("text=Dold. Den finns kvar i loggen")
    page.goto(f"{base}/inbox/?queue={queues.queue_of(hateful)}&status=hidden")
    page.click(f"#message-{hateful.pk} .log summary")
    assert "dold · Karin Ek · hat eller hot" in page.inner_text(f"#message-{hateful.pk} .log")


def test_the_inbox_in_english_by_keyboard_in_bulk_and_live(page_en, live_server, settings):  # noqa: F811
    settings.OMDOME_INBOX_POLL_SECONDS = 1
    base = live_server.url
    thread = make_thread()
    first, second = (make_comment(thread, t).comment for t in (QUESTION, QUESTION.replace("hösten", "våren")))
    make_staff("karin")
    log_in(page_en, base, "karin", "/inbox/?queue=answer")
    assert "Inbox" in page_en.inner_text("h1") and "question" in page_en.inner_text("main")
    assert "Inkorg" not in page_en.inner_text("main")
    page_en.keyboard.press("?")
    assert page_en.locator("#shortcuts").is_visible() and "next / previous message" in page_en.inner_text("#shortcuts")
    no_violations(page_en, "inbox-shortcuts-en")
    page_en.keyboard.press("Escape")
    page_en.keyboard.press("j")  # the first message (the newest), ticked with x
    page_en.keyboard.press("x")
    assert page_en.locator(f"#pick-{second.pk}").is_checked() and not page_en.locator(f"#pick-{first.pk}").is_checked()
    page_en.keyboard.press("j")
    page_en.keyboard.press("e")  # mark the second as done
    page_en.wait_for_selector("text=Marked as done.")
    assert Handling.objects.filter(message_id=first.pk).exists()

    later = make_comment(thread, "When does the library open again after the renovation?").comment
    page_en.wait_for_selector(f"#message-{later.pk}")  # without a reload
    assert "1 new message at the top of the list." in page_en.inner_text("#arrived")
    no_violations(page_en, "inbox-answer-en")
    page_en.click("text=Tick all on this page")
    page_en.click("#bulk button[value=done]")
    page_en.wait_for_selector("text=2 messages changed.")
    assert Handling.objects.count() == 3
    page_en.click("text=Your e-mail notifications")
    page_en.uncheck("#id_digest")
    page_en.click("main form button[type=submit]")
    page_en.wait_for_selector("text=Your choices are saved.")
    no_violations(page_en, "notifications-en")


def test_an_employee_cannot_reach_the_inbox(page, live_server):
    base = live_server.url
    make_user("erik", "employee")
    log_in(page, base, "erik")
    assert page.goto(f"{base}/inbox/").status == 403
    assert "Inkorg" not in page.inner_text("nav")


def test_a_reader_reports_a_comment_from_the_widget_and_a_communicator_hides_it(page, host, live_server, browser):
    from django.core import mail

    from browser.conftest import run_axe
    from browser.test_widget import open_widget, wait_until_sent, write
    from omdome.web.comments.models import Comment
    from omdome.web.messages.models import Report

    open_widget(page, host.url())
    write(page, "Vägen var avstängd hela dagen igen, utan någon skylt.")
    wait_until_sent(page)
    comment = Comment.objects.get()
    reader = browser.new_context(locale="sv-SE", bypass_csp=True).new_page()  # another reader: no edit key
    errors: list[str] = []
    reader.on("pageerror", lambda error: errors.append(str(error)))
    open_widget(reader, host.url())
    reader.click(f"#omdome-comment-{comment.pk} .omdome-report summary")
    reader.click(f"#omdome-comment-{comment.pk} .omdome-report-send")
    reader.wait_for_selector("text=Välj ett skäl", state="attached")
    reader.select_option(f"#omdome-report-{comment.pk}-reason", "personal_data")
    reader.fill(f"#omdome-report-{comment.pk}-explanation", "Det står var min granne bor.")
    reader.fill(f"#omdome-report-{comment.pk}-email", "anna@example.se")
    assert run_axe(reader) == []
    screenshot(reader, "widget-report-form-sv")
    reader.click(f"#omdome-comment-{comment.pk} .omdome-report-send")
    reader.wait_for_selector("text=Din anmälan (nummer", state="attached")
    assert reader.locator(".omdome-report").count() == 0 and errors == []
    screenshot(reader, "widget-report-sent-sv")
    assert Report.objects.get().explanation == "Det står var min granne bor."

    make_staff("karin")
    staff = browser.new_context(locale="sv-SE", bypass_csp=True).new_page()
    log_in(staff, live_server.url, "karin", "/inbox/?queue=review")
    item = staff.locator(f"#message-{comment.pk}")
    assert "Rapporterad av 1 läsare" in item.inner_text() and "någons personuppgifter" in item.inner_text()
    no_violations(staff, "inbox-reported-sv")
    mail.outbox.clear()
    staff.select_option(f"#reason-{comment.pk}", "personal_data")
    staff.click(f"#message-{comment.pk} button:text-is('Dölj')")
    staff.wait_for_selector("text=Dold. Den finns kvar i loggen")
    assert Report.objects.get().decision == "hidden"
    assert [m.to for m in mail.outbox] == [["anna@example.se"]]
