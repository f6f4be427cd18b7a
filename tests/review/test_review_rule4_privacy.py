"""Rule 4: personal data, confidential matters and respect for colleagues."""

from __future__ import annotations

import pytest

from conftest import codes, hits, make_policy, make_profile
from omdome.review import review_draft

EXTRA_CONTACT = ""
BASE = make_policy(org="Exempel AB")
POLICY = BASE.model_copy(update={
    "contact": BASE.contact.model_copy(update={
        "phones": ["08-123 456 00"], "emails": ["kundservice@exempel.se"], "bankgiro": ["5050-1055"],
        "addresses": ["Storgatan 1, 111 22 Stockholm"]}),
    "confidential": BASE.confidential.model_copy(update={"terms": ["Projekt Falk", "Orion*"]}),
})
AUTHOR = make_profile(work_phone="070-555 12 34", work_email="anna.lindqvist@exempel.se")


@pytest.mark.parametrize(
    ("draft", "code", "severity", "span"),
    [
        ("Hej! Kan du bekräfta att ditt personnummer är 811218-9876?", "pii.personnummer", "block",
         "811218-9876"),
        ("Your card 4111 1111 1111 1111 has been refunded.", "pii.payment_card", "block",
         "4111 1111 1111 1111"),
        ("Hej Per, ring mig på 070-123 45 67 så löser vi det.", "pii.phone", "warn", "070-123 45 67"),
        ("Skicka kvittot till per.olsson@gmail.com så hjälper jag dig.", "pii.email", "warn",
         "per.olsson@gmail.com"),
        ("Pengarna går till SE45 5000 0000 0583 9825 7466 i morgon.", "pii.iban", "warn",
         "SE45 5000 0000 0583 9825 7466"),
        ("Vi skickade paketet till Lilla Nygatan 7, 111 28 Stockholm i går.", "pii.address", "warn",
         "Lilla Nygatan 7, 111 28 Stockholm"),
    ],
)
def test_when_the_draft_contains_personal_data_then_it_is_flagged_with_its_severity(
        draft, code, severity, span):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    [finding] = [f for f in review.findings if f.code == code]
    assert (finding.rule, finding.severity, draft[finding.start:finding.end]) == (4, severity, span)
    assert review.verdict == severity


@pytest.mark.parametrize(
    "draft",
    [
        "Ring vår kundservice på 08-123 456 00 eller mejla kundservice@exempel.se.",
        "Du når mig direkt på 070-555 12 34 eller anna.lindqvist@exempel.se.",
        "Betala till bankgiro 5050-1055 senast den 30 november.",
        "Välkommen till vår butik på Storgatan 1, 111 22 Stockholm!",
        "Mötet är 2026-11-25 kl. 10.00–11.30, diarienummer KS 2026/1234.",
    ],
)
def test_when_only_the_organisations_or_the_authors_contact_details_appear_then_nothing_is_flagged(draft):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert not [c for c in codes(review) if c.startswith("pii.")]


@pytest.mark.parametrize(
    ("draft", "term"),
    [
        ("Snart kan jag berätta mer om Projekt Falk!", "Projekt Falk"),
        ("Projekt Falks budget är klubbad.", "Projekt Falks"),
        ("Orion-lanseringen närmar sig, håll utkik.", "Orion"),
        ("The Orion2 prototype looks great.", "Orion2"),
    ],
)
def test_when_a_confidential_term_appears_in_any_inflection_then_the_draft_is_blocked(draft, term):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert hits(review, draft, "confidential.term") == [term]
    assert review.verdict == "block"


def test_a_word_that_only_starts_like_a_confidential_term_is_not_flagged():
    review = review_draft("Vi ses i Falkenberg på lördag!", profile=AUTHOR, policy=POLICY)
    assert "confidential.term" not in codes(review)


@pytest.mark.parametrize(
    "draft",
    [
        "Det här är konfidentiellt, men vi lanserar nya priser i januari.",
        "Internal only: the new prices go live in January.",
    ],
)
def test_when_the_draft_says_it_is_confidential_then_it_is_blocked(draft):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert "confidential.marker" in codes(review) and review.verdict == "block"


@pytest.mark.parametrize(
    ("draft", "term"),
    [
        ("Ärligt talat är mina kollegor på ekonomi helt inkompetenta.", "inkompetenta"),
        ("Chefen är en idiot som aldrig lyssnar.", "idiot"),
        ("Exempel AB är ett skitföretag som inte bryr sig.", "skitföretag"),
        ("My manager is a complete 1d10t.", "1d10t"),
        ("Ledningen består av j ä v l a clowner.", "clowner"),
    ],
)
def test_when_the_draft_disparages_colleagues_or_the_organisation_then_it_warns(draft, term):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    found = hits(review, draft, "respect.disparaging")
    assert term in found
    finding = next(f for f in review.findings if f.code == "respect.disparaging")
    assert (finding.rule, finding.severity) == (4, "warn")


@pytest.mark.parametrize(
    ("draft", "term"),
    [
        ("Vi dricker faktiskt mest te, din idiot.", "idiot"),
        ("Ni som klagar hela tiden är ett gäng idioter.", "idioter"),
        ("Kunderna som ringer om det här är rena idioter.", "idioter"),
        ("Per Olsson är en idiot, det vet alla.", "idiot"),
        ("Invandrarna i området är parasiter.", "parasiter"),
        ("That was a stupid question, you moron.", "moron"),
        ("Honestly, our customers are idiots sometimes.", "idiots"),
        ("Dere er noen idioter alle sammen.", "idioter"),
    ],
)
def test_when_the_draft_insults_the_commenter_the_public_a_group_or_a_named_person_then_it_warns(draft, term):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert term in hits(review, draft, "respect.disparaging")


@pytest.mark.parametrize(
    "draft",
    [
        "Jag var en idiot som missade din fråga, förlåt!",
        "Appen är idiotsäker, du loggar in med BankID.",
        "Tack för att du hörde av dig, Karin Ek på bygglov svarar i morgon.",
        "Mina kollegor är grymt bra på det här, sjukt snabba svar i dag!",
        "Filmen i går var helt värdelös, men popcornen var goda.",
        "Our team did an insanely good job with the launch.",
    ],
)
def test_when_negative_words_are_praise_or_not_aimed_at_colleagues_then_no_respect_finding(draft):
    assert "respect.disparaging" not in codes(review_draft(draft, profile=AUTHOR, policy=POLICY))


@pytest.mark.parametrize(
    ("draft", "code", "span"),
    [
        ("Hennes samordningsnummer är 810278-9875, kan ni hjälpa henne?", "pii.samordningsnummer",
         "810278-9875"),
        ("Swisha inte, betala till bankgiro 5402-9681 i stället.", "pii.bankgiro", "5402-9681"),
        ("Insamlingen har plusgiro 90 01 22-3, tack för ditt bidrag!", "pii.plusgiro", "90 01 22-3"),
        ("Please send it to Lars at lars.berg@outlook.com before Friday.", "pii.email",
         "lars.berg@outlook.com"),
        ("You can call her on +44 20 7946 0958 after five.", "pii.phone", "+44 20 7946 0958"),
    ],
)
def test_other_personal_data_in_a_draft(draft, code, span):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert hits(review, draft, code) == [span]


@pytest.mark.parametrize(
    "draft",
    [
        "Our order number 4471-2290 is on the receipt; the event runs 2026-11-25–2026-11-27.",
        "Beslutet följer SFS 2009:400 och kostar 12 345 kr, se version 3.11.7 av tjänsten.",
        "Boken har ISBN 978-91-1-301234-1 och kom ut 2024.",
    ],
)
def test_numbers_that_only_look_personal_are_not_flagged(draft):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert not [c for c in codes(review) if c.startswith("pii.")]


@pytest.mark.parametrize("draft", ["Tack för din fråga. Håll käften nu.", "Gå och lägg dig, Bengt.",
                                   "Thanks for asking. Now get lost.", "Hold kjeft, Bengt."])
def test_telling_the_reader_off_is_disparaging_on_its_own(draft):
    assert "respect.disparaging" in codes(review_draft(draft, profile=AUTHOR, policy=POLICY))


@pytest.mark.parametrize("draft", ["Vi kan ge dig ett svar i morgon.", "Vi lägger ner projektet i vår.",
                                   "Please don't go away, we will answer soon."])
def test_everyday_phrases_near_the_dismissals_are_not(draft):
    assert "respect.disparaging" not in codes(review_draft(draft, profile=AUTHOR, policy=POLICY))
