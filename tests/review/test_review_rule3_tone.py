"""Rule 3: be yourself — plain words, sentences a reader can follow, readable text."""

from __future__ import annotations

import pytest

from conftest import codes, hits, make_policy, make_profile
from omdome.review import review_draft

POLICY = make_policy()
AUTHOR = make_profile()


@pytest.mark.parametrize(
    ("draft", "term", "alternative"),
    [
        ("Härmed meddelas att butiken stänger tidigare på fredag.", "Härmed", "nu"),
        ("Du kommer att erhålla en bekräftelse via mejl.", "erhålla", "få"),
        ("Vi tillhandahåller laddboxar till alla kunder i området.", "tillhandahåller", "ge"),
        ("Going forward, we will leverage our synergies to delight customers.", "Going forward", ""),
        ("Please be advised that the store closes early on Friday.", "Please be advised", ""),
    ],
)
def test_when_the_draft_uses_officialese_or_jargon_then_a_plainer_word_is_suggested(
        draft, term, alternative):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert term in hits(review, draft, "tone.officialese")
    finding = next(f for f in review.findings if f.code == "tone.officialese"
                   and draft[f.start:f.end] == term)
    assert finding.rule == 3 and finding.severity == "info"
    assert finding.suggestion.strip(".") != ""
    assert alternative in finding.suggestion


@pytest.mark.parametrize(
    "draft",
    [
        "Tack för att du hörde av dig! Vi ses på fredag, då har vi öppet till sex.",
        "Thanks for the kind words, we're glad the new opening hours work for you.",
        "Du får en bekräftelse på mejlen inom en timme.",
    ],
)
def test_when_the_draft_is_conversational_then_no_tone_finding(draft):
    review = review_draft(draft, profile=AUTHOR, policy=POLICY)
    assert not [c for c in codes(review) if c.startswith("tone.")]


def test_when_a_sentence_is_very_long_then_it_is_pointed_out_with_its_length():
    sentence = ("Vi vill passa på att tacka alla som kom till vår öppning i lördags och som tog sig tid "
                "att prata med oss om allt från laddboxar och solpaneler till hur man bäst isolerar ett "
                "gammalt hus inför vintern och vad det kostar att byta fönster i en villa från sjuttiotalet.")
    review = review_draft(sentence + " Välkomna tillbaka!", profile=AUTHOR, policy=POLICY)
    [finding] = [f for f in review.findings if f.code == "tone.long_sentence"]
    assert (finding.start, finding.end) == (0, len(sentence))
    assert f"Meningen har {len(sentence.split())} ord" in finding.message
    assert "högst 35" in finding.message


def test_when_the_text_is_long_and_heavy_then_lix_is_reported():
    heavy = ("Kommunfullmäktiges beslutsunderlag avseende budgetförstärkningar inom "
             "verksamhetsområdet förutsätter kompletterande konsekvensanalyser. ") * 8
    review = review_draft(heavy, profile=AUTHOR, policy=POLICY)
    [finding] = [f for f in review.findings if f.code == "tone.readability"]
    assert finding.rule == 3 and finding.severity == "warn"
    assert (finding.start, finding.end) == (0, len(heavy.replace("\r", "")))
    assert "LIX" in finding.message and "gränsen är 50" in finding.message


def test_when_a_heavy_text_is_short_then_lix_is_not_judged():
    short = "Kommunfullmäktiges beslutsunderlag förutsätter kompletterande konsekvensanalyser."
    assert "tone.readability" not in codes(review_draft(short, profile=AUTHOR, policy=POLICY))


def test_when_the_policy_raises_the_lix_limit_then_the_same_text_passes():
    heavy = ("Kommunfullmäktiges beslutsunderlag avseende budgetförstärkningar inom "
             "verksamhetsområdet förutsätter kompletterande konsekvensanalyser. ") * 8
    lenient = make_policy(extra="").model_copy(
        update={"settings": POLICY.settings.model_copy(update={"lix_limit": 100})})
    assert "tone.readability" not in codes(review_draft(heavy, profile=AUTHOR, policy=lenient))


def test_when_the_policy_drops_a_check_then_it_is_not_reported():
    rules = list(POLICY.rules)
    rule3 = rules[2]
    rules[2] = rule3.model_copy(update={"checks": [c for c in rule3.checks if c.code != "tone.officialese"]})
    quiet = POLICY.model_copy(update={"rules": rules})
    draft = "Härmed meddelas att butiken stänger tidigare."
    assert "tone.officialese" not in codes(review_draft(draft, profile=AUTHOR, policy=quiet))


def test_english_long_sentences_and_heavy_text_are_judged_too():
    sentence = ("We would like to take this opportunity to thank everyone who came to the opening on "
                "Saturday and who took the time to talk to us about everything from charging boxes and "
                "solar panels to how best to insulate an old house before the winter comes.")
    review = review_draft(sentence, profile=AUTHOR, policy=POLICY)
    [finding] = [f for f in review.findings if f.code == "tone.long_sentence"]
    assert finding.message == f"This sentence has {len(sentence.split())} words (guideline: at most 35)."
    heavy = ("Organisational implementation considerations necessitate comprehensive institutional "
             "reconfiguration. ") * 10
    review = review_draft(heavy, profile=AUTHOR, policy=POLICY)
    assert "tone.readability" in codes(review)
    plain = "Thanks for coming on Saturday. It was great to see you all. Come back soon! " * 6
    assert "tone.readability" not in codes(review_draft(plain, profile=AUTHOR, policy=POLICY))
