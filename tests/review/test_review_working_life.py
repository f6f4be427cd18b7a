"""How people say they work there, advise with certainty, leak and judge, in words the first rules missed.

Each example is written for this test; none is taken from a blind set.
"""

from __future__ import annotations

import pytest

from conftest import codes, make_policy, make_profile
from omdome.review import review_draft

COMPANY = make_policy(org="Exempel AB").model_copy(update={"products": ["Solpanel X3"]})
TOWN = make_policy(org="Sjövalla kommun", sector="public", customer_word="invånare", company_word="kommun", extra="""
[[topics]]
name = "avfall"
keywords = ["sophämtning*", "soptunn*", "återvinning*"]

[[topics]]
name = "bad"
keywords = ["badhus*", "simhall*"]
""")
DRIVER = make_profile(employer="Sjövalla kommun", role="sopbilschaufför/renhållare", expertise=["avfall"])


@pytest.mark.parametrize("draft", [
    "Vecka fyra på min praktik hos Exempel AB och jag har redan lärt mig mer än på ett år i skolan.",
    "Eight years on the customer support team at Exempel AB this month, and I still like Mondays.",
    "Jag sitter i kundtjänsten på Exempel AB och ser varje dag hur många som undrar över fakturan.",
    "Min gruppchef på Exempel AB bjöd på tårta i dag, vilken överraskning!",
    "I've been on the Exempel AB support desk for three years now and Solpanel X3 is still our top question.",
    "Jag har varit säljare på Exempel AB sedan 2019 och har aldrig sett en sådan höst.",
    "Proud to work there, honestly. Exempel AB just opened its second office.",
    "Nya Solpanel X3 har fått fina omdömen, jobbar ju på Exempel AB så jag har följt den länge.",
    "Vi som jobbar på Exempel AB fick veta i dag att vi flyttar till nya lokaler i vår.",
    "Alla vi montörer hos Exempel AB fick nya jackor i dag 😄",
    "As Head of Customer Support, I want to thank everyone who wrote to Exempel AB this week.",
    "Exempel AB har ny fakturamall. Jag jobbar på ekonomiavdelningen och har svarat på många frågor om den.",
])
def test_working_life_in_many_words_discloses_employment(draft):
    assert "identity.undisclosed" not in codes(review_draft(draft, profile=make_profile(), policy=COMPANY))


@pytest.mark.parametrize("draft", [
    "Jag har varit kund hos Exempel AB i tio år och har aldrig haft problem.",
    "Jag ringde kundtjänsten på Exempel AB i går och fick vänta en timme.",
    "Vi som bor nära Exempel AB:s lager undrar när lastbilarna ska sluta köra på natten.",
    "I've used Solpanel X3 for five years and it still works.",
])
def test_a_customer_s_years_calls_and_neighbourhood_are_no_disclosure(draft):
    assert "identity.undisclosed" in codes(review_draft(draft, profile=make_profile(), policy=COMPANY))


def test_the_authors_role_after_a_slash_counts_as_theirs():
    draft = "Sjövalla kommun tömmer inte kärlen på tisdag. Jag vet, för jag kör där som renhållare."
    assert "identity.undisclosed" not in codes(review_draft(draft, profile=DRIVER, policy=TOWN))


@pytest.mark.parametrize("draft", [
    "Jag jobbar på Sjövalla kommun. Badhuset öppnar igen inom en timme, det lovar jag.",
    "Jag jobbar på Sjövalla kommun. Simhallen stänger hela juli, det är redan bestämt.",
    "Jag jobbar på Sjövalla kommun. Badhuset får nya omklädningsrum senast på fredag.",
    "Jag jobbar på Sjövalla kommun. Kön till simhallens kurser tar max tre veckor nu.",
])
def test_certainty_promises_and_deadlines_outside_ones_field_are_expertise_findings(draft):
    assert "expertise.outside" in codes(review_draft(draft, profile=DRIVER, policy=TOWN))


def test_a_certain_word_within_ones_own_field_is_fine():
    draft = "Jag jobbar på Sjövalla kommun. Sophämtningen är tillbaka i morgon, det lovar jag."
    assert "expertise.outside" not in codes(review_draft(draft, profile=DRIVER, policy=TOWN))


@pytest.mark.parametrize("draft", [
    "Jag jobbar på Exempel AB. Den nya appen är inte ute än, men den är snygg.",
    "Jeg jobber i Exempel AB. Den nye appen er hemmelig til lansering, men den er fin.",
])
def test_more_ways_of_saying_not_yet_public(draft):
    assert "confidential.marker" in codes(review_draft(draft, profile=make_profile(), policy=COMPANY))


@pytest.mark.parametrize("draft", [
    "Jag jobbar på Exempel AB. Solpanel X3 är billigast på marknaden.",
    "I work at Exempel AB. Management's new travel policy is a clown show.",
])
def test_more_judgements_about_us_need_a_marker(draft):
    assert "opinion.unmarked" in codes(review_draft(draft, profile=make_profile(), policy=COMPANY))


@pytest.mark.parametrize("draft", [
    "Jag jobbar på Exempel AB. Ledningen har i sin oändliga visdom flyttat fikat till kvart i sju.",
    "I work at Exempel AB. The answer is on the page, which you clearly did not bother to read.",
])
def test_sarcasm_that_talks_down_is_disparaging(draft):
    assert "respect.disparaging" in codes(review_draft(draft, profile=make_profile(), policy=COMPANY))
