"""An organisation's confidential terms: inflections, wildcards, whole words only."""

from __future__ import annotations

import pytest

from omdome.detect.terms import compile_terms, find_terms
from omdome.text.normalize import normalize


def matches(terms: list[str], text: str) -> list[str]:
    spans = find_terms(terms, normalize(text), "confidential", "Listed as confidential.")
    assert all(s.kind == "confidential" and s.text == text[s.start:s.end] for s in spans)
    return [s.text for s in spans]


@pytest.mark.parametrize(("text", "expected"), [
    ("Projekt Falk startar i januari.", ["Projekt Falk"]),
    ("Projekt Falks budget är inte spikad.", ["Projekt Falks"]),
    ("Om projekt falken vet vi ännu inget.", ["projekt falken"]),
    ("PROJEKT FALK är hemligt.", ["PROJEKT FALK"]),
    ("Projekt-Falk och Projekt  Falk skrivs olika.", ["Projekt-Falk", "Projekt  Falk"]),
    ("Har du hört om Pr0jekt F4lk?", ["Pr0jekt F4lk"]),
    ("Projekt Falk:s tidplan är klar.", ["Projekt Falk:s"]),
])
def test_when_term_is_inflected_or_disguised_then_it_is_found(text: str,
                                                              expected: list[str]) -> None:
    assert matches(["Projekt Falk"], text) == expected


@pytest.mark.parametrize("text", [
    "Vi åkte till Falkenberg i somras.",
    "Projektet Falkenberg är offentligt.",
    "Projekt Falkö ligger i skärgården.",
    "Fotoprojekt Falk är ett annat projekt.",
])
def test_when_term_is_only_part_of_another_word_then_it_is_not_found(text: str) -> None:
    assert matches(["Projekt Falk"], text) == []


def test_when_single_word_term_is_checked_then_falkenberg_is_not_falk() -> None:
    assert matches(["Falk"], "Vi åkte till Falkenberg.") == []
    assert matches(["Falk"], "Falkens vingar är breda.") == ["Falkens"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Orionavtalet skrivs under i maj.", ["Orionavtalet"]),
    ("Orions nya plattform lanseras snart.", ["Orions"]),
    ("Vi kallar det Orion internt.", ["Orion"]),
])
def test_when_term_has_trailing_wildcard_then_any_word_ending_matches(
    text: str, expected: list[str]
) -> None:
    assert matches(["Orion*"], text) == expected


def test_when_wildcard_term_is_used_then_words_merely_containing_it_do_not_match() -> None:
    assert matches(["Orion*"], "Stjärnbilden Skorion finns inte.") == []


def test_when_terms_are_empty_or_only_wildcards_then_nothing_is_compiled() -> None:
    assert compile_terms(()) is None
    assert compile_terms(("", "  ", "*")) is None
    assert matches([], "Projekt Falk") == []
