"""The administrator's pages for other systems and channels, in a real browser."""

from __future__ import annotations

import pytest

from browser.test_organisation import log_in, no_violations
from web.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_channel_form_shows_the_chosen_platforms_fields_and_the_pages_are_accessible(page, live_server):
    base = live_server.url
    make_user("ulla", "admin", real_name="Ulla Berg")
    log_in(page, base, "ulla")
    page.goto(f"{base}/channels/")
    visible = page.locator("fieldset[data-platform]:visible")
    assert visible.count() == 1 and visible.get_attribute("data-platform") == "facebook"
    page.select_option("select[name=platform]", "mastodon")
    assert page.locator("fieldset[data-platform]:visible").get_attribute("data-platform") == "mastodon"
    page.fill("input[name=name]", "Sundby på Mastodon")
    page.fill("input[name=mastodon__instance]", "http://mastodon.example")  # refused: not https
    page.fill("input[name=mastodon__access_token]", "token")
    page.click("#add-channel button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "https://" in page.locator("fieldset[data-platform=mastodon]").inner_text()
    assert page.locator("fieldset[data-platform]:visible").get_attribute("data-platform") == "mastodon"
    no_violations(page, "channels")
    for path, name in (("/analysis-keys/", "analysis-keys"), ("/comment-systems/", "comment-systems")):
        page.goto(f"{base}{path}")
        no_violations(page, name)
    assert page.js_errors == []
