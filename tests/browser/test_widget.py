"""User journeys in a real browser: a host page on another port embeds the widget."""

from __future__ import annotations

import pytest

from browser.conftest import run_axe, screenshot
from omdome.web.comments.models import Comment, Status, Thread
from web.factories import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HATEFUL = "Ni är ett gäng jävla idioter allihop"
COMPLAINT = "Tredje gången i år som gatan grävs upp, och ingen har informerat oss som bor här."


def open_widget(page, url: str):
    page.goto(url)
    page.wait_for_selector(".omdome .omdome-count")
    return page.locator(".omdome")


def wait_until_sent(page):
    """Until the status line says how it went ("Skickar…" comes first, while the request runs)."""
    page.wait_for_function("(t => t.length > 0 && !t.startsWith('Skickar'))("
                           "document.querySelector('.omdome-status').textContent.trim())")


def write(page, text: str, author: str = "Lena Berg"):
    page.fill(".omdome form [name=author]", author)
    page.fill(".omdome form [name=text]", text)
    page.click(".omdome form .omdome-submit")


def test_a_reader_posts_a_comment_and_sees_it(page, host):
    widget = open_widget(page, host.url())
    assert "Inga kommentarer" in widget.locator(".omdome-count").inner_text()
    write(page, "Tack för att ni berättar i god tid! *Bra* jobbat.")
    comment = page.locator(".omdome-comment").first
    comment.wait_for()
    assert "Tack för att ni berättar i god tid!" in comment.inner_text()
    assert comment.locator("em").inner_text() == "Bra"
    assert "1 kommentar" in widget.locator(".omdome-count").inner_text()
    screenshot(page, "reader-posts-a-comment")
    # After a reload the comment comes from the server, not from the page's memory.
    page.reload()
    page.wait_for_selector(".omdome-comment")
    assert page.locator(".omdome-comment").count() == 1
    assert Comment.objects.get().status == Status.PUBLISHED
    assert page.js_errors == []


def test_reading_sets_no_cookie(page, host):
    open_widget(page, host.url())
    cookies = page.context.cookies()
    assert cookies == []


def test_a_staff_reply_shows_the_badge_with_name_and_role_on_the_host_page(page, host, live_server):
    open_widget(page, host.url())
    write(page, "När öppnar Storgatan igen?", author="Per")
    page.locator(".omdome-comment").first.wait_for()
    make_staff(real_name="Karin Ek", role="Kommunikatör", employer="Sundby kommun")
    thread = Thread.objects.get()
    question = Comment.objects.get()
    staff_page = page.context.new_page()
    staff_page.goto(f"{live_server.url}/login/?next=/staff/threads/{thread.pk}/")
    staff_page.fill("#id_username", "karin")
    staff_page.fill("#id_password", "ett-langt-losenord-42")
    staff_page.click("main form button[type=submit]")
    staff_page.wait_for_selector("#id_text")
    staff_page.select_option("#id_parent", str(question.pk))
    staff_page.fill("#id_text", "Hej Per! Storgatan öppnar igen på fredag. /Karin, kommunikatör")
    staff_page.click("main form button[type=submit]")
    staff_page.wait_for_selector(".messages, .think-twice")
    if staff_page.locator(".think-twice").count():  # a finding to read first: publish it anyway
        staff_page.click("main form button[type=submit]")
        staff_page.wait_for_selector(".messages")
    screenshot(staff_page, "staff-reply-form")
    page.reload()
    badge = page.locator(".omdome-staff-badge")
    badge.wait_for()
    text = badge.inner_text()
    assert "Karin Ek" in text and "Kommunikatör" in text and "Sundby kommun" in text
    screenshot(page, "staff-badge-on-host-page")


def test_a_hateful_comment_gets_the_think_twice_prompt_and_is_then_held(page, host):
    open_widget(page, host.url())
    write(page, HATEFUL)
    prompt = page.locator(".omdome-think-twice")
    prompt.wait_for()
    screenshot(page, "think-twice-prompt")
    assert not Comment.objects.exists(), "nothing is stored before the writer decides"
    assert run_axe(page) == []
    page.click(".omdome-think-twice .omdome-send-anyway")
    wait_until_sent(page)
    stored = Comment.objects.get()
    assert stored.status == Status.WITHHELD and stored.category == "hateful"
    page.reload()
    page.wait_for_selector(".omdome .omdome-count")
    assert page.locator(".omdome-comment").count() == 0
    assert "idioter" not in page.locator(".omdome").inner_text()
    screenshot(page, "held-comment-absent")


def test_rephrasing_after_the_prompt_keeps_the_text_for_editing(page, host):
    open_widget(page, host.url())
    write(page, HATEFUL)
    page.locator(".omdome-think-twice").wait_for()
    page.click(".omdome-think-twice .omdome-rephrase")
    assert page.input_value(".omdome form [name=text]") == HATEFUL
    assert page.evaluate("document.activeElement.name") == "text"
    page.fill(".omdome form [name=text]", COMPLAINT)
    page.click(".omdome form .omdome-submit")
    page.locator(".omdome-comment").first.wait_for()
    assert Comment.objects.get().status == Status.PUBLISHED


def test_the_widget_follows_the_host_page_language(page, host):
    host.lang = "en"
    widget = open_widget(page, host.url("/news/roadworks"))
    assert "No comments yet" in widget.locator(".omdome-count").inner_text()


def test_the_widget_passes_axe_with_comments_replies_badge_and_form_errors(page, host, live_server):
    from omdome.web.comments import services

    open_widget(page, host.url())
    write(page, "En fråga: hur går bussarna under vägarbetet?", author="Per")
    page.locator(".omdome-comment").first.wait_for()
    thread, question = Thread.objects.get(), Comment.objects.get()
    services.post_comment(thread=thread, text="Jag undrar samma sak.", author="Ali", parent=question.pk)
    services.post_staff_reply(user=make_staff(), thread=thread, parent=question.pk,
                              text="Hej! Bussarna kör via Kyrkvägen. /Karin, kommunikatör")
    page.reload()
    page.locator(".omdome-staff-badge").wait_for()
    assert run_axe(page) == []
    # An empty submit shows field errors; those must be accessible too.
    page.fill(".omdome form [name=author]", "")
    page.fill(".omdome form [name=text]", "")
    page.click(".omdome form .omdome-submit")
    screenshot(page, "widget-with-replies")
    assert run_axe(page) == []


def test_a_keyboard_user_writes_a_comment_and_shares_it(page, host):
    """Tab to the fields, type, press Enter on the button; then open "Dela" by keyboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_widget(page, host.url())
    page.focus(".omdome form [name=author]")
    page.keyboard.type("Lena Berg")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "email"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "text"
    page.keyboard.type("Tack för den tydliga informationen om omvägarna!")
    page.focus(".omdome form .omdome-submit")
    page.keyboard.press("Enter")
    comment = page.locator(".omdome-comment").first
    comment.wait_for()
    comment_id = comment.get_attribute("data-id")
    share = comment.locator(".omdome-share summary")
    share.focus()
    page.keyboard.press("Enter")
    mail = comment.locator(".omdome-mail")
    assert mail.is_visible()
    assert f"omdome-comment-{comment_id}" in mail.get_attribute("href")
    comment.locator(".omdome-copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{host.url()}#omdome-comment-{comment_id}"
    page.wait_for_function("document.querySelector('.omdome-status').textContent.includes('kopierad')")
    screenshot(page, "share-menu")


def test_after_a_reload_the_writer_edits_the_text_as_written(page, host):
    source = "Tack! Se `Storgatan 5` och\n\n> citatet från förra veckan"
    open_widget(page, host.url())
    write(page, source)
    page.locator(".omdome-comment").first.wait_for()
    page.reload()
    page.locator(".omdome-comment .omdome-edit").first.click()
    page.wait_for_function(f"document.querySelector('.omdome-edit-form textarea').value === {source!r}")
    page.fill(".omdome-edit-form textarea", source + "\n\nTillägg: tack igen!")
    page.click(".omdome-edit-form .omdome-save")
    page.wait_for_function("document.querySelector('.omdome-comment .omdome-body').textContent.includes('Tillägg')")
    stored = Comment.objects.get()
    assert stored.text.startswith(source) and stored.edited is not None
    assert "<code>Storgatan 5</code>" in stored.html


def test_a_comment_with_a_personnummer_asks_the_writer_first_and_is_then_held(page, host):
    open_widget(page, host.url())
    write(page, "Min pappa, personnummer 19811218-9876, har inte fått sin hemtjänst på tre dagar.")
    prompt = page.locator(".omdome-think-twice")
    prompt.wait_for()
    assert "personnummer" in prompt.inner_text()
    screenshot(page, "personal-data-prompt")
    assert not Comment.objects.exists(), "nothing is stored before the writer decides"
    assert run_axe(page) == []
    page.click(".omdome-think-twice .omdome-send-anyway")
    wait_until_sent(page)
    stored = Comment.objects.get()
    assert stored.status in (Status.PENDING, Status.WITHHELD)
    page.reload()
    page.wait_for_selector(".omdome .omdome-count")
    assert "19811218-9876" not in page.locator(".omdome").inner_text()


def test_a_long_thread_comes_a_page_at_a_time_with_show_more(page, host):
    from django.db import transaction

    from omdome.web.comments import services

    with transaction.atomic():
        for n in range(1, 61):
            services.post_comment(thread_url=host.url(), text=f"Kommentar nummer {n} om vägarbetet.",
                                  author=f"Läsare {n}", ip=None)
    widget = open_widget(page, host.url())
    page.wait_for_selector(".omdome-comment")
    assert page.locator(".omdome-list > li").count() == 50
    assert "60 kommentarer" in widget.locator(".omdome-count").inner_text()
    more = widget.locator(".omdome-more")
    assert more.is_visible() and more.inner_text() == "Visa fler kommentarer"
    more.click()
    page.wait_for_function("document.querySelectorAll('.omdome-list > li').length === 60")
    assert not more.is_visible()
    assert "Kommentar nummer 60" in page.locator(".omdome-list > li").last.inner_text()


def test_a_send_whose_answer_was_lost_stores_the_comment_once(page, host):
    lost = []

    def lose_the_first_answer(route):
        if not lost and route.request.method == "POST":
            route.fetch()  # the server stores it ...
            lost.append(route.request.headers.get("idempotency-key"))
            route.abort()  # ... and the answer never arrives
        else:
            route.continue_()

    page.route("**/api/comments", lose_the_first_answer)
    open_widget(page, host.url())
    write(page, "Tack för att ni berättar i god tid om vägarbetet.")
    wait_until_sent(page)
    assert Comment.objects.count() == 1 and lost[0]
    page.click(".omdome form .omdome-submit")  # the writer tries again
    page.locator(".omdome-comment").first.wait_for()
    assert Comment.objects.count() == 1
    assert page.locator(".omdome-comment").count() == 1
