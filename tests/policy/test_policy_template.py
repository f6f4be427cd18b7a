"""Policies made from the built-in template: exact inflections, agreement, the public addendum."""

from __future__ import annotations

import pytest

from omdome.policy import parse_policy
from omdome.policy.inflection import KNOWN_WORDS, InflectionError, noun_for
from omdome.policy.render import to_html, to_markdown
from omdome.policy.template import init_policy


def render(**kwargs) -> str:  # type: ignore[no-untyped-def]
    return to_markdown(parse_policy(init_policy(**kwargs)))


@pytest.fixture(scope="module")
def company_md() -> str:
    return render(org="Exempel AB", sector="private")


@pytest.fixture(scope="module")
def municipality_md() -> str:
    return render(org="Sundby kommun", sector="public", customer_word="invånare", company_word="kommun")


def test_private_company_policy_reads_naturally(company_md):
    assert "# Policy för att skriva och kommentera i sociala medier" in company_md
    assert "möts kunder och företag på samma villkor" in company_md
    assert "representerar företaget" in company_md
    assert "## 4. Respektera företaget och dina kollegor" in company_md
    assert "går emot företagets ställningstaganden" in company_md
    assert "prata med en kund eller en leverantör" in company_md
    assert "ledningen för Exempel AB" in company_md


def test_private_company_policy_has_no_public_sector_addendum(company_md):
    assert "offentlighetsprincipen" not in company_md
    assert "diarieföras" not in company_md
    policy = parse_policy(init_policy(org="Exempel AB", sector="private"))
    assert policy.check("public.register") is None


def test_municipality_policy_substitutes_every_inflection(municipality_md):
    assert "möts invånare och kommuner på samma villkor" in municipality_md
    assert "representerar kommunen" in municipality_md
    assert "## 4. Respektera kommunen och dina kollegor" in municipality_md
    assert "går emot kommunens ställningstaganden" in municipality_md
    assert "prata med en invånare eller en leverantör" in municipality_md
    assert "när en invånare visar att hen är missnöjd" in municipality_md
    for leftover in ("kund", "företag", "{customer", "{company"):
        assert leftover not in municipality_md


def test_municipality_policy_carries_the_addendum_under_rule_4(municipality_md):
    rule4 = municipality_md.split("## 4.")[1].split("## 5.")[0]
    assert "> Tillägg för offentlig sektor: offentlighetsprincipen" in rule4
    assert "diarieföras" in rule4
    policy = parse_policy(init_policy(org="Sundby kommun", sector="public"))
    assert policy.check("public.secrecy")[1].severity == "block"


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("invånare", ("invånare", "invånaren", "invånare", "invånarna", "invånarens")),
        ("medborgare", ("medborgare", "medborgaren", "medborgare", "medborgarna", "medborgarens")),
        ("brukare", ("brukare", "brukaren", "brukare", "brukarna", "brukarens")),
        ("patient", ("patient", "patienten", "patienter", "patienterna", "patientens")),
        ("elev", ("elev", "eleven", "elever", "eleverna", "elevens")),
        ("medlem", ("medlem", "medlemmen", "medlemmar", "medlemmarna", "medlemmens")),
        ("kund", ("kund", "kunden", "kunder", "kunderna", "kundens")),
    ],
)
def test_known_customer_words_have_all_forms(word, forms):
    noun = noun_for(word, "sv")
    assert (noun.form("sg"), noun.form("def"), noun.form("pl"), noun.form("defpl"),
            noun.form("gen")) == forms


@pytest.mark.parametrize(
    ("word", "definite", "genitive", "article", "ours"),
    [
        ("företag", "företaget", "företagets", "ett", "vårt"),
        ("kommun", "kommunen", "kommunens", "en", "vår"),
        ("region", "regionen", "regionens", "en", "vår"),
        ("myndighet", "myndigheten", "myndighetens", "en", "vår"),
        ("förening", "föreningen", "föreningens", "en", "vår"),
        ("organisation", "organisationen", "organisationens", "en", "vår"),
        ("förvaltning", "förvaltningen", "förvaltningens", "en", "vår"),
    ],
)
def test_company_words_agree_in_gender(word, definite, genitive, article, ours):
    from omdome.policy.inflection import substitute

    company = noun_for(word, "sv")
    customer = noun_for("kund", "sv")
    text = substitute("{company.art} {company.sg}; {company.g:vår|vårt} {company.sg}; "
                      "{company.def}, {company.gen}", customer, company)
    assert text == f"{article} {word}; {ours} {word}; {definite}, {genitive}"


def test_explicit_forms_work_for_any_word_and_infer_gender():
    guest = noun_for("gäst,gästen,gäster,gästerna", "sv")
    assert (guest.definite_plural, guest.gender, guest.article()) == ("gästerna", "common", "en")
    firm = noun_for("bolag,bolaget,bolag,bolagen", "sv")
    assert (firm.form("gen"), firm.gender, firm.article()) == ("bolagets", "neuter", "ett")
    md = render(org="Hotell Fjäll", sector="private", customer_word="gäst,gästen,gäster,gästerna",
                company_word="bolag,bolaget,bolag,bolagen")
    assert "möts gäster och bolag på samma villkor" in md
    assert "går emot bolagets ställningstaganden" in md


@pytest.mark.parametrize("value", ["turist", "gäst,gästen", "a,b,c,d,e"])
def test_when_a_word_is_unknown_or_forms_are_incomplete_then_init_says_what_to_give(value):
    with pytest.raises(InflectionError, match="form"):
        init_policy(org="X", sector="private", customer_word=value)


def test_every_known_word_renders_a_valid_policy():
    for word in KNOWN_WORDS["sv"]:
        parse_policy(init_policy(org="X", sector="public", company_word=word, customer_word=word))


def test_english_template_for_a_council():
    md = render(org="Sundby Council", sector="public", language="en", customer_word="resident",
                company_word="council")
    assert "# Policy for writing and commenting in social media" in md
    assert "residents and councils meet on equal terms" in md
    assert "## 4. Respect the council and your colleagues" in md
    assert "talk to a resident or a supplier over lunch" in md
    assert "Public-sector addendum" in md
    assert "customer" not in md and "company" not in md


def test_english_article_follows_the_word():
    md = render(org="Agency", sector="private", language="en", customer_word="user",
                company_word="agency")
    assert "talk to a user" in md
    assert "positions the agency has taken" in md
    md = render(org="Org", sector="private", language="en", customer_word="member",
                company_word="organisation")
    assert "an organisation" not in md  # the template uses "the" before the company word
    assert "talk to a member" in md


def test_html_rendering_escapes_text_from_the_policy_file():
    text = init_policy(org="Evil <script>alert(1)</script> AB", sector="private")
    html = to_html(parse_policy(text))
    assert "<script>alert(1)</script>" not in html
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; AB" in html
    assert html.startswith("<!doctype html>") and '<html lang="sv">' in html
    assert html.count("<h2>") == 5
    assert "@media print" in html


def test_rendered_document_ends_with_version_and_hash():
    md = render(org="Exempel AB", sector="private", version="2.1")
    footer = md.split("---")[-1]
    assert "Version 2.1" in footer and "Innehållshash: `sha256:" in footer
