"""Pure helpers of the comments app: thread keys and the sanitiser."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from omdome.web.comments.markup import render_comment
from omdome.web.comments.threadkey import BadThreadURL, normalize_thread_url


@pytest.mark.parametrize(("url", "key"), [
    ("HTTPS://Www.Sundby.se:443/nyheter/?utm_source=fb&fbclid=1#kommentarer", "https://www.sundby.se/nyheter/"),
    ("http://localhost:8001", "http://localhost:8001/"),
    ("https://sundby.se/sok?q=parkering&utm_medium=x", "https://sundby.se/sok?q=parkering"),
    ("https://sundby.se/å%C3%A4", "https://sundby.se/å%C3%A4"),
    ("https://sundby.se/sok?b=2&a=1", "https://sundby.se/sok?a=1&b=2"),
    ("http://[::1]:8000/x", "http://[::1]:8000/x"),
])
def test_thread_keys(url, key):
    assert normalize_thread_url(url) == key


@pytest.mark.parametrize("url", ["", "javascript:alert(1)", "ftp://sundby.se/", "/relativ/sida", "https://",
                                 "http://[::1", "https://sundby.se/" + "a" * 1000])
def test_bad_thread_urls(url):
    with pytest.raises(BadThreadURL):
        normalize_thread_url(url)


@pytest.mark.parametrize(("text", "html"), [
    ("*kursiv* och **fet**", "<p><em>kursiv</em> och <strong>fet</strong></p>"),
    ("[Sundby](https://sundby.se)", '<p><a href="https://sundby.se" rel="nofollow ugc noopener">Sundby</a></p>'),
    ("<b>html</b>", "<p>&lt;b&gt;html&lt;/b&gt;</p>"),
    ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
    ("rad ett\nrad två", "<p>rad ett<br>\nrad två</p>"),
    ("[här](/min-sida) och [där](//evil.example)", '<p><a rel="nofollow ugc noopener">här</a> och '
                                                   '<a rel="nofollow ugc noopener">där</a></p>'),
])
def test_the_markdown_subset_is_rendered_and_sanitised(text, html):
    assert render_comment(text) == html


class _Markup(HTMLParser):
    """Collects every tag and attribute as a browser's parser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


ALLOWED = {"p", "br", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote"}


def test_no_payload_of_the_xss_corpus_survives_as_markup(xss_payloads):
    for number, payload in xss_payloads:
        parser = _Markup()
        parser.feed(render_comment(payload))
        for tag, attrs in parser.tags:
            assert tag in ALLOWED, (number, tag)
            for name, value in attrs:
                assert (tag, name) in {("a", "href"), ("a", "rel")}, (number, tag, name)
                if name == "href":
                    scheme = urlsplit((value or "").strip()).scheme.lower()
                    assert scheme in ("", "http", "https", "mailto"), (number, value)
