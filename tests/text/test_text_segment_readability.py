"""Sentence splitting with abbreviations, word lists and the LIX readability index."""

from __future__ import annotations

import pytest

from omdome.text.readability import lix
from omdome.text.segment import sentences, words

SPLITS = [
    ("Vi ses t.ex. på mötet. Kom i tid!", ["Vi ses t.ex. på mötet.", "Kom i tid!"]),
    ("Mötet börjar kl. 9 i stora salen. Välkommen!",
     ["Mötet börjar kl. 9 i stora salen.", "Välkommen!"]),
    ("Det gäller bl.a. skolor och förskolor. Läs mer här.",
     ["Det gäller bl.a. skolor och förskolor.", "Läs mer här."]),
    ("Ring oss t.ex. kl. 9 eller kl. 15. Vi svarar gärna.",
     ["Ring oss t.ex. kl. 9 eller kl. 15.", "Vi svarar gärna."]),
    ("Vi stänger p.g.a. sjukdom. Öppet igen ca. kl. 13.",
     ["Vi stänger p.g.a. sjukdom.", "Öppet igen ca. kl. 13."]),
    ("Vi har flyttat, d.v.s. till nya lokaler. Hälsa på!",
     ["Vi har flyttat, d.v.s. till nya lokaler.", "Hälsa på!"]),
    ("Ärende nr. 5 avgörs i dag. Sedan lunch.", ["Ärende nr. 5 avgörs i dag.", "Sedan lunch."]),
    ("Bring e.g. a laptop. Dr. Smith will attend.",
     ["Bring e.g. a laptop.", "Dr. Smith will attend."]),
    ("Hur mår du? Bra, tack! Och du…  Jo då.", ["Hur mår du?", "Bra, tack!", "Och du…", "Jo då."]),
    ("Det kostar 12.50 kr. Betala i kassan.", ["Det kostar 12.50 kr.", "Betala i kassan."]),
    ("Han sa ”kom nu.” Sedan gick han.", ["Han sa ”kom nu.”", "Sedan gick han."]),
    ("Hej!\n\nVi har nyheter\n- punkt ett\n- punkt två",
     ["Hej!", "Vi har nyheter", "- punkt ett", "- punkt två"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_when_text_has_abbreviations_then_sentences_split_only_at_real_ends(
    text: str, expected: list[str]
) -> None:
    found = sentences(text)
    assert [s.text for s in found] == expected
    for sentence in found:
        assert text[sentence.start:sentence.end] == sentence.text


@pytest.mark.parametrize("text", ["", "   ", "2026-11-25", "... !!!"])
def test_when_text_has_no_words_then_there_are_no_sentences(text: str) -> None:
    assert sentences(text) == []


def test_when_words_are_listed_then_numbers_and_punctuation_are_left_out() -> None:
    text = "Hon skrev: e-post, inte mejl, i ärende KS 2026/1234 den 25 november."
    assert words(text) == ["Hon", "skrev", "e-post", "inte", "mejl", "i", "ärende", "KS", "den",
                           "november"]


def test_when_lix_is_computed_then_it_matches_the_hand_computed_value() -> None:
    text = "Katten sover. Hunden springer omkring i trädgården."
    # Words: Katten(6) sover(5) Hunden(6) springer(8) omkring(7) i(1) trädgården(10) = 7
    # Long words (more than six letters): springer, omkring, trädgården = 3
    # Sentences: 2
    # LIX = 7 / 2 + 100 × 3 / 7 = 3.5 + 42.857… = 46.357… → 46.4
    result = lix(text)
    assert (result.words, result.sentences, result.long_words) == (7, 2, 3)
    assert result.lix == pytest.approx(46.4)
    assert result.words_per_sentence == pytest.approx(3.5)


def test_when_lix_is_computed_for_an_official_sentence_then_it_is_high() -> None:
    text = ("Förvaltningen föreslår kommunstyrelsen besluta att ärendet återremitteras "
            "för kompletterande utredning.")
    # Words (letters): Förvaltningen(13) föreslår(8) kommunstyrelsen(15) besluta(7) att(3)
    # ärendet(7) återremitteras(14) för(3) kompletterande(14) utredning(9) = 10 words,
    # of which 8 have more than six letters. Sentences: 1.
    # LIX = 10 / 1 + 100 × 8 / 10 = 10 + 80 = 90.0
    result = lix(text)
    assert (result.words, result.sentences, result.long_words) == (10, 1, 8)
    assert result.lix == pytest.approx(90.0)


def test_when_text_is_empty_then_lix_is_zero() -> None:
    result = lix("")
    assert (result.words, result.long_words, result.lix) == (0, 0, 0.0)
    assert result.words_per_sentence == 0.0
