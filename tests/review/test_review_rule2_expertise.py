"""Rule 2: stay within your expertise, mark opinions as your own, keep to official positions."""

from __future__ import annotations

import pytest

from conftest import codes, hits, make_policy, make_profile
from omdome.review import review_draft

EXTRA = """
[[topics]]
name = "bygglov"
keywords = ["bygglov*", "detaljplan*", "strandskydd*"]

[[topics]]
name = "skola"
keywords = ["skolval*", "förskoleplats*", "school place*"]

[[positions]]
topic = "distansarbete"
position = "Medarbetare får arbeta hemifrån två dagar i veckan."
keywords = ["distansarbete*", "hemifrån", "jobba hemma", "remote work", "work from home"]
contrary = ["distansarbete är förbjudet", "alla måste sitta på kontoret", "remote work is banned"]
"""
POLICY = make_policy(org="Sundby kommun", sector="public", customer_word="invånare",
                     company_word="kommun", extra=EXTRA)
PLANNER = make_profile(employer="Sundby kommun", role="bygglovshandläggare", expertise=["bygglov"])


@pytest.mark.parametrize(
    ("draft", "topic", "word"),
    [
        ("Jag arbetar på Sundby kommun. Skolvalet öppnar den 15 januari, glöm inte att välja!",
         "skola", "Skolvalet"),
        ("Jag jobbar på Sundby kommun: alla barn får en förskoleplats inom fyra månader.",
         "skola", "förskoleplats"),
        ("I work at Sundby kommun. School places for next autumn are announced in March.",
         "skola", "School places"),
        # A change told as settled, with when it comes, by someone outside the topic.
        ("Jag jobbar på Sundby kommun och kan berätta att förskoleplatserna i Norrby försvinner efter nyår.",
         "skola", "förskoleplatserna"),
        ("I work at Sundby kommun. School places in Norrby will be cut after the new year.", "skola",
         "School places"),
    ],
)
def test_when_the_draft_is_about_a_topic_outside_the_profile_then_it_warns(draft, topic, word):
    review = review_draft(draft, profile=PLANNER, policy=POLICY)
    [finding] = [f for f in review.findings if f.code == "expertise.outside"]
    assert finding.rule == 2 and topic in finding.message
    assert draft[finding.start:finding.end] == word


@pytest.mark.parametrize(
    "draft",
    [
        "Jag arbetar med bygglov på Sundby kommun: ansök om bygglov senast tre månader innan du bygger.",
        "Tänk på att strandskyddet gäller 100 meter från vattnet.",
        "Fint väder i dag, äntligen lite sol över Sundby!",
        # The same kind of sentence about the author's own topic.
        "Jag jobbar med bygglov på Sundby kommun: avgiften för bygglov höjs från januari.",
    ],
)
def test_when_the_draft_stays_in_the_authors_field_then_no_expertise_finding(draft):
    assert "expertise.outside" not in codes(review_draft(draft, profile=PLANNER, policy=POLICY))


def test_when_expertise_names_a_keyword_of_the_topic_then_it_counts_as_the_topic():
    teacher = make_profile(employer="Sundby kommun", expertise=["skolval"])
    review = review_draft("Skolvalet öppnar den 15 januari.", profile=teacher, policy=POLICY)
    assert "expertise.outside" not in codes(review)


@pytest.mark.parametrize(
    ("draft", "judgement"),
    [
        ("Jag jobbar på Sundby kommun. Vår nya e-tjänst för bygglov är fantastisk.", "fantastisk"),
        ("Jag jobbar på Sundby kommun. Sundby kommun har Sveriges snabbaste bygglovshantering.",
         "snabbaste"),
        ("I work at Sundby kommun. Our new permit service is excellent.", "excellent"),
        ("Jag jobbar på Sundby kommun. Vi borde bygga fler cykelbanor i centrum.", "borde"),
    ],
)
def test_when_a_judgement_about_the_organisation_is_unmarked_then_it_warns(draft, judgement):
    review = review_draft(draft, profile=PLANNER, policy=POLICY)
    assert hits(review, draft, "opinion.unmarked") == [judgement]
    finding = next(f for f in review.findings if f.code == "opinion.unmarked")
    assert finding.rule == 2 and finding.severity == "warn"


@pytest.mark.parametrize(
    "draft",
    [
        "Jag jobbar på Sundby kommun. Jag tycker att vår nya e-tjänst för bygglov är fantastisk.",
        "Jag jobbar på Sundby kommun. Enligt min mening borde vi bygga fler cykelbanor.",
        "I work at Sundby kommun. In my opinion our new permit service is excellent.",
        "Jag jobbar på Sundby kommun (åsikterna är mina egna). Vår e-tjänst är fantastisk.",
        "Jag jobbar på Sundby kommun. Är vår nya e-tjänst bra, tycker ni?",
        "Jag jobbar på Sundby kommun. E-tjänsten öppnar den 1 mars och ansökan tar tio minuter.",
        # Advice offered, how someone feels, how often: no verdict on the organisation.
        "Jag jobbar med bygglov på Sundby kommun. Mitt bästa tips: skicka in ritningarna i god tid.",
        "Jag jobbar på Sundby kommun. Om ditt barn mår dåligt finns vi på skolan.",
        "Jag jobbar på Sundby kommun, och den vanligaste frågan vi får gäller parkering.",
    ],
)
def test_when_opinions_are_marked_or_the_text_is_factual_then_no_opinion_finding(draft):
    assert "opinion.unmarked" not in codes(review_draft(draft, profile=PLANNER, policy=POLICY))


def test_when_the_account_is_official_then_judgements_are_the_organisations():
    draft = "Vår nya e-tjänst för bygglov är fantastisk, testa den!"
    review = review_draft(draft, profile=make_profile(employer="Sundby kommun", account="official",
                                                       expertise=["bygglov"]), policy=POLICY)
    assert "opinion.unmarked" not in codes(review)


@pytest.mark.parametrize(
    "draft",
    [
        "Jag jobbar på Sundby kommun. Hos oss är distansarbete förbjudet, alla måste sitta på kontoret.",
        "I work at Sundby kommun. Remote work is banned here, so no working from home.",
    ],
)
def test_when_the_draft_contradicts_an_official_position_then_it_warns(draft):
    review = review_draft(draft, profile=PLANNER, policy=POLICY)
    found = [f for f in review.findings if f.code == "position.contradicts"]
    assert found and found[0].rule == 2
    assert "distansarbete" in found[0].message
    assert "två dagar i veckan" in found[0].message or "two days" in found[0].message


@pytest.mark.parametrize(
    "draft",
    [
        "Jag jobbar på Sundby kommun. Distansarbete är inte förbjudet, du får jobba hemma två dagar.",
        "Jag jobbar på Sundby kommun. Vi erbjuder distansarbete två dagar i veckan.",
        "Jag jobbar på Sundby kommun. Rökning är förbjuden på kontoret.",
    ],
)
def test_when_the_draft_agrees_with_the_position_then_no_contradiction(draft):
    assert "position.contradicts" not in codes(review_draft(draft, profile=PLANNER, policy=POLICY))


def test_the_chief_executive_works_with_every_topic():
    ceo = make_profile(employer="Sundby kommun", role="kommundirektör", expertise=["ekonomi"])
    draft = "Jag är kommundirektör i Sundby kommun: alla barn får en förskoleplats inom fyra månader."
    assert "expertise.outside" not in codes(review_draft(draft, profile=ceo, policy=POLICY))


def test_a_date_given_with_where_it_was_published_is_public_news():
    draft = ("Jag jobbar på Sundby kommun. Skolvalet öppnar den 15 januari enligt kommunens pressmeddelande, "
             "läs mer på sundby.se.")
    assert "expertise.outside" not in codes(review_draft(draft, profile=PLANNER, policy=POLICY))


def test_a_superlative_about_one_of_the_organisations_topics_is_a_judgement_of_its_own():
    draft = "Jag jobbar på Sundby kommun. Den nya detaljplanen för hamnen är den modigaste i hela länet."
    review = review_draft(draft, profile=make_profile(employer="Sundby kommun", role="kommunikatör",
                                                      expertise=["kommunikation"]), policy=POLICY)
    assert "opinion.unmarked" in codes(review)
    mine = "Jag jobbar på Sundby kommun. Det är den största detaljplan I've ever worked on."
    assert "opinion.unmarked" not in codes(review_draft(mine, profile=PLANNER, policy=POLICY))


def test_our_website_is_no_spring():
    """Swedish "vår" is both "spring" and "our": "öppnar på vår webbplats" sets no date."""
    draft = "Jag jobbar på Sundby kommun. Skolvalet öppnar på vår webbplats, där finns allt om hur det går till."
    assert "expertise.outside" not in codes(review_draft(draft, profile=PLANNER, policy=POLICY))
