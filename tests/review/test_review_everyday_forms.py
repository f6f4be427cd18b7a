"""The draft check on the everyday ways staff write: disclosures, contempt, leaks, secrecy.

Each example is phrased the way people write, not the way a lexicon lists words; the clean
ones are the tempting near misses a check must leave alone.
"""

from __future__ import annotations

import pytest

from conftest import codes, hits, make_policy, make_profile
from omdome.review import review_draft

BANK = make_policy(org="Granholm Bank AB")
TOWN = make_policy(org="Ekby kommun", sector="public", customer_word="invånare", company_word="kommun")


def _profile(**overrides):  # type: ignore[no-untyped-def]
    return make_profile(**{"employer": "Granholm Bank AB", **overrides})


# --- rule 1: the many ways of saying where you work -------------------------------------------

@pytest.mark.parametrize(("draft", "role"), [
    ("Som rådgivare här på Granholm vill jag tipsa om att se över sparandet före nyår.", "Rådgivare"),
    ("I'm an analyst at Granholm Bank and this week's rate decision surprised even us.", "Analyst"),
    ("Jag är ju systemutvecklare på Granholm Bank, så jag vet hur mycket jobb som ligger bakom appen.",
     "Systemutvecklare"),
    ("Granholm Bank support team lead here. If BankID fails, restart the app first.", "Team lead, support"),
    ("Jobbar i Granholm Banks kundtjänst och fick ett så fint samtal i dag.", "Kundtjänstmedarbetare"),
    ("Kontorschef på Granholm Bank i Ekby och stolt över gänget i dag.", "Kontorschef, Ekbykontoret"),
    ("I design the savings screens in the Granholm Bank app. Today we made the goals clearer.",
     "UX designer"),
])
def test_a_disclosure_in_everyday_words_satisfies_rule_1(draft, role):
    review = review_draft(draft, profile=_profile(role=role), policy=BANK)
    assert "identity.undisclosed" not in codes(review)


def test_the_authors_own_unit_named_in_the_role_counts_as_the_employer():
    profile = make_profile(employer="Ekby kommun", role="Bibliotekarie, Ekby stadsbibliotek",
                           expertise=["Kultur"])
    draft = "Ekby stadsbibliotek har fått nya sittplatser i läsesalen, kom och prova!"
    review = review_draft(draft, profile=profile, policy=TOWN)
    assert hits(review, draft, "identity.undisclosed") == ["Ekby stadsbibliotek"]


def test_an_english_draft_calling_the_municipality_the_council_speaks_of_the_organisation():
    profile = make_profile(employer="Ekby kommun", role="Planner", expertise=["Bygglov"])
    draft = "The new cycle lanes are the best thing this council has done in years."
    review = review_draft(draft, profile=profile, policy=TOWN)
    assert {"identity.undisclosed", "opinion.unmarked"} <= set(codes(review))


def test_a_reported_question_with_should_is_no_unmarked_opinion():
    draft = ("I teach at Ekby school, where my pupils debated whether the council should close "
             "the old pool. Proud of them.")
    profile = make_profile(employer="Ekby kommun", role="Teacher", expertise=["Skola"])
    assert "opinion.unmarked" not in codes(review_draft(draft, profile=profile, policy=TOWN))


@pytest.mark.parametrize("draft", [
    "Stadsdelens mest populära lekplats är vår nya vid Ekbyskolan.",
    "Vi har länets mest generösa öppettider på återvinningscentralen.",
])
def test_a_periphrastic_superlative_about_us_is_an_opinion_to_mark(draft):
    profile = make_profile(employer="Ekby kommun", role="Kommunikatör", expertise=["Avfall"])
    assert "opinion.unmarked" in codes(review_draft(draft, profile=profile, policy=TOWN))


# --- rule 4: contempt for colleagues, management and the public -------------------------------

@pytest.mark.parametrize(("draft", "term"), [
    ("Vår nya it-chef är trevlig, men han är en hopplös planerare.", "hopplös"),
    ("Ibland undrar jag om ledningen är inkompetent eller bara feg.", "inkompetent"),
    ("She is lovely, but as a manager she is completely clueless.", "clueless"),
    ("Lördagskvällar i kassan betyder fyllon och stress.", None),
    ("Vissa lär sig aldrig att läsa en faktura.", "Vissa lär sig aldrig"),
    ("If you'd bothered to read our letter you would know the answer.", "If you'd bothered to"),
    ("Kunderna hos konkurrenten är ungefär lika smarta som en brödrost.", "lika smarta som en"),
])
def test_contempt_and_condescension_are_disparaging(draft, term):
    review = review_draft(draft, profile=_profile(), policy=BANK)
    found = hits(review, draft, "respect.disparaging")
    assert found, draft
    if term:
        assert term in found


@pytest.mark.parametrize("draft", [
    "Första versionen av appen var en ren katastrof för oss, så vi byggde om den.",
    "Jag kände mig hopplös i somras, men nu är jag tillbaka och glad.",
    "Det var lite svårt att hänga med i alla nyheter i år, så här kommer en sammanfattning.",
    "Vi gör det lättare för dig som inte hinner läsa hela villkoren: här är det viktigaste.",
])
def test_hard_words_about_things_or_oneself_are_not_contempt(draft):
    assert "respect.disparaging" not in codes(review_draft(draft, profile=_profile(), policy=BANK))


# --- rule 4: leaks that say "not yet" --------------------------------------------------------

@pytest.mark.parametrize(("draft", "term"), [
    ("Kan inte säga mer eftersom det är internt än så länge, men kunderna i norr kommer att jubla.",
     "är internt"),
    ("Den nya kortfunktionen är inte offentlig än, så mer än så får jag inte säga.",
     "inte offentlig än"),
    ("I can't say much because the deal is still confidential, but watch this space.",
     "still confidential"),
    ("Mellan oss: räntan sänks på fredag.", "Mellan oss"),
    ("Sitter och testar funktioner som ingen utanför huset har sett.", "ingen utanför huset"),
])
def test_not_yet_public_news_hinted_at_is_a_confidential_marker(draft, term):
    review = review_draft(draft, profile=_profile(), policy=BANK)
    assert term in hits(review, draft, "confidential.marker")


@pytest.mark.parametrize("draft", [
    "Det omfattas av sekretess, så jag kan inte svara på det här.",
    "Samarbetet mellan oss och skolan har gått fint i år.",
    "Sånt kan vi aldrig lämna ut, det är internt.",
])
def test_a_refusal_or_a_plain_between_us_is_no_leak(draft):
    assert "confidential.marker" not in codes(review_draft(draft, profile=_profile(), policy=BANK))


# --- rule 4, public sector: a person picked out at work ---------------------------------------

@pytest.mark.parametrize(("draft", "term"), [
    ("Så glad att pojken i 3B äntligen har fått ett åtgärdsprogram.", "åtgärdsprogram"),
    ("En av mina patienter kom in med alkoholförgiftning igen i natt.", "alkoholförgiftning"),
    ("Could the parent of Leo in 5A call me? It's about his absences this term.", "absences"),
    ("The retired bus driver from Ekby, a patient of mine, is walking again after heart surgery.",
     "heart surgery"),
])
def test_sensitive_details_about_someone_picked_out_at_work_are_under_secrecy(draft, term):
    profile = make_profile(employer="Ekby kommun", role="Skolsköterska", expertise=["Skola"])
    review = review_draft(draft, profile=profile, policy=TOWN)
    assert any(term in h for h in hits(review, draft, "public.secrecy"))


@pytest.mark.parametrize("draft", [
    "Alla elever i årskurs 3 erbjuds vaccinationen i skolan nästa vecka.",
    "Elevhälsoteamet finns på plats varje tisdag, välkommen att boka tid.",
    "Tips till dig som har hög frånvaro: prata med din mentor tidigt.",
])
def test_general_information_about_services_is_not_under_secrecy(draft):
    profile = make_profile(employer="Ekby kommun", role="Skolsköterska", expertise=["Skola"])
    assert "public.secrecy" not in codes(review_draft(draft, profile=profile, policy=TOWN))


def test_a_home_address_without_postcode_is_personal_data_in_a_draft():
    draft = "Hittade din cykel, Stina! Jag ställer den hemma hos dig på Björkvägen 7 i kväll."
    review = review_draft(draft, profile=_profile(), policy=BANK)
    assert hits(review, draft, "pii.address") == ["Björkvägen 7"]


def test_the_organisations_own_street_address_without_postcode_is_never_personal_data():
    policy = make_policy(org="Granholm Bank AB").model_copy(deep=True)
    policy.contact.addresses.append("Storgatan 1, 123 45 Ekby")
    draft = "Vårt kontor har ny adress: Storgatan 1. Välkommen!"
    review = review_draft(draft, profile=_profile(account="official"), policy=policy)
    assert "pii.address" not in codes(review)


# --- rule 2: speaking as one who knows, outside one's field ------------------------------------

EXPERTISE_POLICY = make_policy(org="Ekby kommun", sector="public", customer_word="invånare",
                               company_word="kommun", extra="""
[[topics]]
name = "Bygglov"
keywords = ["bygglov*", "attefall*", "friggebod*", "building permit*"]

[[topics]]
name = "Skola"
keywords = ["skol*", "betyg*"]
""")
LIBRARIAN = make_profile(employer="Ekby kommun", role="Bibliotekarie, Ekby bibliotek", expertise=["Kultur"])


@pytest.mark.parametrize("draft", [
    "Jag jobbar på Ekby bibliotek. Mitt tips till alla som frågat: en friggebod kräver aldrig bygglov.",
    "I work at Ekby library, and my advice is simple: skip the building permit for a small shed.",
    "Jobbar på biblioteket i Ekby. Köp inte hus utan att läsa detaljplanen, bygglovet kan dröja ett år.",
])
def test_advice_on_a_topic_outside_ones_field_is_flagged(draft):
    review = review_draft(draft, profile=LIBRARIAN, policy=EXPERTISE_POLICY)
    assert "expertise.outside" in codes(review)


@pytest.mark.parametrize("draft", [
    "Jag jobbar på Ekby bibliotek och i dag kom en hel skolklass på besök. Så roligt!",
    "Bibliotekarie på Ekby bibliotek här: vi har fått in nya böcker om att bygga friggebod.",
    "Som bibliotekarie på Ekby bibliotek ser jag många som pluggar inför betygen i vår läsesal.",
])
def test_a_passing_mention_of_another_field_is_no_expert_claim(draft):
    review = review_draft(draft, profile=LIBRARIAN, policy=EXPERTISE_POLICY)
    assert "expertise.outside" not in codes(review)


def test_an_official_account_speaks_for_every_field():
    draft = "Ekby kommun: friggebodar kräver inte bygglov, men tänk på avståndet till tomtgränsen."
    profile = make_profile(employer="Ekby kommun", role="Kommunikatör", expertise=["Kultur"],
                           account="official")
    assert "expertise.outside" not in codes(review_draft(draft, profile=profile, policy=EXPERTISE_POLICY))


# --- more forms found on unseen drafts ---------------------------------------------------------

@pytest.mark.parametrize(("draft", "code", "term"), [
    ("Fick höra om planerna i dag, men de är hemligt till mars. Spännande!", "confidential.marker",
     "hemligt till"),
    ("The merger is done, but it's not public until Monday, so that's all from me.",
     "confidential.marker", "not public until"),
    ("Mer kan jag inte säga förrän beslutet är fattat – det här stannar mellan oss!",
     "confidential.marker", "stannar mellan oss"),
    ("Till er som ringer kundtjänst tio gånger om dagen: skaffa ett liv.", "respect.disparaging",
     "skaffa ett liv"),
    ("Ledningen tror fortfarande att ett lösenord från 2010 duger. Amatörer.", "respect.disparaging",
     "Amatörer"),
    ("Han som ritade om hela schemat i går är en ren amatör.", "respect.disparaging", "ren amatör"),
    ("Tänker på familjen vars hus på Ekgatan 4 brann i natt.", "pii.address", "Ekgatan 4"),
])
def test_unseen_forms_are_found(draft, code, term):
    review = review_draft(draft, profile=_profile(), policy=BANK)
    assert any(term in h for h in hits(review, draft, code)), (draft, codes(review))


def test_a_general_pointer_to_the_readers_own_application_is_no_matter_to_register():
    draft = "Har du frågor om just din ansökan, mejla oss så tar vi det där i stället för här."
    profile = make_profile(employer="Ekby kommun", role="Studievägledare", expertise=["Skola"])
    assert "public.register" not in codes(review_draft(draft, profile=profile, policy=TOWN))


@pytest.mark.parametrize(("draft", "role"), [
    ("As a nurse at the Ekby day clinic (Granholm Bank AB's health scheme) I see this every week.",
     "Nurse"),
    ("Hälsningar från oss i kassan på Granholm Bank, vi har öppet till sju i kväll!", "Kassör"),
    ("I plan the branch openings at Granholm Bank, and Ekby is next.", "Planner"),
    ("(säljer företagslån på Granholm Bank)\nSnart helg!", "Säljare"),
])
def test_more_everyday_disclosures(draft, role):
    review = review_draft(draft, profile=_profile(role=role), policy=BANK)
    assert "identity.undisclosed" not in codes(review)


def test_the_organisations_social_media_handle_is_a_mention_of_it():
    draft = "Nya sparkontot från @granholmbank är det bästa på marknaden."
    review = review_draft(draft, profile=_profile(), policy=make_policy(org="Granholm Bank"))
    assert {"identity.undisclosed", "opinion.unmarked"} <= set(codes(review))


@pytest.mark.parametrize(("draft", "term"), [
    ("Idioter som aldrig har stått i en kassa borde inte få bestämma öppettiderna.", "Idioter"),
    ("Ledningen har bestämt igen. Totalt hopplösa typer, allihop.", "hopplösa"),
])
def test_contempt_aimed_by_a_relative_clause_or_a_short_verdict(draft, term):
    review = review_draft(draft, profile=_profile(), policy=BANK)
    assert term in hits(review, draft, "respect.disparaging")


@pytest.mark.parametrize(("draft", "found"), [
    ("Grattis familjen Ek som flyttar in på Lindvägen 9 på fredag!", "Lindvägen 9"),
    ("Brickan på nycklarna säger \"K. Lindberg, Ängsvägen 12\". Någon som känner honom?", "Ängsvägen 12"),
])
def test_more_home_addresses_without_postcode(draft, found):
    review = review_draft(draft, profile=_profile(), policy=BANK)
    assert found in hits(review, draft, "pii.address")


def test_a_report_not_published_until_later_is_a_leak_when_hinted_at():
    draft = "Delårsrapporten är inte publicerad förrän i april, men jag kan säga att det ser ljust ut."
    review = review_draft(draft, profile=_profile(), policy=BANK)
    assert "confidential.marker" in codes(review)


@pytest.mark.parametrize("draft", [
    "Den 87-årige mannen från Ekby som fick sin demensdiagnos i våras har nu flyttat till oss.",
    "Killen på andra våningen med missbruket har äntligen fått hjälp av socialtjänsten.",
])
def test_a_person_picked_out_by_age_or_where_they_live_is_under_secrecy(draft):
    profile = make_profile(employer="Ekby kommun", role="Enhetschef", expertise=["Omsorg"])
    assert "public.secrecy" in codes(review_draft(draft, profile=profile, policy=TOWN))


def test_a_view_the_author_reports_hearing_is_not_their_unmarked_opinion():
    draft = "Som vd på Granholm Bank får jag ofta höra att vi borde öppna fler kontor. Det gör vi inte."
    review = review_draft(draft, profile=_profile(role="Vd"), policy=BANK)
    assert "opinion.unmarked" not in codes(review)
