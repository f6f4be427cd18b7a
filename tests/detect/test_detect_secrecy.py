"""Information typically under secrecy, and replies about the addressee's own matter."""

from __future__ import annotations

import pytest

from omdome.detect.personal_data import find_personal_data
from omdome.detect.secrecy import find_own_matter, find_secret_personal_matters
from omdome.text.normalize import normalize
from omdome.text.segment import sentences


def secret(text: str, language: str | None, *, with_personal_data: bool = False) -> list[str]:
    personal = find_personal_data(text) if with_personal_data else ()
    spans = find_secret_personal_matters(normalize(text), language, sentences(text), personal)
    assert all(s.kind == "secrecy" and s.explanation for s in spans)
    return [text[s.start:s.end] for s in spans]


SECRET = [
    # Addressed to the person ("ditt", "your").
    ("Ditt försörjningsstöd är beviljat från och med maj.", "sv", ["försörjningsstöd"]),
    ("Er ansökan om bostadsanpassningsbidrag är klar och ert bostadstillägg höjs.", "sv",
     ["bostadsanpassningsbidrag", "bostadstillägg"]),
    ("Your housing benefit has been approved.", "en", ["housing benefit"]),
    # Someone else's relative named in the same sentence.
    ("Hennes son Erik har diagnosen autism.", "sv", ["diagnosen", "autism"]),
    ("Mamma ringde. Hans mamma har fått hemtjänst sedan i våras.", "sv", ["hemtjänst"]),
    ("Her daughter was diagnosed with autism last year.", "en", ["diagnosed", "autism"]),
    ("Sønnen hennes er innlagt på sykehus.", "nb", ["innlagt på sykehus"]),
    ("Hendes datter har fået diagnosen ADHD.", "da", ["diagnosen", "ADHD"]),
    # A full name in the same sentence.
    ("Anna Lindqvist har fått hemtjänst.", "sv", ["hemtjänst"]),
    ("Vi har pratat med Karin Ek om hennes sjukskrivning.", "sv", ["sjukskrivning"]),
    # A street and number picks out who lives there, in the same sentence or the one before.
    ("Hälsade på Ingrid på Rönnvägen 4 i dag. Hon väntar på en höftoperation.", "sv", ["höftoperation"]),
    ("The lady at 7 Birch Lane finally got her home help back.", "en", ["home help"]),
    # A reply greeting one person by name: "du" and "din" there mean them.
    ("Hej Maja! Ditt beslut kom i dag, och från och med första maj gäller även färdtjänst till sjukgymnasten.",
     "sv", ["färdtjänst"]),
    # "din ansökan om …": the addressee's own matter, not a subject spoken about.
    ("Er ansökan om försörjningsstöd har kommit in.", "sv", ["försörjningsstöd"]),
    # Picked out by home, household or age.
    ("Familjen i huset bredvid bageriet har fått kontakt med socialtjänsten.", "sv", ["socialtjänsten"]),
    ("Gubben på Kullen har fått hemtjänst sedan i våras.", "sv", ["hemtjänst"]),
    ("An old man at the bakery corner needs dialysis three times a week.", "en", ["dialysis"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), SECRET)
def test_when_sensitive_matter_is_tied_to_a_person_then_it_is_flagged(
    text: str, language: str, expected: list[str]
) -> None:
    assert secret(text, language) == expected


def test_when_the_street_is_the_organisations_own_then_it_picks_out_no_one() -> None:
    text = "Kom till oss på Torggatan 3, där vi berättar om hemtjänst."
    spans = find_secret_personal_matters(normalize(text), "sv", sentences(text), (), (),
                                         ("Torggatan 3, 123 45 Sundby",))
    assert spans == []


def test_when_draft_also_carries_a_phone_number_then_sensitive_word_is_flagged() -> None:
    text = "Hon har fått sjukpenning. Ring henne på 070-123 45 67."
    assert secret(text, "sv", with_personal_data=True) == ["sjukpenning"]
    assert secret(text, "sv") == []


OWN_FAMILY = [
    # The author's own family, volunteered: theirs to share, not something learnt at work.
    ("Min son Erik har diagnosen autism.", "sv"),
    ("Mamma ringde. Min mamma har fått hemtjänst sedan i våras.", "sv"),
    ("My daughter was diagnosed with autism last year.", "en"),
    ("Sønnen min er innlagt på sykehus.", "nb"),
    ("Min datter har fået diagnosen ADHD.", "da"),
]


@pytest.mark.parametrize(("text", "language"), OWN_FAMILY)
def test_when_the_author_writes_about_their_own_family_then_it_is_not_secrecy(text, language) -> None:
    assert secret(text, language) == []


GENERAL = [
    ("Försörjningsstöd söker du på kommunens webbplats.", "sv"),
    ("Hemtjänst kan du få om du behöver hjälp i vardagen.", "sv"),
    ("Sjukpenning betalas ut av Försäkringskassan.", "sv"),
    ("Diabetes är en vanlig sjukdom som går att behandla.", "sv"),
    ("Läs mer om psykisk ohälsa och var du kan få stöd.", "sv"),
    ("Housing benefit is paid monthly.", "en"),
    ("Hemtjänst söker du hos Region Gotland.", "sv"),  # a region's name is not a person's
    # A street and number that is a place to visit, or the organisation's own address.
    ("Vårdcentralen på Storgatan 12 har öppen mottagning för diabetes på tisdagar.", "sv"),
    ("Hi Tom, thanks for asking. Home help is something anyone can apply for.", "en"),
]


@pytest.mark.parametrize(("text", "language"), GENERAL)
def test_when_text_gives_general_information_then_nothing_is_flagged(text: str,
                                                                     language: str) -> None:
    assert secret(text, language) == []


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Tack för din ansökan om bygglov.", "sv", "din ansökan"),
    ("Vi har tagit emot ditt överklagande och återkommer.", "sv", "Vi har tagit emot ditt"),
    ("Ange ditt ärendenummer när du ringer.", "sv", "ditt ärendenummer"),
    ("Thank you for your application.", "en", "your application"),
    ("Vi har mottatt din søknad.", "nb", "Vi har mottatt din"),
    ("Din ansøgning er modtaget.", "da", "Din ansøgning"),
    # A reply greeting one person that says their matter was looked into.
    ("Hej Sven! Vi har gått igenom underlaget till föreningens bidrag och det saknas en budget.", "sv",
     "Vi har gått igenom"),
    ("Hi Alice, we've checked the decision on the school bus and it stands.", "en", "we've checked"),
])
def test_when_reply_deals_with_the_addressees_own_matter_then_it_is_found(
    text: str, language: str, expected: str
) -> None:
    spans = find_own_matter(normalize(text), language)
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [("own_matter", expected)]


@pytest.mark.parametrize(("text", "language"), [
    ("Ansök om bygglov på kommunens webbplats.", "sv"),
    ("Applications open in March.", "en"),
    # Speaking of one's own job, or of processing in general.
    ("Jeg er saksbehandler i kommunen og elsker jobben.", "nb"),
    ("Processing times are longer than usual this month.", "en"),
    # A referral: write to us if you want your application looked at.
    ("Vill du att vi tittar på din ansökan, mejla oss på kommunens adress.", "sv"),
])
def test_when_reply_is_general_then_no_own_matter_is_found(text: str, language: str) -> None:
    assert find_own_matter(normalize(text), language) == []
