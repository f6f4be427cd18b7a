"""The dashboard in a real browser, in Swedish and English: charts with their tables, no axe violations."""

from __future__ import annotations

import pytest

from browser.test_organisation import log_in, no_violations, page_en  # noqa: F401 (a fixture)
from omdome.web.inbox import services as inbox
from web.factories import make_comment, make_staff, make_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def some_messages() -> None:
    thread = make_thread()
    user = make_staff("karin")
    praise = make_comment(thread, "Tack för att ni lagade gatlyktan så snabbt!").comment
    make_comment(thread, "Hur ansöker jag om plats i förskolan till hösten?")
    make_comment(thread, "Soporna har inte hämtats på tre veckor. Det är inte okej.", email="lena@example.se")
    inbox.mark_done(user=user, message=praise)


def test_the_dashboard_in_swedish(page, live_server):
    some_messages()
    log_in(page, live_server.url, "karin", "/dashboard/")
    assert page.locator("svg.chart").count() == 1  # only the weeks have anything to draw
    page.locator("details summary").first.click()
    assert "Veckan från" in page.inner_text("main")
    no_violations(page, "dashboard-sv")


def test_the_dashboard_in_english(page_en, live_server):  # noqa: F811 (the fixture)
    some_messages()
    log_in(page_en, live_server.url, "karin", "/dashboard/?weeks=4")
    assert "Messages per category and week" in page_en.inner_text("main")
    no_violations(page_en, "dashboard-en")
