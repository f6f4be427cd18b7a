"""Undoing spelling games while keeping a map back to the original offsets."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from omdome.text.normalize import _has_games, normalize

# (original, the word as it reads once normalised, the original substring it came from)
GAMES = [
    ("Du är en 1d10t!", "idiot", "1d10t"),
    ("Vilken 1D10T.", "idiot", "1D10T"),
    ("j ä v l a idiot", "jävla", "j ä v l a"),
    ("Du är en i.d.i.o.t, ärligt talat.", "idiot", "i.d.i.o.t"),
    ("Vilken j-ä-v-l-a soppa.", "jävla", "j-ä-v-l-a"),
    ("Vilken іdiot du är.", "idiot", "іdiot"),  # Cyrillic і
    ("Вilken dag!", "bilken", "Вilken"),  # Cyrillic В
    ("Du är en idiooooot.", "idiot", "idiooooot"),
    ("Nääääämen hej!", "nämen", "Nääääämen"),
    ("Din h0ra.", "hora", "h0ra"),
    ("Vilken $katt.", "skatt", "$katt"),
    ("Vilken idio\u0301t.", "idiot", "idio\u0301t"),  # a separate combining acute accent
    ("Vilken idiót.", "idiot", "idiót"),  # the same accent, precomposed
]


@pytest.mark.parametrize(("original", "word", "expected"), GAMES)
def test_when_word_is_disguised_then_normalised_text_reads_it_and_span_maps_back(
    original: str, word: str, expected: str
) -> None:
    norm = normalize(original)
    assert norm.original == original
    position = norm.text.find(word)
    assert position >= 0, norm.text
    start, end = norm.span(position, position + len(word))
    assert original[start:end] == expected


@pytest.mark.parametrize("text", [
    "Mötet är den 25 november 2026 kl. 08.00 i sal 3.",
    "Ärendet KS 2026/1234 behandlas i december.",
    "2026",
    "Dnr 2025-00417, SFS 2009:400 och v2.10.3.",
    "Välkommen till biblioteket på Storgatan!",
    "Ring 070-123 45 67 i morgon.",
])
def test_when_text_is_ordinary_then_it_is_only_lower_cased(text: str) -> None:
    norm = normalize(text)
    assert norm.text == text.lower()
    assert norm.span(0, len(norm.text)) == (0, len(text))


def test_when_swedish_text_arrives_decomposed_then_it_reads_as_composed_text() -> None:
    """Text pasted from some systems is in NFD: "ä" is "a" plus a combining diaeresis."""
    original = unicodedata.normalize("NFD", "Håll käften, era värdelösa idioter!")
    norm = normalize(original)
    assert norm.text == "håll käften, era värdelösa idioter!"
    position = norm.text.find("värdelösa")
    start, end = norm.span(position, position + len("värdelösa"))
    assert original[start:end] == unicodedata.normalize("NFD", "värdelösa")


def test_when_nothing_needs_undoing_then_offsets_are_none_and_span_is_identity() -> None:
    norm = normalize("Ett helt vanligt brev om KS 2026/1234.")
    assert norm.starts is None
    assert norm.span(4, 9) == (4, 9)


def test_when_text_is_obfuscated_then_offsets_align_with_each_normalised_character() -> None:
    original = "j ä v l a 1d10t"
    norm = normalize(original)
    assert norm.text == "jävla idiot"
    assert norm.starts is not None
    assert len(norm.starts) == len(norm.text)
    assert [original[o] for o in norm.starts] == list("jävla 1d10t")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=60) | st.text(alphabet="aeiodtjävl 01345@$!|.-*_іоеВ\u0301", max_size=40))
def test_property_when_any_text_is_normalised_then_offsets_are_valid_and_increasing(
    text: str,
) -> None:
    norm = normalize(text)
    if norm.starts is None:
        assert len(norm.text) == len(text)
        return
    assert len(norm.starts) == len(norm.text)
    assert all(0 <= o < len(text) for o in norm.starts)
    assert all(a < b for a, b in zip(norm.starts, norm.starts[1:], strict=False))
    for start in range(len(norm.text)):
        lo, hi = norm.span(start, len(norm.text))
        assert 0 <= lo < hi <= len(text)


# The single pattern the quick test for spelling games replaced: it must find the same texts.
_GAMES_AS_ONE_PATTERN = re.compile(r"[^\W\d_][0134578]|[0134578@$€!|][^\W\d_]"
                                   r"|(?<![^\W_])[^\W\d_][ .*_-][^\W\d_][ .*_-][^\W\d_](?![^\W_])|([^\W\d_])\1\1")


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(max_size=60) | st.text(alphabet="aeiodtjä 01345@$!|.-*_€", max_size=40))
def test_property_the_quick_test_for_spelling_games_finds_what_one_pattern_finds(text: str) -> None:
    assert _has_games(text) == bool(_GAMES_AS_ONE_PATTERN.search(text))


def test_the_quick_test_for_spelling_games_agrees_on_every_text_the_project_holds() -> None:
    from tests.detect.test_detect_pii_needs import held_texts

    texts = held_texts()
    assert sum(_has_games(t) for t in texts) > 500
    assert all(_has_games(t) == bool(_GAMES_AS_ONE_PATTERN.search(t)) for t in texts)
