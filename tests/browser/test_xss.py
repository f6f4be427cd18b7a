"""Hostile payloads posted as comment text and author name never run: not in the widget on the host
page, not on the staff page, not in the admin. Each payload calls window.__xss(n) if it runs."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from browser.conftest import screenshot
from omdome.web.comments import services
from omdome.web.comments.models import Comment, Status, Thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def post(base: str, origin: str, body: dict) -> int:
    request = urllib.request.Request(f"{base}/api/comments", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Origin": origin})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_no_payload_runs_in_the_widget_the_staff_page_or_the_admin(page, host, live_server, xss_payloads,
                                                                   admin_user):
    thread_url = host.url("/nyheter/xss")
    statuses = {}
    for number, payload in xss_payloads:
        statuses[number, "text"] = post(live_server.url, host.origin,
                                        {"thread": thread_url, "author": f"Läsare {number}", "text": payload,
                                         "confirmed": True})
        statuses[number, "author"] = post(live_server.url, host.origin,
                                          {"thread": thread_url, "author": payload, "confirmed": True,
                                           "text": f"Kommentar {number} med ett elakt namn."})
    # Refused input (control characters, names over 80 characters) cannot run; everything else is stored.
    assert set(statuses.values()) <= {201, 400}
    stored = Comment.objects.count()
    assert stored == sum(1 for s in statuses.values() if s == 201) and stored > len(xss_payloads)
    # Show everything, withheld or not, so that every stored payload reaches the page.
    for comment in Comment.objects.exclude(status=Status.PUBLISHED):
        services.moderate(comment=comment, actor=None, to_status=Status.PUBLISHED, reason="xss test")

    page.goto(thread_url)
    page.wait_for_selector(".omdome-comment")
    more = page.locator(".omdome-more")  # the thread comes 50 conversations at a time
    while more.is_visible():
        shown = page.locator(".omdome-comment").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.omdome-comment').length > {shown}")
    page.wait_for_function(f"document.querySelectorAll('.omdome-comment').length === {stored}", timeout=60_000)
    page.wait_for_timeout(500)  # let any onload/onerror/animation handlers fire
    screenshot(page, "xss-widget")
    assert page.evaluate("window.__xssHits") == []
    assert page.locator(".omdome script, .omdome iframe, .omdome svg, .omdome img, .omdome object").count() == 0

    page.goto(f"{live_server.url}/admin/login/?next=/admin/comments/comment/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_selector("#result_list")
    pages = -(-stored // 100)
    for number in range(1, pages + 1):
        page.goto(f"{live_server.url}/admin/comments/comment/?p={number}")
        page.wait_for_selector("#result_list")
        assert page.evaluate("window.__xssHits") == [], f"admin list page {number}"
    for pk in Comment.objects.values_list("pk", flat=True):
        page.goto(f"{live_server.url}/admin/comments/comment/{pk}/change/", wait_until="load")
        assert page.evaluate("window.__xssHits") == [], f"admin change page of comment {pk}"
    screenshot(page, "xss-admin-change-page")
    page.goto(f"{live_server.url}/staff/threads/{Thread.objects.get().pk}/", wait_until="load")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xssHits") == []
    # The detector itself works: a payload that does run is seen.
    page.set_content('<img src="data:," onerror="window.__xss(0)">')
    page.wait_for_function("window.__xssHits.length > 0")
    assert page.evaluate("window.__xssHits") == [0]
