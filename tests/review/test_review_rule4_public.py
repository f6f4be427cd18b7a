"""Rule 4, public sector: cases to register and information under secrecy."""

from __future__ import annotations

import pytest

from conftest import codes, hits, make_policy, make_profile
from omdome.review import review_draft

PUBLIC = make_policy(org="Sundby kommun", sector="public", customer_word="invånare", company_word="kommun")
PRIVATE = make_policy(org="Exempel AB")
OFFICER = make_profile(employer="Sundby kommun", role="handläggare", account="official")


@pytest.mark.parametrize(
    ("draft", "term"),
    [
        ("Hej Lena! Vi har tagit emot din ansökan och återkommer inom två veckor.", "din ansökan"),
        ("Hi Tom, your appeal has been forwarded to the building committee.", "your appeal"),
        ("Ditt ärende har skickats vidare till miljöförvaltningen.", "Ditt ärende"),
    ],
)
def test_when_a_reply_deals_with_someones_own_matter_then_it_may_need_registering(draft, term):
    review = review_draft(draft, profile=OFFICER, policy=PUBLIC)
    [finding] = [f for f in review.findings if f.code == "public.register"]
    at = draft.lower().index(term.lower())
    assert finding.start <= at < finding.end  # the phrase found covers the matter's words
    assert (finding.rule, finding.severity) == (4, "info")


def test_when_the_reply_is_general_information_then_nothing_to_register():
    draft = "Ansökan om bygglov gör du enklast i vår e-tjänst, handläggningstiden är tio veckor."
    assert "public.register" not in codes(review_draft(draft, profile=OFFICER, policy=PUBLIC))


@pytest.mark.parametrize(
    ("draft", "term"),
    [
        ("Hej Kalle! Ditt försörjningsstöd för december är beviljat.", "försörjningsstöd"),
        ("Vi vet att din son har fått en diagnos och att skolan jobbar på det.", "diagnos"),
        ("Anna Berg har en pågående kontakt med socialtjänsten sedan i våras.", "socialtjänsten"),
        ("Hi Sam, your housing benefit decision has been sent by post.", "housing benefit"),
    ],
)
def test_when_secret_information_is_tied_to_a_person_then_the_draft_is_blocked(draft, term):
    review = review_draft(draft, profile=OFFICER, policy=PUBLIC)
    assert term in hits(review, draft, "public.secrecy")
    assert review.verdict == "block"


@pytest.mark.parametrize(
    "draft",
    [
        "Försörjningsstöd söker du enklast via vår e-tjänst.",
        "Socialtjänsten har öppet mottagande på tisdagar mellan 9 och 11.",
        "Housing benefit applications open on 1 March.",
    ],
)
def test_when_sensitive_subjects_are_described_in_general_then_nothing_is_blocked(draft):
    review = review_draft(draft, profile=OFFICER, policy=PUBLIC)
    assert "public.secrecy" not in codes(review)


def test_public_sector_checks_do_not_run_for_a_private_company():
    draft = "Hej Kalle! Ditt försörjningsstöd är beviljat och din ansökan är klar."
    review = review_draft(draft, profile=make_profile(account="official"), policy=PRIVATE)
    assert not [c for c in codes(review) if c.startswith("public.")]
