"""Rule 1: be open about who you are — profile complete, employment disclosed when it matters."""

from __future__ import annotations

import pytest

from conftest import codes, hits, make_policy, make_profile
from omdome.review import review_draft

POLICY = make_policy(org="Exempel AB", extra="")
POLICY_WITH_PRODUCTS = make_policy(org="Exempel AB").model_copy(update={"products": ["Solpanel X3"]})


@pytest.mark.parametrize(
    "draft",
    [
        "Exempel AB har just släppt en ny version av appen, den är riktigt smidig.",
        "Har ni testat Solpanel X3? Den levererar mer än jag trodde.",
        "Honestly, Exempel AB's new app is a big step forward for small shops.",
        "Vi på kontoret diskuterade Exempel ABs nya prismodell i dag, spännande tider.",
    ],
)
def test_when_a_personal_account_writes_about_the_employer_without_disclosure_then_it_warns(draft):
    review = review_draft(draft, profile=make_profile(), policy=POLICY_WITH_PRODUCTS)
    assert "identity.undisclosed" in codes(review)
    finding = next(f for f in review.findings if f.code == "identity.undisclosed")
    assert finding.rule == 1 and finding.severity == "warn"
    assert draft[finding.start:finding.end] in {"Exempel AB", "Solpanel X3", "Exempel AB's", "Exempel ABs"}


@pytest.mark.parametrize(
    "draft",
    [
        "Jag jobbar själv på Exempel AB, så jag är partisk: den nya appen är riktigt smidig.",
        "Jag arbetar som supporttekniker på Exempel AB och svarar gärna på frågor om Solpanel X3.",
        "Full disclosure: I work for Exempel AB. The new app is a big step forward for small shops.",
        "Vi på Exempel AB har släppt en ny version av appen i dag.",
        "Som kundtjänstmedarbetare på Exempel AB vill jag tipsa om vår nya app.",
        "Jag leder kundtjänsten på Exempel AB och vill tacka alla som hört av sig i veckan.",
        "As our head of support I can say that Exempel AB answers every ticket within a day.",
        "Exempel AB har öppet längre i december, välkomna!\n/Anna, kundtjänstmedarbetare",
        "Nu har Exempel AB en ny app för bokningar.\n\nAnna Lindqvist\nExempel AB",
    ],
)
def test_when_the_draft_discloses_employment_then_rule_1_is_satisfied(draft):
    review = review_draft(draft, profile=make_profile(), policy=POLICY_WITH_PRODUCTS)
    assert "identity.undisclosed" not in codes(review)


def test_when_the_draft_does_not_mention_the_employer_then_no_disclosure_is_needed():
    review = review_draft("Vilken fin höstdag det blev i Göteborg i dag, promenad i Slottsskogen!",
                          profile=make_profile(), policy=POLICY)
    assert "identity.undisclosed" not in codes(review)


def test_when_the_account_is_official_then_the_organisation_discloses_itself():
    review = review_draft("Exempel AB har öppet till klockan 18 hela december.",
                          profile=make_profile(account="official"), policy=POLICY)
    assert "identity.undisclosed" not in codes(review)


@pytest.mark.parametrize(
    ("overrides", "missing"),
    [
        ({"name": ""}, "namn"),
        ({"employer": ""}, "arbetsgivare"),
        ({"role": ""}, "roll"),
        ({"name": "Kattis"}, "fullständigt namn"),
    ],
)
def test_when_the_profile_lacks_name_employer_or_role_then_it_warns(overrides, missing):
    draft = "Tack alla som kom på vårt frukostseminarium i morse!"
    review = review_draft(draft, profile=make_profile(**overrides), policy=POLICY)
    [finding] = [f for f in review.findings if f.code == "identity.profile"]
    assert finding.rule == 1 and (finding.start, finding.end) == (0, 0)
    assert missing in finding.message


def test_when_the_profile_is_complete_then_no_profile_finding():
    review = review_draft("Tack alla som kom på frukostseminariet i morse!", profile=make_profile(),
                          policy=POLICY)
    assert "identity.profile" not in codes(review)


def test_when_no_profile_is_given_then_one_info_finding_says_the_checks_were_skipped():
    review = review_draft("Exempel AB har Sveriges bästa kundtjänst.", policy=POLICY)
    infos = [f for f in review.findings if f.code == "review.no_profile"]
    assert len(infos) == 1 and infos[0].severity == "info"
    assert "identity.undisclosed" not in codes(review)
    assert "--profile" in infos[0].suggestion


def test_english_draft_gets_english_messages():
    draft = "Exempel AB just launched a new app and it is really smooth."
    review = review_draft(draft, profile=make_profile(), policy=POLICY)
    finding = next(f for f in review.findings if f.code == "identity.undisclosed")
    assert finding.message.startswith("You write about Exempel AB from a personal account")
    assert hits(review, draft, "identity.undisclosed") == ["Exempel AB"]


def test_when_the_account_is_official_then_the_organisations_name_is_enough():
    profile = make_profile(name="Exempel", account="official")
    review = review_draft("Vi har öppet som vanligt i helgen.", profile=profile, policy=POLICY)
    assert "identity.profile" not in codes(review)


@pytest.mark.parametrize(
    ("org", "draft", "named"),
    [
        ("Ekebys kommun", "Socialtjänsten i Ekeby har alldeles för långa väntetider just nu.",
         "Socialtjänsten i Ekeby"),
        ("Region Sjövalla", "Akuten i Sjövalla tog emot oss på tio minuter i natt.", "Akuten i Sjövalla"),
        ("Ekebys kommun", "Ekeby municipality finally fixed the road by the school.", "Ekeby municipality"),
        ("Sjövallas kommun", "Sjövalla kommune har åpnet den nye svømmehallen.", "Sjövalla kommune"),
    ],
)
def test_when_a_public_bodys_service_is_named_by_its_place_then_it_is_the_employer(org, draft, named):
    policy = make_policy(org=org, sector="public", customer_word="invånare", company_word="kommun")
    review = review_draft(draft, profile=make_profile(employer=org), policy=policy)
    finding = next(f for f in review.findings if f.code == "identity.undisclosed")
    assert draft[finding.start:finding.end] == named


def test_when_the_author_works_at_the_service_named_by_its_place_then_it_is_disclosed():
    policy = make_policy(org="Ekebys kommun", sector="public", customer_word="invånare", company_word="kommun")
    draft = "Jag jobbar på socialtjänsten i Ekeby, och i dag fick vi äntligen två nya kollegor."
    review = review_draft(draft, profile=make_profile(employer="Ekebys kommun"), policy=policy)
    assert "identity.undisclosed" not in codes(review)
