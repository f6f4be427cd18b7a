"""More everyday forms of disclosure, home addresses and secrecy, and their near misses.

Each example is phrased as staff write on their own accounts; the ones that must stay clean
are next to the ones that must not.
"""

from __future__ import annotations

import pytest

from conftest import codes, hits, make_policy, make_profile
from omdome.review import review_draft

BANK = make_policy(org="Granholm Bank AB")
TOWN = make_policy(org="Ekby kommun", sector="public", customer_word="invånare", company_word="kommun")


def at_bank(draft: str, role: str = "Analytiker"):  # type: ignore[no-untyped-def]
    """The review of ``draft`` by someone at Granholm Bank in ``role``."""
    return review_draft(draft, profile=make_profile(employer="Granholm Bank AB", role=role), policy=BANK)


# --- rule 1: more ways of saying where you work ----------------------------------------------

@pytest.mark.parametrize(("draft", "role"), [
    ("Eight years of balancing ledgers for Granholm Bank as an accountant 😅 Tip: keep your receipts.",
     "Accountant"),
    ("Controller by day (Granholm Bank pays for my coffee ☕). Pay off the expensive loans first.", "Controller"),
    ("Fick frågan på festen igen 🙈 Jobbar med bolån på Granholm Bank sen 2019, så fråga gärna.", "Bolånehandläggare"),
    ("Kört värdetransporter för Granholm Bank sen 2012, så jag vet ett och annat om kontanter.", "Chaufför"),
    ("Shoutout to Eva on our mortgage team at Granholm Bank, she stayed late to help a customer.", "Analyst"),
    ("Jeg er rådgiver i privatøkonomi og pension hos Granholm Bank, og jeg får tit det spørgsmål.", "Rådgiver"),
])
def test_a_disclosure_in_passing_satisfies_rule_1(draft, role):
    review = at_bank(draft, role)
    assert "identity.undisclosed" not in codes(review)


@pytest.mark.parametrize("draft", [
    "As a result, Granholm Bank has the lowest fees in town.",
    "Granholm Bank har funnits sedan 1902 och är bäst i stan.",
])
def test_a_sentence_about_the_organisation_is_still_no_disclosure(draft):
    review = at_bank(draft)
    assert "identity.undisclosed" in codes(review)


# --- rule 4: a home without a postcode ---------------------------------------------------------

@pytest.mark.parametrize(("draft", "address"), [
    ("Vi samlar till en blomma åt Gun. Lägg ett kuvert i min brevlåda på Tallstigen 7.", "Tallstigen 7"),
    ("Fest hos Kim på fredag 🎉 Rönnvägen 12, portkod 1234, 2 tr.", "Rönnvägen 12"),
    ("Someone should leave his bin at Mill Road 4 unemptied for a while.", None),
    ("Hittade en cykel vid soptunnan på Ekvägen 5 i dag. Mannen som bor där blev glad.", "Ekvägen 5"),
    ("Lämna paketet hos min kollega Jonas på Norra Esplanaden 8B, han är hemma i kväll.", "Norra Esplanaden 8B"),
])
def test_an_address_that_is_someones_home_is_personal_data(draft, address):
    review = review_draft(draft, profile=make_profile(employer="Granholm Bank AB"), policy=BANK)
    if address is None:
        assert "pii.address" not in codes(review)  # an English street form needs its number first
    else:
        assert hits(review, draft, "pii.address") == [address]


@pytest.mark.parametrize("draft", [
    "Vi ses på Västra Esplanaden 12 i morgon klockan nio.",
    "Nya kontoret på Kungsgatan 5 öppnar i maj, välkomna!",
    "Mottagningen på Sjukhusvägen 1 har öppet till sju.",
])
def test_a_public_place_is_no_home_address(draft):
    review = review_draft(draft, profile=make_profile(employer="Granholm Bank AB"), policy=BANK)
    assert "pii.address" not in codes(review)


# --- rule 4, public sector: secrecy ------------------------------------------------------------

@pytest.mark.parametrize("draft", [
    "Körde in grannen Per Holmberg i går kväll. Han ligger kvar på IVA men klarar sig.",
    "Fick stänga av vattnet hos en familj i dag, pappan Tomas har skulder hos Kronofogden.",
    "Eva Lindgren ringde tre gånger om sina provsvar för sköldkörteln i dag.",
])
def test_health_or_debts_of_someone_identifiable_are_under_secrecy(draft):
    profile = make_profile(employer="Ekby kommun", role="Undersköterska", expertise=["Vård"])
    assert "public.secrecy" in codes(review_draft(draft, profile=profile, policy=TOWN))


@pytest.mark.parametrize("draft", [
    "Per Holmberg höll ett fint tal i går. Han pratade om hur viktig intensivvården är.",
    "Provsvar brukar komma inom en vecka; ring oss om du väntat längre.",
])
def test_care_words_without_anyone_identifiable_are_no_secrecy(draft):
    profile = make_profile(employer="Ekby kommun", role="Undersköterska", expertise=["Vård"])
    assert "public.secrecy" not in codes(review_draft(draft, profile=profile, policy=TOWN))


# --- rule 1: the author pointing at themselves; a colleague as "ours"; a signature's role ----------

@pytest.mark.parametrize(("draft", "role"), [
    ("Påminnelse från controllern på Granholm Bank, alltså jag 🙋 Stäm av kvittona varje månad.", "Controller"),
    ("Hot take from Granholm Bank's sustainability lead (that's me): paper statements should go.", "Hållbarhetschef"),
    ("A shout-out to Kent, our caretaker at Granholm Bank for 22 years, who retires on Friday.", "Analyst"),
    ("As analyst at Granholm Sparbank I'll be straight with you: the new app is late.", "Analyst, Kreditavdelningen"),
    ("Hej alla kunder på Granholm Bank!\nVi har öppet som vanligt i sommar.\nCamilla Berg, rådgivare",
     "Rådgivare, Kontoret i Ekby"),
])
def test_more_ways_of_saying_it_is_you_satisfy_rule_1(draft, role):
    profile = make_profile(employer="Granholm Bank AB", role=role, name="Camilla Berg")
    review = review_draft(draft, profile=profile, policy=BANK)
    assert "identity.undisclosed" not in codes(review)


@pytest.mark.parametrize("draft", [
    "Våra barn på Granholm Bank-skolan… nej, men Granholm Bank har bäst räntor just nu.",
    "Our kids at the Granholm Bank summer camp loved it. Granholm Bank is the best bank in town.",
    "Hot take: Granholm Bank's new app is the best in the Nordics (my opinion, obviously).",
])
def test_family_or_a_bare_opinion_is_still_no_disclosure(draft):
    review = at_bank(draft)
    assert "identity.undisclosed" in codes(review)


# --- rule 4: homes named by who lives there, and a street written before its number ------------------

@pytest.mark.parametrize(("draft", "address"), [
    ("Har en kund som bor i en etta på Kvarngatan 17 och inte klarar hyran.", "Kvarngatan 17"),
    ("Klassfesten blir hemma hos Linneas mamma Jenny, Blåbärsvägen 9 uppe på Åsen.", "Blåbärsvägen 9"),
    ("Han på Lärkgatan 3C ringde för tredje gången i dag.", "Lärkgatan 3C"),
    ("Sen åker vi hem till dom, de bor på Björkstigen i Vallentuna, nr 4.", "Björkstigen i Vallentuna, nr 4"),
])
def test_a_home_named_by_who_lives_there_is_personal_data(draft, address):
    review = review_draft(draft, profile=make_profile(employer="Granholm Bank AB"), policy=BANK)
    assert hits(review, draft, "pii.address") == [address]


@pytest.mark.parametrize("draft", [
    "Vi har öppet hus på Ekvägen 3 på lördag, välkomna!",
    "Hon jobbar på Storgatan 12 numera.",
    "Vi ses på Kungsgatan 4 kl 10.",
])
def test_a_place_or_a_workplace_address_is_no_home(draft):
    review = review_draft(draft, profile=make_profile(employer="Granholm Bank AB"), policy=BANK)
    assert "pii.address" not in codes(review)


# --- rule 2: verdicts without a verb, irregular and Nordic superlatives ---------------------------

@pytest.mark.parametrize("draft", [
    "Byt till Granholm Bank i dag. Bästa appen på marknaden, och snabbast svar.",
    "Granholm Bank er endelig kommet til Viby 🙌 Danmarks hurtigste bank og den nemmeste app nogensinde.",
    "Our savings team at Granholm Bank got a new office. It'll be the best branch in the Nordics, full stop.",
])
def test_a_verdict_on_the_organisation_needs_marking(draft):
    review = at_bank(draft)
    assert "opinion.unmarked" in codes(review)


@pytest.mark.parametrize("draft", [
    "Byt till Granholm Bank i dag. Bästa appen på marknaden, tycker jag i alla fall.",
    "Vi ses på Granholm Bank i morgon. Bästa hälsningar, Anna",
])
def test_a_marked_verdict_or_a_greeting_needs_nothing(draft):
    review = at_bank(draft)
    assert "opinion.unmarked" not in codes(review)


@pytest.mark.parametrize("draft", [
    "Träffade en sökande i dag. Killen från Ekby som var med i lokaltidningen i våras, ni vet. "
    "Han söker nu med särskilda skäl eftersom han har minnesproblem efter hjärnskadan.",
    "Grabben på Lönnvägen 12 har vi koll på. Han har kontakt med socialen och det jobbas med hans missbruk.",
])
def test_someone_picked_out_by_place_or_the_news_is_identifiable(draft):
    profile = make_profile(employer="Ekby kommun", role="Studievägledare", expertise=["Utbildning"])
    assert "public.secrecy" in codes(review_draft(draft, profile=profile, policy=TOWN))


def test_a_brain_injury_as_a_subject_is_no_secrecy():
    draft = "Vi bjuder in till föreläsning om livet efter en hjärnskada, torsdag kl 18 på biblioteket."
    profile = make_profile(employer="Ekby kommun", role="Bibliotekarie", expertise=["Bibliotek"])
    assert "public.secrecy" not in codes(review_draft(draft, profile=profile, policy=TOWN))


def test_a_place_with_a_capitalised_name_is_no_person_at_home():
    draft = "Drop-in har flyttat till Familjecentralen Björken på Torggatan 3. Samma tider som förut."
    review = review_draft(draft, profile=make_profile(employer="Ekby kommun"), policy=TOWN)
    assert "pii.address" not in codes(review)


def test_a_full_name_before_an_address_is_still_a_home():
    draft = "Paketet ska till Eva Nilsson på Lindvägen 3, hon är hemma efter fem."
    review = review_draft(draft, profile=make_profile(employer="Ekby kommun"), policy=TOWN)
    assert hits(review, draft, "pii.address") == ["Lindvägen 3"]


def test_thanks_are_no_verdict_to_mark():
    draft = ("As project manager at Granholm Bank, I want to thank our partners for three years of good "
             "cooperation.")
    review = at_bank(draft, "Project manager")
    assert "opinion.unmarked" not in codes(review)


CAMPUS = make_policy(org="Ekby högskola", sector="public", extra="""
[[positions]]
topic = "Campus"
position = "Högskolan behåller Campus Åby."
keywords = ["Åby*", "stäng*"]
contrary = ["Campus Åby ska stängas", "Åby stängs"]
""")


@pytest.mark.parametrize(("draft", "contradicts"), [
    ("Campus Åby ska stängas nästa år, det är bestämt.", True),
    ("Vi har inga planer på att stänga något campus, och Åby får två nya labbsalar.", False),
    ("Biblioteket på Campus Åby håller stängt i morgon fredag på grund av ett planerat strömavbrott.", False),
])
def test_a_position_is_contradicted_by_the_claim_not_by_its_denial_or_a_one_off(draft, contradicts):
    profile = make_profile(employer="Ekby högskola", role="Rektor", account="official")
    assert ("position.contradicts" in codes(review_draft(draft, profile=profile, policy=CAMPUS))) is contradicts


@pytest.mark.parametrize("draft", [
    "Jag är rådgivare på Granholm Bank. Tråkigt att höra att ingen ringde upp dig.",
    "I built the new savings flow in the Granholm Bank app. The biggest lesson for me: test with real people early.",
    "Analyst at Granholm Bank here. Better safe than sorry.",
])
def test_sympathy_a_saying_or_ones_own_lesson_is_no_verdict(draft):
    review = at_bank(draft)
    assert "opinion.unmarked" not in codes(review)


def test_a_negation_in_another_clause_does_not_deny_the_claim():
    draft = "Det är inte officiellt än, men Campus Åby ska stängas efter sommaren."
    profile = make_profile(employer="Ekby högskola", role="Rektor", account="official")
    assert "position.contradicts" in codes(review_draft(draft, profile=profile, policy=CAMPUS))


# --- spoken disclosures, set phrases and indirect questions ------------------------------------

@pytest.mark.parametrize(("draft", "role"), [
    ("Ja har jobbat i kassan på Granholm Bank i femton år å trivs fortfarande.", "Kassör"),
    ("Jeg kjører verditransport for Granholm Bank, og i dag var det glatt på veiene.", "Sjåfør"),
    ("Idag släppte vi Granholm Banks kvartalsrapport. Som CFO vill jag peka på två saker.", "CFO"),
])
def test_spoken_forms_and_an_own_role_introduced_disclose(draft, role):
    review = at_bank(draft, role)
    assert "identity.undisclosed" not in codes(review)


@pytest.mark.parametrize("draft", [
    "Ja, Granholm Bank har öppet på lördag.",  # "Ja" is the answer here, not "jag"
    "Jag kör ofta förbi Granholm Bank på väg till jobbet.",
])
def test_yes_and_driving_past_are_no_disclosure(draft):
    review = at_bank(draft)
    assert "identity.undisclosed" in codes(review)


@pytest.mark.parametrize("draft", [
    "I work on the Granholm Bank app. Last night's outage was our mistake, and we're writing up what went wrong.",
    "Jag jobbar på Granholm Bank och har goda nyheter: vi öppnar ett kontor i Ekby.",
    "Jag jobbar på Granholm Bank sen tio år. Bästa arbetsplatsen, tycker ja iaf ❤️",
])
def test_a_mishap_told_good_news_and_a_spoken_marker_are_no_unmarked_verdict(draft):
    review = at_bank(draft, "Utvecklare")
    assert "opinion.unmarked" not in codes(review)


def test_a_verdict_beside_good_news_is_still_one():
    draft = "Jag jobbar på Granholm Bank. Goda nyheter: vi har nu landets bästa app."
    review = at_bank(draft, "Utvecklare")
    assert "opinion.unmarked" in codes(review)


def test_a_claim_in_an_indirect_question_is_not_made():
    profile = make_profile(employer="Ekby högskola", role="Studievägledare")
    for draft in ("Jag jobbar på Ekby högskola och får ofta frågan huruvida Campus Åby ska stängas. Nej!",
                  "Students keep asking me whether Campus Åby stängs. It does not."):
        assert "position.contradicts" not in codes(review_draft(draft, profile=profile, policy=CAMPUS))


@pytest.mark.parametrize(("draft", "address"), [
    ("Idag ringde en pappa på Lönnvägen 6 i Ekby, han var orolig för sitt lån.", "Lönnvägen 6"),
    ("Thanks Greta! We'll post the voucher to Alvägen 3, the address on your letter.", "Alvägen 3"),
])
def test_a_parent_at_an_address_and_the_address_from_a_letter_are_personal_data(draft, address):
    review = review_draft(draft, profile=make_profile(employer="Granholm Bank AB"), policy=BANK)
    assert hits(review, draft, "pii.address") == [address]


# --- the author's own work at the employer, said in passing ------------------------------------

@pytest.mark.parametrize(("draft", "role"), [
    ("Rådgivare på Granholm Bank 👋 Kom ihåg att se över ditt sparande innan årsskiftet.", "Analytiker"),
    ("Kundtjänsttjej på Granholm Bank här – svaret på frågan i tråden står i appen.", "Kundtjänst"),
    ("(I answer the phones at Granholm Bank) Please never give anyone your card code.", "Analyst"),
    ("Da jeg låste af for Granholm Bank i går, stod der en ræv på parkeringen 🦊", "Vagt"),
    ("Sex år på Granholm Bank och jag har aldrig sett så många nya kunder som i år.", "Analytiker"),
    ("Alla kolleger på Granholm Bank är välkomna på julbordet, anmälan i kanalen!", "Analytiker"),
    ("From someone who works at Granholm Bank: the new app is out on Monday.", "Developer"),
    ("Jag städar kontoren åt Granholm Bank sen i våras och trivs bra.", "Lokalvårdare"),
    ("Vakt på Granholm Bank 🌙 Ikväll var det lugnt, bara en katt i entrén.", "Väktare"),
    ("I've cleaned the vaults at Granholm Bank for years, and nobody has ever found a ghost.", "Cleaner"),
    ("As the person running the Granholm Bank app team, I read every review you write.", "Team lead"),
])
def test_work_said_in_passing_discloses(draft, role):
    review = at_bank(draft, role)
    assert "identity.undisclosed" not in codes(review)


@pytest.mark.parametrize("draft", [
    "Tack till teamet på Granholm Bank för snabb hjälp med lånet!",
    "Jag har varit kund i tio år hos Granholm Bank och är nöjd.",
    "I bank with Granholm Bank and their app is fine.",
    "Jag bor granne med Granholm Bank och hör larmet varje natt.",
    "Kaos på Granholm Bank idag, kön ringlade ut på gatan.",
])
def test_a_customer_or_a_neighbour_is_no_employee(draft):
    review = at_bank(draft)
    assert "identity.undisclosed" in codes(review)


# --- rule 1: working life in one's own words, and whose job a sentence is about --------------

@pytest.mark.parametrize("draft", [
    "Tredje nattpasset i rad, och Granholm Bank har fortfarande inte fixat kaffemaskinen på mitt kontor. Min chef "
    "lovar bot.",
    "Alla våra kunder på Granholm Bank får nya kort i höst, så håll utkik i brevlådan.",
    "Teamet mitt har byggt om hela Granholm Bank-appen i vår, och vi läser varje kommentar.",
    "Vi på kreditavdelningen har slitit hela veckan för att Granholm Bank ska klara bokslutet.",
    "Hälsar från nattskiftet på Granholm Bank, där servrarna får ny mjukvara i natt.",
    "Det vet alla som jobbar här: Granholm Bank har aldrig haft så många nya sparare.",
])
def test_working_life_in_ones_own_words_discloses_employment(draft):
    assert "identity.undisclosed" not in codes(at_bank(draft))


@pytest.mark.parametrize("draft", [
    "Min syster är analytiker på Granholm Bank och säger att räntan sjunker snart.",
    "My neighbour who works at Granholm Bank says the new app is the best on the market.",
    "Jag jobbade på Granholm Bank i sju år men slutade 2021, och deras app är fortfarande bäst.",
    "Som kund på Granholm Bank sedan barnsben tycker jag att den nya appen är den bästa på marknaden.",
    "Ringde Granholm Banks kundtjänst i dag och fick hjälp på två minuter, bästa banken!",
    "Just applied for a role at Granholm Bank, the best bank in town. Fingers crossed!",
    "Strular bankappen på jobbet? Byt till Granholm Bank, den bästa appen på marknaden.",
])
def test_someone_elses_job_a_job_left_or_a_customers_view_is_no_disclosure(draft):
    assert "identity.undisclosed" in codes(at_bank(draft))
