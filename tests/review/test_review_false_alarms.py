"""Drafts a communications lead wrote to trip the checker up: each once gave a wrong finding."""

from __future__ import annotations

import pytest

from conftest import codes, make_policy, make_profile
from omdome.review import review_draft

SUNDBY = make_policy(org="Sundby kommun", sector="public", customer_word="invånare", company_word="kommun",
                     extra='''
[[topics]]
name = "bygglov"
keywords = ["bygglov*", "bygglovsansökan"]

[[positions]]
topic = "bygglov"
position = "Kommunen handlägger bygglov inom tio veckor."
keywords = ["bygglov*"]
contrary = ["bygglov tar ett år"]
''')
SUNDBY = SUNDBY.model_copy(update={"contact": SUNDBY.contact.model_copy(update={"phones": ["0570-123 00"]}),
                                   "products": ["Sundbybadet"]})
KESTREL = make_policy(org="Kestrel Analytics Ltd", language="en")
NORDVIK = make_policy(org="Nordvik Energi AB")
ANNA = make_profile(employer="Sundby kommun", role="kommunikatör", expertise=["kommunikation"])
OFFICIAL = make_profile(employer="Sundby kommun", role="kommunikatör", account="official")
SAM = make_profile(name="Sam Carter", employer="Kestrel Analytics Ltd", role="data engineer")
ERIK = make_profile(name="Erik Berg", employer="Nordvik Energi AB", role="säljare")


@pytest.mark.parametrize(
    ("draft", "policy", "profile", "code"),
    [
        # The organisation's own switchboard does not make a citizen identifiable.
        ("Hej Ahmed, jag förstår att du är orolig. Ring socialtjänstens reception på 0570-123 00 "
         "så hjälper de dig.", SUNDBY, OFFICIAL, "public.secrecy"),
        # A general "you" in a broadcast.
        ("Till dig som har hemtjänst: din hemtjänst fungerar som vanligt under julhelgerna.", SUNDBY,
         OFFICIAL, "public.secrecy"),
        ("If you receive housing benefit, your housing benefit will be paid on 20 December.", SUNDBY,
         OFFICIAL, "public.secrecy"),
        # A subject of a talk, and the author's own family.
        ("Anna Lindqvist från socialtjänsten föreläser om psykisk ohälsa hos unga den 4 mars.", SUNDBY,
         OFFICIAL, "public.secrecy"),
        ("Min son har adhd och jag är så tacksam för stödet han fått i skolan här i Sundby.", SUNDBY,
         ANNA, "public.secrecy"),
        # Disclosure by a short name, by "här", in the past tense.
        ("Full disclosure: I work for Kestrel. In my opinion Kestrel Cloud is a big step forward.",
         KESTREL, SAM, "identity.undisclosed"),
        ("Jag har jobbat på Nordvik sedan 2019 och Nordvik Energi satsar nu på solceller.", NORDVIK, ERIK,
         "identity.undisclosed"),
        ("Som anställd här i kommunen kan jag berätta att Sundbybadet öppnar i maj.", SUNDBY, ANNA,
         "identity.undisclosed"),
        ("Jag är kommunikatör här och Sundbybadet öppnar i maj.", SUNDBY, ANNA, "identity.undisclosed"),
        # Generic plurals are not the employer.
        ("Kommunerna i Värmland borde samarbeta mer om kollektivtrafiken, tycker jag.", SUNDBY, ANNA,
         "identity.undisclosed"),
        # Words that only look like judgements.
        ("Our forecast for Q3 is out today. Best regards, Sam", KESTREL, SAM, "opinion.unmarked"),
        ("Jag jobbar på Sundby kommun. Vi svarar snarast, oftast samma dag.", SUNDBY, ANNA,
         "opinion.unmarked"),
        ("Jag jobbar på Sundby kommun. Tyvärr är biblioteket stängt i dag, vi ber om ursäkt.", SUNDBY,
         ANNA, "opinion.unmarked"),
        ("Jag jobbar på Sundby kommun. Vi måste stänga badet i helgen på grund av ett läckage.", SUNDBY,
         ANNA, "opinion.unmarked"),
        ("I work at Kestrel. You should renew your licence before 1 April.", KESTREL, SAM,
         "opinion.unmarked"),
        ("Grymt bra jobbat av alla kollegor på Sundby kommun i helgen!", SUNDBY, ANNA, "opinion.unmarked"),
        ("Sundbybadet är kommunens bästa satsning på länge. Jag jobbar på kommunen, men det här är "
         "min egen åsikt.", SUNDBY, ANNA, "opinion.unmarked"),
        # Refusing to share is the rule at work, not a leak.
        ("Det omfattas av sekretess, så jag kan inte svara på frågor om enskilda ärenden här.", SUNDBY,
         OFFICIAL, "confidential.marker"),
        ("Sorry, I can't discuss individual cases here because they're confidential.", KESTREL, SAM,
         "confidential.marker"),
        # Quoting a myth to refute it; a different duration.
        ("Bygglov tar ett år? Nej då, hos oss tar det i regel sex veckor.", SUNDBY, OFFICIAL,
         "position.contradicts"),
        ("Ett bygglov tar i regel sex veckor hos oss.", SUNDBY, OFFICIAL, "position.contradicts"),
        # A reference number is not a personnummer.
        ("Ordernummer 2304121235 – din laddbox skickas i dag!", NORDVIK, ERIK, "pii.personnummer"),
        # Passing a question on is what rule 2 asks for.
        ("Jag skickar den vidare till en kollega på bygglovsenheten som kan bygglov bättre.", SUNDBY, ANNA,
         "expertise.outside"),
        # Self-mockery and a book title.
        ("Jag var en idiot som glömde laddaren, tur att kollegorna räddade mig 😅", SUNDBY, ANNA,
         "respect.disparaging"),
    ],
)
def test_no_false_alarm(draft, policy, profile, code):
    assert code not in codes(review_draft(draft, profile=profile, policy=policy))


@pytest.mark.parametrize(
    ("draft", "policy", "profile", "code"),
    [
        ("Kestrel is hiring! Apply here: https://kestrel.example/jobs", KESTREL, SAM, "identity.undisclosed"),
        ("Vilka idioter det finns på ekonomiavdelningen alltså.", SUNDBY, ANNA, "respect.disparaging"),
        ("Mina arbetskamrater är rena idioter ibland.", SUNDBY, ANNA, "respect.disparaging"),
        ("Vi har pratat med Karin Ek om hennes sjukskrivning.", SUNDBY, OFFICIAL, "public.secrecy"),
        ("Ring meg gjerne på 912 34 567 hvis noe er uklart.", SUNDBY, ANNA, "pii.phone"),
    ],
)
def test_still_caught(draft, policy, profile, code):
    assert code in codes(review_draft(draft, profile=profile, policy=policy))
