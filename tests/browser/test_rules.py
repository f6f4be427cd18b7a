"""Automation rules in a real browser: an administrator composes, previews and switches on a rule."""

from __future__ import annotations

import pytest

from browser.test_organisation import log_in, no_violations
from omdome.web.rules.models import Rule
from web.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_composes_previews_and_switches_on_a_rule(page, live_server):
    base = live_server.url
    make_user("ulla", "admin", real_name="Ulla Berg")
    log_in(page, base, "ulla", "/rules/")
    assert "Inga regler än." in page.inner_text("main")
    page.click("text=Ny regel")
    page.fill("#id_name", "Giftigt i kommentarsfältet")
    page.fill("#id_toxicity_at_least", "0.8")
    page.check("input[name=source][value=widget]")
    page.check("input[name=actions][value=hold]")
    page.check("input[name=actions][value=notify]")
    no_violations(page, "rule-form-sv")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=Sparat. Förhandsgranska regeln")
    assert "toxicitet ≥ 0.80" in page.inner_text(".facts")
    page.click("text=Slå på")
    page.wait_for_selector("text=Förhandsgranska regeln innan du slår på den")
    page.click("text=Förhandsgranska på de senaste 30 dagarna")
    page.wait_for_selector("#preview-heading")
    assert "skulle regeln ha gällt 0 av 0 inkomna meddelanden" in page.inner_text("main")
    no_violations(page, "rule-preview-sv")
    page.click("text=Slå på")
    page.wait_for_selector("text=Regeln är på")
    assert Rule.objects.get().enabled
    page.goto(f"{base}/rules/")
    no_violations(page, "rules-list-sv")
