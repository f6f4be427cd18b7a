"""Drafts in Norwegian, Danish and other languages are normal input; spans always fit the draft."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import codes, hits, make_policy, make_profile
from omdome.review import DraftError, review_draft

POLICY = make_policy(org="Exempel AB")
AUTHOR = make_profile()


@pytest.mark.parametrize(
    ("draft", "language", "code", "span"),
    [
        ("Hei! Fødselsnummeret mitt er 01010750160, kan dere sjekke saken?", "nb", "pii.fodselsnummer",
         "01010750160"),
        ("Hej! Mit CPR-nummer er 070761-4285, kan I tjekke sagen?", "da", "pii.cpr", "070761-4285"),
        ("Jeg synes ledelsen i Exempel AB er en flok idioter.", "da", "respect.disparaging", "idioter"),
        ("Ring meg gjerne på +47 912 34 567 hvis noe er uklart.", "nb", "pii.phone", "+47 912 34 567"),
    ],
)
def test_norwegian_and_danish_drafts_are_checked_and_answered_in_the_policys_language(
        draft, language, code, span):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert review.language == language
    assert hits(review, draft, code) == [span]
    finding = next(f for f in review.findings if f.code == code)
    assert finding.message == POLICY.check(code)[1].message.sv.format(term=span)


def test_a_norwegian_author_can_disclose_employment():
    draft = "Jeg jobber i Exempel AB, og den nye appen vår er ute i dag."
    assert "identity.undisclosed" not in codes(review_draft(draft, profile=AUTHOR, policy=POLICY))


@pytest.mark.parametrize(
    "draft",
    [
        "Guten Tag! Wir freuen uns auf Ihren Besuch in unserem Geschäft.",
        "Hyvää päivää, kiitos palautteesta!",
        "مرحبا، شكرا على رسالتك",
    ],
)
def test_a_draft_in_another_language_is_normal_input(draft):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert review.language == "und"
    assert review.verdict in {"ok", "warn"}


def test_a_draft_too_short_to_tell_is_read_in_the_policys_language():
    assert review_draft("Tack! 👍", profile=AUTHOR, policy=POLICY).language == "sv"


def test_personal_data_is_found_whatever_the_language():
    draft = "Wir haben Ihre Karte 4111 1111 1111 1111 gesperrt."
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert hits(review, draft, "pii.payment_card") == ["4111 1111 1111 1111"]


@pytest.mark.parametrize("draft", ["", "   \n\t ", "a\x00b", "x" * 200_001])
def test_drafts_that_cannot_be_checked_raise_a_clear_error(draft):
    with pytest.raises(DraftError):
        review_draft(draft, policy=POLICY)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=400)
       .filter(lambda t: t.strip()))
def test_any_text_gets_findings_whose_spans_fit_the_draft(text):
    review = review_draft(text, profile=AUTHOR, policy=POLICY)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    for finding in review.findings:
        assert 0 <= finding.start <= finding.end <= len(normalised)
        assert finding.rule in (1, 2, 3, 4)
    assert review.verdict in {"ok", "warn", "block"}
