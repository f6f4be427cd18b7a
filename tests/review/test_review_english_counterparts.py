"""English drafts that must not trigger checks whose negative cases elsewhere are Swedish."""

from __future__ import annotations

import pytest

from conftest import codes, make_policy, make_profile
from omdome.review import review_draft

_COUNCIL = make_policy(org="Brightwater Council", sector="public", language="en", customer_word="resident",
                      company_word="council", extra='''
[[topics]]
name = "planning"
keywords = ["planning permission", "building permit*"]

[[positions]]
topic = "remote work"
position = "Staff may work from home two days a week."
keywords = ["remote work", "work from home"]
contrary = ["remote work is banned"]
''')
COUNCIL = _COUNCIL.model_copy(
    update={"confidential": _COUNCIL.confidential.model_copy(update={"terms": ["Project Falcon"]})})
PLANNER = make_profile(name="Jo Baker", employer="Brightwater Council", role="planning officer",
                       expertise=["planning"])
OFFICIAL = make_profile(name="Jo Baker", employer="Brightwater Council", role="communications",
                        account="official")


@pytest.mark.parametrize(
    ("draft", "profile", "code"),
    [
        ("I work at Brightwater Council. Planning permission is needed for extensions over 30 m².",
         PLANNER, "expertise.outside"),
        ("I work at Brightwater Council. Remote work is not banned: staff may work from home two days a "
         "week.", PLANNER, "position.contradicts"),
        ("We flew over the falcon nesting site on Saturday, what a sight!", PLANNER, "confidential.term"),
        ("Applications for the summer festival stalls open on 1 March on our website.", OFFICIAL,
         "public.register"),
        ("Lovely morning at the market today, see you all next week!", make_profile(name="Jo Baker",
         employer="Brightwater Council", role="planning officer"), "identity.profile"),
    ],
)
def test_english_draft_does_not_trigger(draft, profile, code):
    assert code not in codes(review_draft(draft, profile=profile, policy=COUNCIL))


def test_english_draft_with_an_incomplete_profile_triggers_the_profile_check():
    review = review_draft("Lovely morning at the market today!", profile=make_profile(name="Jo", role=""),
                          policy=COUNCIL)
    [finding] = [f for f in review.findings if f.code == "identity.profile"]
    assert finding.message == "Your profile lacks role and full name."
