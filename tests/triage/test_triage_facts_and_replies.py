"""Facts turn a misconception into a correction with the fact to cite; replies pass rules 1–4."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, make_policy, make_profile
from omdome.policy import PolicyError
from omdome.review import review_draft
from omdome.triage.classifier import Triager
from omdome.triage.facts import load_facts
from omdome.triage.replies import TEMPLATES, suggest_reply

FACTS = load_facts(EXAMPLES / "facts.sv.toml")


@pytest.fixture(scope="module")
def triager():
    return Triager(facts=FACTS, fast=True)


@pytest.mark.parametrize(
    "comment",
    [
        "Typiskt att biblioteket i Norrby stänger nu, var ska barnen ta vägen?",
        "Ni har ju höjt sophämtningsavgiften med 40 procent i år, helt sjukt",
        "Heard that the library is closing in Norrby, such a shame",
    ],
)
def test_a_comment_repeating_a_misconception_becomes_a_correction_with_the_fact(triager, comment):
    result = triager.triage(comment)
    assert (result.category, result.action) == ("correction", "correct")
    assert result.fact is not None and result.fact["source"].startswith("https://sundby.se/")
    assert result.fact["statement"] in result.suggested_reply
    assert "rule.misconception" in result.reason_codes


def test_a_question_is_routed_to_the_staff_member_whose_expertise_fits(triager):
    result = triager.triage("Hej! Behöver jag bygglov för ett attefallshus på 25 kvadrat?")
    assert result.action == "answer"
    assert "Karin Ek" in result.suggested_reply
    assert any(r.code == "route" and "Karin Ek" in r.text for r in result.reasons)


def test_a_correction_without_a_matching_fact_says_so(triager):
    result = triager.triage("Kommunen har ju sålt hela hamnen till ett kinesiskt bolag, det vet alla.")
    if result.category == "correction":
        assert result.fact is None and result.suggested_reply is None
        assert "fact.missing" in result.reason_codes
    else:
        assert result.fact is None


def test_a_broken_facts_file_names_line_and_key(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text('[[facts]]\ntopic = "x"\nstatement = "y"\nsource = 3\nmisconceptions = ["a"]\n',
                    encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_facts(path)
    assert f"{path}:4: facts[0].source: must be text" in str(caught.value)


POLICY = make_policy(org="Sundby kommun", sector="public", customer_word="invånare", company_word="kommun")
OFFICIAL = make_profile(name="Sundby Kommun", employer="Sundby kommun", role="kommunikationsenheten",
                        account="official")


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
@pytest.mark.parametrize("action", ["acknowledge", "answer", "answer_person", "follow_up", "correct"])
def test_every_suggested_reply_passes_the_rule_1_to_4_check(action, language):
    fact = None
    person = None
    if action == "correct":
        from omdome.triage.facts import FactMatch

        fact = FactMatch(FACTS.data.facts[0], "biblioteket läggs ner", "")
    if action == "answer_person":
        person = FACTS.data.people[0]
    reply = suggest_reply("answer" if action == "answer_person" else action, language, fact=fact,
                          person=person)
    assert reply
    review = review_draft(reply, profile=OFFICIAL, policy=POLICY, language=language)
    assert review.verdict == "ok", [(f.code, f.message) for f in review.findings]
    assert set(TEMPLATES[action]) == {"sv", "en", "nb", "da"}
