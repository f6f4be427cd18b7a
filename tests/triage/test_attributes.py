"""Perspective-style attribute scores, read off the shipped model's triage and the lexicons."""

from __future__ import annotations

import pytest

from omdome.triage.attributes import ATTRIBUTES, PERSPECTIVE_ATTRIBUTES, analyse, language_code, sentence_spans
from omdome.triage.classifier import Triager


@pytest.fixture(scope="module")
def triager() -> Triager:
    return Triager(fast=True)


def scores(triager: Triager, text: str) -> dict[str, float]:
    return analyse(triager, text).scores


def test_every_attribute_is_scored_between_0_and_1(triager):
    for text in ("Tack!", "Ni är ena jävla idioter allihop", "Hvorfor er biblioteket stengt?", "🙂"):
        values = scores(triager, text)
        assert set(values) == set(ATTRIBUTES) and all(0.0 <= v <= 1.0 for v in values.values())


def test_a_threat_is_a_threat_and_severe_in_all_four_languages(triager):
    for text in ("Jag vet var du bor, akta dig.", "I know where you live, watch out.",
                 "Jeg vet hvor du bor, pass deg.", "Jeg ved hvor du bor, pas på."):
        values = scores(triager, text)
        assert values["THREAT"] >= 0.9 and values["SEVERE_TOXICITY"] >= 0.9 and values["TOXICITY"] >= 0.8, text


def test_swearing_in_praise_is_profane_but_neither_toxic_nor_an_insult(triager):
    values = scores(triager, "Helvete vad bra det blev med nya lekplatsen, tack!")
    assert values["PROFANITY"] >= 0.9 and values["TOXICITY"] < 0.3 and values["INSULT"] < 0.3


def test_an_insult_and_an_attack_on_a_group(triager):
    insult = scores(triager, "Du är en fullständig idiot som skriver så")
    group = scores(triager, "Invandrare är ohyra som borde utrotas")
    polite = scores(triager, "Tack för att ni plogade vår gata så tidigt i morse!")
    assert insult["INSULT"] >= 0.8 > polite["INSULT"]
    assert group["IDENTITY_ATTACK"] >= 0.9 > insult["IDENTITY_ATTACK"]
    assert max(polite[a] for a in PERSPECTIVE_ATTRIBUTES) < 0.1
    assert polite["OMDOME_PRAISE"] > 0.9 and polite["OMDOME_TRIAGE"] > 0.9


def test_a_link_to_the_organisations_own_site_is_not_spam():
    own = Triager(fast=True, own_domains=("sundby.se",))
    text = "Hur ansöker jag? Läs mer på https://www.sundby.se/bygglov och www.sundby.se/blanketter"
    foreign = "KÖP BILLIGA SOLGLASÖGON på www.sunnyshades.xyz, bara idag!"
    assert analyse(own, foreign).scores["SPAM"] > 0.9
    assert analyse(own, text).scores["SPAM"] <= 0.2


def test_sentence_spans_cover_each_sentence_with_its_own_scores(triager):
    text = "Tack för en fin dag vid badet. Men ni är ena jävla idioter på tekniska kontoret!"
    spans = sentence_spans(triager, text)
    assert [text[b:e] for b, e, _ in spans] == ["Tack för en fin dag vid badet.",
                                                "Men ni är ena jävla idioter på tekniska kontoret!"]
    assert spans[1][2]["TOXICITY"] > spans[0][2]["TOXICITY"]


@pytest.mark.parametrize(("tag", "code"), [("sv", "sv"), ("sv-SE", "sv"), ("no", "nb"), ("nn", "nb"),
                                           ("en_GB", "en"), ("DA", "da"), ("de-AT", "de")])
def test_language_tags_as_clients_write_them(tag, code):
    assert language_code(tag) == code
