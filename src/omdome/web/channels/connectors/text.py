"""Platform HTML as the plain text a reader sees: paragraphs and line breaks kept, tags dropped."""

from __future__ import annotations

import html
import re

import nh3

_BREAK = re.compile(r"(?i)<br\s*/?>")
_PARAGRAPH = re.compile(r"(?i)</p>\s*<p[^>]*>")


def plain(markup: str) -> str:
    text = _PARAGRAPH.sub("\n\n", _BREAK.sub("\n", markup))
    return html.unescape(nh3.clean(text, tags=set())).strip()
