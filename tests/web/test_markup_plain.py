"""A plain line of text skips the Markdown renderer and the sanitiser, and comes out as they would give it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.detect.test_detect_pii_needs import held_texts

from omdome.web.comments.markup import _PLAIN_LINE, _rendered, render_comment


def test_every_line_the_project_holds_renders_the_same_either_way():
    lines = [line for text in held_texts() for line in text.splitlines() if line.strip()]
    plain = [line for line in lines if _PLAIN_LINE.fullmatch(line.strip())]
    assert len(plain) > 5_000  # most lines take the short way: the comparison compares something
    for line in lines:
        assert render_comment(line) == _rendered(line), line


# Odd white space and control characters beside everything the Markdown subset reads.
ODD_AND_MARKDOWN = " \t\r\x00\x0b\x0c\x1f\u2028\u00a0\u200b-+*>1.)(:!#_[]`\\&<\"'aåZ9\n"


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.text(max_size=40) | st.text(alphabet=ODD_AND_MARKDOWN, max_size=20))
def test_property_any_text_renders_the_same_either_way(text: str):
    assert render_comment(text) == _rendered(text)


def test_a_plain_line_is_a_paragraph_and_markdown_is_still_rendered():
    assert render_comment("  Tack för svaret, det hjälpte! ") == "<p>Tack för svaret, det hjälpte!</p>"
    assert render_comment("Det är *viktigt*") == "<p>Det är <em>viktigt</em></p>"
    assert render_comment("1. först") == "<ol>\n<li>först</li>\n</ol>"
