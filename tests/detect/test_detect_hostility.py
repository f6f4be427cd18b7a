"""Insults (also when disguised), threats, and disparaging remarks aimed at colleagues."""

from __future__ import annotations

import unicodedata

import pytest

from omdome.detect.hostility import find_disparaging, find_insults, find_threats
from omdome.text.normalize import normalize
from omdome.text.segment import sentences


def insults(text: str, language: str | None = "sv") -> list[str]:
    return [text[s.start:s.end] for s in find_insults(normalize(text), language)]


INSULTS = [
    ("Vilken 1d10t du är.", "sv", ["1d10t"]),
    ("Ni är j ä v l a idioter allihop.", "sv", ["j ä v l a idioter"]),
    ("Du är en i d i o t.", "sv", ["i d i o t"]),
    ("Vilken іdiot du är.", "sv", ["іdiot"]),  # Cyrillic і
    ("Vilken idiooooot!", "sv", ["idiooooot"]),
    ("Du är en d u m s k a l l e.", "sv", ["d u m s k a l l e"]),
    ("Din j ä v l a idiot!", "sv", ["idiot"]),
    ("Du är en h0ra.", "sv", ["h0ra"]),
    ("You are such an 1d10t.", "en", ["1d10t"]),
    ("What a bunch of clowns.", "en", ["bunch of clowns"]),
    ("Du er en t0sk.", "nb", ["t0sk"]),
    ("Sikke en flok id1oter.", "da", ["id1oter"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), INSULTS)
def test_when_insult_is_disguised_then_it_is_still_found(text: str, language: str,
                                                         expected: list[str]) -> None:
    spans = find_insults(normalize(text), language)
    assert [text[s.start:s.end] for s in spans] == expected
    assert all(s.kind == "insult" for s in spans)


@pytest.mark.parametrize(("text", "language"), [
    ("Det var grymt bra gjort av er!", "sv"),
    ("Sjukt snabbt svar, tack så mycket!", "sv"),
    ("Svinbra kaffe i nya fikarummet.", "sv"),
    ("Jävligt bra service i kassan i dag.", "sv"),
    ("Skitbra jobbat med lanseringen!", "sv"),
    ("Vansinnigt roligt kalas, tack!", "sv"),
    ("That release was insanely fast.", "en"),
    ("Dere gjorde en dritbra jobb.", "nb"),
    ("Det var pissegodt kaffe.", "da"),
    ("Tack för ett trevligt möte i går.", "sv"),
])
def test_when_text_uses_benign_intensifiers_then_no_insult_is_found(text: str,
                                                                    language: str) -> None:
    assert insults(text, language) == []


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Jag vet var du bor.", "sv", "Jag vet var du bor"),
    ("Akta dig. Vi vet var du bor.", "sv", "Vi vet var du bor"),
    ("I know where you live.", "en", "I know where you live"),
    ("Watch your back, mate.", "en", "Watch your back"),
    ("Jeg vet hvor du bor.", "nb", "Jeg vet hvor du bor"),
    ("Jeg ved hvor du bor.", "da", "Jeg ved hvor du bor"),
    ("Jag  vet\nvar du bor", None, "Jag  vet\nvar du bor"),
    ("j a g vet var du bor", "sv", "j a g vet var du bor"),
])
def test_when_text_threatens_then_the_threat_is_found(text: str, language: str | None,
                                                      expected: str) -> None:
    spans = find_threats(normalize(text), language)
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [("threat", expected)]


@pytest.mark.parametrize(("text", "language"), [
    ("Jag vet var affären ligger.", "sv"),
    ("Vi vet var ni kan parkera.", "sv"),
    ("I know where you can find the form.", "en"),
])
def test_when_text_only_resembles_a_threat_then_nothing_is_found(text: str,
                                                                 language: str) -> None:
    assert find_threats(normalize(text), language) == []


DISPARAGING = [
    ("Mina kollegor är inkompetenta idioter.", "sv", ["inkompetenta", "idioter"]),
    ("Min chef är en idiot. Filmen var bra.", "sv", ["idiot"]),
    ("Ledningen är ett gäng amatörer.", "sv", ["amatörer"]),
    ("My manager is an idiot.", "en", ["idiot"]),
    ("The board are a bunch of clowns.", "en", ["bunch of clowns"]),
    ("Sjefen min er en tosk.", "nb", ["tosk"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), DISPARAGING)
def test_when_insult_shares_a_sentence_with_a_colleague_then_it_is_disparaging(
    text: str, language: str, expected: list[str]
) -> None:
    spans = find_disparaging(normalize(text), language, sentences(text))
    assert [text[s.start:s.end] for s in spans] == expected
    assert all(s.kind == "disparaging" for s in spans)


@pytest.mark.parametrize(("text", "language"), [
    ("Den filmen var helt värdelös.", "sv"),
    ("Filmen var värdelös. Min chef är snäll.", "sv"),
    ("Mina kollegor är fantastiska.", "sv"),
    ("The movie was useless.", "en"),
])
def test_when_insult_has_no_target_in_its_sentence_then_it_is_not_disparaging(
    text: str, language: str
) -> None:
    assert find_disparaging(normalize(text), language, sentences(text)) == []


def test_when_organisation_is_named_as_target_then_insult_about_it_is_disparaging() -> None:
    text = "Falkbolaget är ett skitföretag."
    spans = find_disparaging(normalize(text), "sv", sentences(text),
                             organisation_terms=["Falkbolaget"])
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [("disparaging", "skitföretag")]
    assert "Falkbolaget" in spans[0].explanation
    assert find_disparaging(normalize(text), "sv", sentences(text)) == []


def test_when_text_arrives_decomposed_then_insults_with_swedish_letters_are_found() -> None:
    """Text pasted from some systems is in NFD: "ö" is "o" plus a combining diaeresis."""
    text = unicodedata.normalize("NFD", "Mina kollegor är värdelösa idioter.")
    expected = [unicodedata.normalize("NFD", "värdelösa"), "idioter"]
    assert insults(text) == expected
