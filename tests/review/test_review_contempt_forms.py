"""Contempt without an insult word, and the near misses a respect check must leave alone.

Also verdicts and reminders that speak as one who knows (rule 2), and leaks said as "more I
cannot say" (rule 4). Every example is written for this test.
"""

from __future__ import annotations

import pytest

from conftest import codes, make_policy, make_profile
from omdome.review import review_draft

SHOP = make_policy(org="Lindfors Livs AB", extra="""
[[topics]]
name = "Livsmedelssäkerhet"
keywords = ["återkallad*", "recalled", "listeria", "salmonella"]

[[topics]]
name = "Bonusprogram"
keywords = ["bonuspoäng*", "points"]
""")


def _review(draft: str, **profile):  # type: ignore[no-untyped-def]
    values = {"employer": "Lindfors Livs AB", "role": "Kassamedarbetare", "expertise": ["Butiksdrift"], **profile}
    return review_draft(draft, profile=make_profile(**values), policy=SHOP)


@pytest.mark.parametrize("draft", [
    "Tack Kenneth för att du 'städade' lagret i går. Nu hittar ingen någonting 🙃",
    "Shoutout to Mia, who 'helped' with the stocktake by counting one shelf three times.",
    "Kan Roger ens räkna till tio? Femte gången i veckan som pallen hamnar i frysen.",
    "Our new director couldn't run a lemonade stand with a map and a manual.",
    "Nya schemat ser ut att vara gjort av någon som har lika bra koll som min katt, chefen.",
    "Ledningen har aldrig satt sin fot i en butik en lördag, och det märks på varje beslut.",
    "The people who wrote this policy haven't spoken to a customer since 2015.",
    "Kassasystemet har kraschat fyra gånger i dag och ledningen har inte svarat. Imponerande.",
    "Ni som klagar på kön i kommentarerna: ni vet vilka ni är.",
    "Att ingen i ledningsgruppen har satt sin fot på lagret sedan flytten märks tydligt.",
    "Planen kommer från en konsult i Göteborg som aldrig sett en kassa i verkligheten.",
    "Jag undrar om chefen ens kan läsa en offert, med tanke på hur beställningen blev.",
    "Tre kunder i dag som ställde vagnen i dörren. Somliga borde inte få röra kaffebryggaren.",
    "Head office cancelled every Saturday break again. Truly visionary work.",
    "Inventeringen blev fel igen, trots tre genomgångar. Vilket geni.",
    "Kenneth, ska jag rita en bild till dig över var mjölken står?",
    "Vår nya chef har lika mycket fingertoppskänsla som en brevlåda.",
])
def test_contempt_by_construction_is_disparaging(draft):
    assert "respect.disparaging" in codes(_review(draft))


@pytest.mark.parametrize("draft", [
    "En kund kallade mig 'inkompetent' i dag. Det är inte okej, och vi står upp för varandra.",
    "'Idioter allihop' – så skrev någon om oss i går. Här är vad vi faktiskt gjorde.",
    "Vår butikschef är helt hopplös på Excel, men hon är den bästa chefen jag haft.",
    "Cyklade till jobbet i regnet och ser ut som en dränkt katt i dag.",
    "Jag kan inte ens räkna hur många kaffe jag druckit i dag ☕",
    "Tack Kenneth för att du ställde upp i helgen, utan dig hade vi inte klarat det!",
    "Kunden sa 'tack, ni är bäst' när hon gick. Sånt värmer.",
    "Ingen har sagt något om öppettiderna än, så vi kör som vanligt i helgen.",
    "I have never set foot in the new warehouse myself, so I asked Lina to show me round.",
    "Efter nattpasset undrade jag om jag ens kan räkna kvitton längre 😅",
    "Alla borde få chansen att prova kassan en dag, det är roligare än man tror.",
    "Vilket geni till kollega vi har fått, Lina fixade frysen på fem minuter! 🙌",
])
def test_teasing_quoting_and_self_irony_are_not_disparaging(draft):
    assert "respect.disparaging" not in codes(_review(draft))


@pytest.mark.parametrize("draft", [
    "Cashier here – the recalled cheese is totally safe if you cook it, no need to return it.",
    "Reminder: Lindfors Livs points expire on 31 Dec, use them or lose them!",
    "Sanningen är att listeria inte är farligt om man är frisk.",
])
def test_a_verdict_or_a_term_outside_ones_field_is_outside_expertise(draft):
    assert "expertise.outside" in codes(_review(draft))


def test_a_passing_mention_of_a_topic_is_no_claim():
    draft = "Jobbar i kassan på Lindfors Livs. Såg att vi fått en ny hylla för återkallade varor i dag."
    assert "expertise.outside" not in codes(_review(draft))


@pytest.mark.parametrize("draft", [
    "Stora nyheter om butiken i Ekby är på gång, mer kan jag inte säga förrän pressmeddelandet är ute 😉",
    "Jobbar på Lindfors Livs och får egentligen inte säga något, men håll utkik efter nya öppettider.",
])
def test_a_hint_with_more_i_cannot_say_is_a_leak(draft):
    assert "confidential.marker" in codes(_review(draft))


@pytest.mark.parametrize("draft", [
    "Kanske läsa fakturan innan du skriker i flödet nästa gång?",
    "Maybe try reading the terms before you post another rant.",
    "Hälften av er klarar inte ens att fylla i en blankett utan att ringa tre gånger.",
    "Tack till kostymnissarna på huvudkontoret för ännu en omorganisation.",
    "Jeg gider ikke de her landsbytosser der ringer hver dag.",
])
def test_talking_down_and_plain_names_are_contempt(draft):
    assert "respect.disparaging" in codes(_review(draft))


@pytest.mark.parametrize("draft", [
    "Kanske läsa på om bidraget innan du ansöker? Här finns en bra guide.",
    "Jag klarar inte ens att fylla i min egen deklaration utan hjälp, så jag förstår er.",
])
def test_friendly_advice_and_self_mockery_are_not(draft):
    assert "respect.disparaging" not in codes(_review(draft))
