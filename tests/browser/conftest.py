"""Browser tests: the real app on a live server, a host page on another port, Debian's Chromium.

Playwright drives /usr/bin/chromium (it cannot download browsers here). Screenshots go
to test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from web.conftest import xss_payloads  # noqa: F401 (a fixture shared with the web tests)

# Playwright's sync API keeps an event loop in the test thread; the ORM calls the tests make
# between browser steps are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # axe-core is injected as an inline script, which the app's Content-Security-Policy refuses;
    # tests/browser/test_csp.py checks that policy in a context of its own.
    context = browser.new_context(locale="sv-SE", bypass_csp=True)
    # Every XSS payload calls window.__xss(n) if it ever runs; collect the numbers.
    context.add_init_script("window.__xssHits = []; window.__xss = function (n) { window.__xssHits.push(n); };")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


class HostSite:
    """Another web site, on its own port, whose pages embed the widget from the live server."""

    def __init__(self, widget_base: str):
        self.widget_base = widget_base
        self.lang = "sv"
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str = "/nyheter/vagarbete") -> str:
        return f"{self.origin}{path}"

    def _handler(self):
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                path = self.path.split("?")[0]
                body = (
                    f'<!doctype html><html lang="{host.lang}"><head><meta charset="utf-8">'
                    f"<title>Sundby kommun – {escape(path)}</title></head><body><main>"
                    f"<h1>Nyhet: vägarbete på Storgatan</h1><p>Storgatan stängs i vecka 12.</p>"
                    f'<p data-omdome-count="{escape(host.url(path))}"></p>'
                    f'<script src="{host.widget_base}/widget.js" data-omdome-thread="{escape(host.url(path))}" '
                    f'defer></script></main></body></html>'
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler

    def close(self):
        self.server.shutdown()


@pytest.fixture
def host(live_server, settings) -> Iterator[HostSite]:
    from omdome.web.core import ratelimit
    from web.factories import make_site

    # The journeys post more often than a reader would; the limits have tests of their own.
    settings.OMDOME_RATE_LIMITS = {"read": (1000, 60), "attempt": (1000, 60), "ip": (1000, 60),
                                   "thread": (1000, 60)}
    ratelimit.counters().clear()
    site = HostSite(live_server.url)
    make_site(name="Sundby kommun", origins=site.origin)
    yield site
    site.close()


def run_axe(page, selector: str = ".omdome") -> list[dict]:
    """WCAG 2.1 A and AA violations inside ``selector``, as axe-core reports them."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (selector) => {
            const result = await axe.run(document.querySelector(selector), {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                 nodes: v.nodes.map(n => n.html).slice(0, 3)}));
        }""",
        selector,
    )
