"""Comment text to safe HTML: a small Markdown subset, then an allow-list sanitiser.

Rendered once when a comment is written and stored, never on each read. Raw HTML in the
text is shown as text, and nh3 removes anything the renderer lets through that is not
on the allow-list.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

TAGS = {"p", "br", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote"}
ATTRIBUTES: dict[str, set[str]] = {"a": {"href"}, "*": set()}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    rules = ["emphasis", "link", "autolink", "backticks", "newline", "list", "blockquote", "escape", "entity"]
    return MarkdownIt("zero", {"html": False, "breaks": True, "linkify": False}).enable(rules)


# One line of text holding nothing the Markdown subset or HTML reads: no emphasis, link, code,
# escape or entity character, no list or quote marker at its start. Most comments are such a line,
# and the renderer and the sanitiser would give back the line itself in a paragraph (every posted
# comment passes here; tests/web/test_markup.py compares both ways).
_PLAIN_LINE = re.compile(r"(?![ \t]*(?:[-+*>]|\d{1,9}[.)])(?:[ \t]|$))[^\n\r\0*_\[\]<>`\\&\u00a0\u2028\u2029]*")


def render_comment(text: str) -> str:
    """Safe HTML for ``text``: emphasis, links, code, lists and quotes; everything else as text."""
    plain = text.strip(" \t\n")
    if plain and plain.isprintable() and _PLAIN_LINE.fullmatch(plain):
        return f"<p>{plain}</p>"
    return _rendered(text)


def _rendered(text: str) -> str:
    html = _markdown().render(text)
    # Relative links would resolve against the host page and pass for the site's own.
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=LINK_REL,
                     url_relative="deny", strip_comments=True).strip()
