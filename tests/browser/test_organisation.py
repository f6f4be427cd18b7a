"""The organisation in a real browser: the policy adopted, acknowledged, and used to think twice."""

from __future__ import annotations

import pytest

from browser.conftest import run_axe, screenshot
from omdome.web.comments.models import Comment
from web.factories import PASSWORD, make_comment, make_organisation, make_staff, make_thread, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSONNUMMER = "19811218-9876"
DRAFT = f"Hej! Min granne har personnummer {PERSONNUMMER} och jobbar med Projekt Tranan hos oss."
FIXED = "Hej! Vi berättar mer om det nya badet när beslutet är fattat. Välkomna på öppet hus i maj!"
SNEER = ("Jag jobbar som kommunikatör på Sundby kommun. Kul med en ny chef som tror att invånare är som "
         "kalkylblad. Hen kommer säkert att lära sig, om ett decennium eller två.")


@pytest.fixture
def page_en(browser):
    context = browser.new_context(locale="en-GB", bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    yield page
    context.close()


def log_in(page, base: str, username: str, next_path: str = "/") -> None:
    page.goto(f"{base}/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")


def no_violations(page, name: str) -> None:
    screenshot(page, name)
    violations = run_axe(page, "body")
    assert violations == [], violations


def adopt_policy_in_the_browser(page, base: str) -> None:
    """Sundby kommun's administrator makes the policy from the template, adds a term, approves it."""
    log_in(page, base, "ulla", "/policy/versions/")
    no_violations(page, "policy-versions-sv")
    page.click("text=Nytt utkast från mallen")
    page.select_option("#id_sector", "public")
    page.fill("#id_customer_word", "invånare")
    page.fill("#id_company_word", "kommun")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#id_confidential")
    no_violations(page, "policy-edit-sv")
    page.fill("#id_confidential", "Projekt Tranan")
    page.fill("#id_note", "Projekt Tranan är konfidentiellt")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=Godkänn den här versionen")
    assert "Projekt Tranan" in page.inner_text("main")
    assert "invånare" in page.inner_text(".policy-document")
    page.click("text=Godkänn den här versionen")
    page.wait_for_selector(".verdict.ok")
    no_violations(page, "policy-approved-sv")


def test_admin_adopts_employee_acknowledges_and_thinks_twice(page, live_server):
    base = live_server.url
    make_organisation()
    make_user("ulla", "admin", real_name="Ulla Berg", role="Kommunikationschef")
    make_user("erik", "employee", real_name="Erik Holm", role="Bibliotekarie", expertise="bibliotek")
    adopt_policy_in_the_browser(page, base)

    page.context.clear_cookies()
    log_in(page, base, "erik")
    assert "/policy/acknowledge/" in page.url
    no_violations(page, "policy-acknowledge-sv")
    page.click("text=Jag har läst och förstått policyn")
    page.wait_for_selector("text=Tack. Du har bekräftat")

    page.goto(f"{base}/think-twice/")
    page.fill("#id_text", DRAFT)
    page.wait_for_selector("mark.block >> nth=1")
    marked = page.locator("mark.block").all_inner_texts()
    assert PERSONNUMMER in marked and "Projekt Tranan" in marked
    result = page.inner_text("#result")
    assert "Publicera inte det här som det är." in result and result.count("Regel 4") >= 2
    no_violations(page, "think-twice-blocked-sv")
    page.fill("#id_text", FIXED)
    page.wait_for_selector("text=Inget i utkastet går emot policyn.")
    assert page.locator("mark.block").count() == 0
    page.wait_for_selector(".reading", state="detached")  # the model of meaning has read it too
    assert "Inget i utkastet går emot policyn." in page.inner_text("#result")
    no_violations(page, "think-twice-ok-sv")
    # Contempt in words no word list holds: the rules answer first, then the model of meaning.
    page.fill("#id_text", SNEER)
    page.wait_for_selector("mark.warn")
    assert "nedsättande" in page.inner_text("#result") and "Regel 4" in page.inner_text("#result")
    assert page.locator(".reading").count() == 0
    no_violations(page, "think-twice-meaning-sv")


def test_staff_replies_show_the_respect_finding_and_rule_5s_advice(page, live_server):
    base = live_server.url
    thread = make_thread()
    troll = make_comment(thread, "Haha, kommunen och te, en klassiker 😂").comment
    Comment.objects.filter(pk=troll.pk).update(category="troll")
    make_staff("karin")
    log_in(page, base, "karin", f"/staff/threads/{thread.pk}/")
    page.select_option("#id_parent", str(troll.pk))
    page.fill("#id_text", "Vi dricker faktiskt mest te, din idiot.")
    page.click("main form button[type=submit]")
    panel = page.locator(".think-twice")
    panel.wait_for()
    text = panel.inner_text()
    assert "Regel 4" in text and "idiot" in text and "Regel 5" in text
    assert not Comment.objects.filter(staff__isnull=False).exists()
    no_violations(page, "staff-reply-think-twice-sv")


def test_an_employee_cannot_reach_staff_pages_and_a_communicator_cannot_approve(page, live_server):
    base = live_server.url
    make_organisation()
    make_user("erik", "employee")
    make_staff("karin")
    log_in(page, base, "erik")
    assert page.goto(f"{base}/staff/").status == 403
    page.context.clear_cookies()
    log_in(page, base, "karin")
    assert page.goto(f"{base}/policy/versions/").status == 403
    assert "Din roll tillåter inte det här." in page.inner_text("main")


def test_the_pages_in_english(page_en, live_server):
    base = live_server.url
    make_organisation()
    make_user("ulla", "admin", real_name="Ulla Berg")
    page_en.goto(f"{base}/login/")
    no_violations(page_en, "login-en")
    log_in(page_en, base, "ulla", "/policy/versions/")
    page_en.click("text=New draft from the template")
    page_en.select_option("#id_language", "en")
    page_en.fill("#id_customer_word", "resident")
    page_en.fill("#id_company_word", "council")
    page_en.click("main form button[type=submit]")
    page_en.wait_for_selector("#id_confidential")
    page_en.click("main form button[type=submit]")
    page_en.click("text=Approve this version")
    page_en.wait_for_selector(".verdict.ok")
    no_violations(page_en, "policy-approved-en")
    page_en.goto(f"{base}/policy/")
    no_violations(page_en, "policy-current-en")
    make_user("erik", "employee", real_name="Erik Holm")
    page_en.context.clear_cookies()
    log_in(page_en, base, "erik")
    no_violations(page_en, "policy-acknowledge-en")
    page_en.click("text=I have read and understood the policy")
    page_en.goto(f"{base}/think-twice/")
    page_en.fill("#id_text", f"My neighbour's number is {PERSONNUMMER}.")
    page_en.wait_for_selector("mark.block")
    no_violations(page_en, "think-twice-en")


def test_the_login_page_in_swedish(page, live_server):
    page.goto(f"{live_server.url}/login/")
    assert page.inner_text("h1") == "Logga in"
    no_violations(page, "login-sv")
