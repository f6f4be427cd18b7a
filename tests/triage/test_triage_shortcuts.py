"""The cheap tests in front of the comment path's patterns decide as the patterns alone would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.detect.test_detect_pii_needs import held_texts

from omdome.text.segment import sentences
from omdome.triage.signals import _OPENING, is_question


def question_by_sentences(text: str) -> bool:
    return "?" in text or any(_OPENING.search(s.text) for s in sentences(text))


def test_a_question_is_found_without_splitting_sentences_exactly_where_splitting_finds_one():
    texts = held_texts()
    assert sum(question_by_sentences(t) and "?" not in t for t in texts) > 100  # questions without a "?"
    assert all(is_question(t) == question_by_sentences(t) for t in texts)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(max_size=60) | st.lists(st.sampled_from(
    ["Kan", "ni", "KAN", "DU", "när", "NÄR", "vad", "hvordan", "Can", "you", "do", "it", ".", "!", "\n\n", " ", "-",
     "ſka", "2", "_", "vi", "Hvornår"]), max_size=12).map(" ".join))
def test_property_is_question_agrees_with_the_sentence_by_sentence_test(text: str):
    assert is_question(text) == question_by_sentences(text)
