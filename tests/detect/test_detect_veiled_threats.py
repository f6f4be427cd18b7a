"""Veiled threats: the forms that name no violence, and the worries and quotes that look like them."""

from __future__ import annotations

import pytest

from omdome.detect.hostility import find_threats
from omdome.triage.features import prepare


def threats(text: str, language: str = "sv") -> list[str]:
    return [span.text for span in find_threats(prepare(text), language)]


def _every_span(form: str) -> list[tuple[int, int]]:
    """The spans every construction finds when each pattern runs on the text, stems or not."""
    from omdome.detect import veiled

    return sorted([m.span() for pattern in veiled.PATTERNS for m in pattern.finditer(form)]
                  + [m.span() for pattern, context, _stems in veiled.WITH_CONTEXT if context.search(form)
                     for m in pattern.finditer(form)])


@pytest.mark.parametrize(("text", "language"), [
    ("Jag vet vilken bil som är din. Den röda Volvon på gästparkeringen. Sov gott.", "sv"),
    ("Vi har sett vilken buss du tar hem på fredagar, handläggaren.", "sv"),
    ("I know exactly when you finish your shift at the depot.", "en"),
    ("Dina barn går på Solskolan, eller hur? Tänk på det.", "sv"),
    ("Det vore synd om något hände ert kontor en natt när ingen är där.", "sv"),
    ("It would be a real shame if something happened to your shop.", "en"),
    ("Om ni lägger ner hallen kommer kansliet att brinna. Det är inget hot, det är ett löfte.", "sv"),
    ("Läkaren som skickade hem min far ska få betala med sitt eget liv.", "sv"),
    ("I'll be waiting for that ticket clerk after her shift tonight.", "en"),
    ("Jeg ved hvilken bil der er din, og hvornår du kører hjem.", "da"),
    ("Det hadde vært leit om noe skjedde med bilen din i natt.", "nb"),
    ("Hoppas stadshuset brinner ner till grunden i natt.", "sv"),
])
def test_a_veiled_threat_is_a_threat(text, language):
    assert threats(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Jag vet var du kan hitta blanketten: på kommunens webb under Bygglov.", "sv"),
    ("Jag vet när ni har öppet, men vet ni själva det?", "sv"),
    ("Det vore synd om badet stängde, det är det enda vi har kvar.", "sv"),
    ("It would be a shame if the library closed for good.", "en"),
    ("Skolan brann i natt enligt polisen, hoppas ingen skadades.", "sv"),
    ("Min granne fick ett sms där det stod 'vi vet var du bor'. Vart vänder man sig?", "sv"),
    ("Vi väntar på besked efter mötet i kväll.", "sv"),
])
def test_a_worry_a_place_or_a_quoted_threat_is_not(text, language):
    assert threats(text, language) == []


@pytest.mark.parametrize(("text", "language"), [
    ("Om min mor inte får sin operation före jul så vet jag var överläkaren bor.", "sv"),
    ("Det här patrasket borde jagas ut ur landet allihop.", "sv"),
    ("Hele hans familie burde brænde op.", "da"),
])
def test_inverted_word_order_and_calls_for_harm_are_threats(text, language):
    assert threats(text, language)


def test_a_feat_praised_with_violent_hyperbole_is_no_threat():
    assert threats("The keeper should be shot for that save 😂 absolute worldie", "en") == []


def test_a_threat_retold_by_someone_who_wants_it_removed_is_no_threat():
    text = "Någon skrev här ovanför att han ska bränna ner kontoret. Ta bort det och polisanmäl."
    assert threats(text) == []


@pytest.mark.slow  # reads every comment the project holds (about 18 s)
def test_the_word_stems_that_skip_a_construction_lose_no_match():
    """Every comment the project holds (training, test and blind sets, threats among them): the
    constructions find the same spans as when each pattern runs on every text."""
    import json
    from pathlib import Path

    from omdome.detect import veiled

    root = Path(__file__).resolve().parents[2]
    files = sorted(root.glob("src/omdome/triage/data/*.jsonl")) + sorted(root.glob("data/triage/**/*.jsonl"))
    texts = [json.loads(line)["text"] for path in files
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 9_000
    found = 0
    for text in texts:
        for form in (text, prepare(text).text):
            every = _every_span(form)
            assert veiled.find_veiled_threats(form) == every, text
            found += bool(every)
    assert found > 300  # the corpus holds veiled threats, so the check compares something


@pytest.mark.parametrize(("text", "language"), [
    ("Tiggarna vid torget borde man bara köra över med snöplogen, problemet löst.", "sv"),
    ("Om inte kommunen slutar så får nån en kula, säg inte att jag inte sa det.", "sv"),
    ("De är en cancer i landet och en cancer skär man bort.", "sv"),
    ("Every one of them is a parasite. Round them up.", "en"),
    ("Sagsbehandleren har to små piger i børnehaven på Birkevej, ikke? Tænk over jeres afgørelse.", "da"),
    ("Hunden verkar gilla er morgonpromenad längs ån, Karin. Man vet aldrig vem man möter.", "sv"),
    ("🔫🔫 kundtjänst imorgon kl 9. ni har blivit varnade", "sv"),
])
def test_more_veiled_and_group_threats(text, language):
    assert threats(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Flyget är inställt, så nu må vi kjøre over fjellet igjen.", "nb"),
    ("Round them up for the team photo at three, please!", "en"),
    ("Min dotter har två barn i förskolan på Ekvägen. Bra personal!", "sv"),
    ("På Tinder vet man aldrig vem man möter 😅", "sv"),
    ("Our pub quiz team will annihilate yours on Friday. You've been warned 😎🍻", "en"),
])
def test_their_look_alikes_are_not(text, language):
    assert not threats(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Rektorns bil står alltid vid gympasalen. Fyra däck är snabbt punkterade och lacken repas lätt.", "sv"),
    ("Your manager's car is parked behind the depot every night. Tyres get slashed easily round here.", "en"),
    ("Handläggaren bor i det vita radhuset vid stationen, eller hur? Bara så du vet.", "sv"),
    ("Sjefen har det røde huset ved fjorden, ikke sant? Tenk på det.", "nb"),
    ("Snart tänder jag på Norrkrafts kontor, ni får se 🔥", "sv"),
    ("We'll torch the depot if the route goes.", "en"),
    ("Hele bestyrelsen burde braende op, alle sammen.", "da"),
    ("De är ohyra allihop, man sprejar och sen är det lugnt.", "sv"),
    ("Det finns en bomb i väntsalen på stationen. Den går av vid lunch.", "sv"),
    ("There's a bomb in your lobby. You have an hour.", "en"),
    ("Ärligt talat borde någon bränna ner ert huvudkontor, då kanske ni vaknar.", "sv"),
    ("Someone should burn your office down, honestly.", "en"),
    ("Vi kommer förbi kontoret på måndag med ett basebollträ.", "sv"),
    ("keep raising the fees and see how long your branch stays standing", "en"),
    ("Jag har sett dig lämna dina barn på förskolan varje morgon.", "sv"),
    ("Om ni stänger biblioteket så smäller det i kommunhuset, lova det.", "sv"),
    ("handläggaren på försäkringskassan 🔪 snart", "sv"),
    ("Chefen bor på Lindgatan 4. Åk dit och visa honom vad vi tycker.", "sv"),
])
def test_damage_a_home_a_fire_a_bomb_an_armed_visit_a_routine_and_an_address_are_threats(text, language):
    """Easy damage, an official's home, a fire set, Danish without æ; a bomb, a call to wreck, an
    armed visit, a routine watched, an address given."""
    assert threats(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Däcken på vinterbilen punkteras lätt på grusvägen, köp dubbdäck i stället.", "sv"),
    ("Lacken på min bil repas lätt i er biltvätt, det är tredje gången!", "sv"),
    ("Bilen står på gatan och däcken är punkterade, kan ni hjälpa?", "sv"),
    ("Jag tänder verkligen på kommunens nya kontor, så snyggt.", "sv"),
    ("Jag tänder på det nya biblioteket, vilken pärla!", "sv"),
    ("Har ni kvar huset på Ängsvägen, eller hur? Vi saknar er i föreningen.", "sv"),
    ("Vi sprejar mot ogräs på lördag, ta med handskar.", "sv"),
    ("Filmen där de spränger bron var helt otrolig, se den!", "sv"),
    ("Bomben i Hiroshima fälldes 1945, läste om det i skolan.", "sv"),
    ("Någon borde bränna en skiva med alla låtarna från konserten!", "sv"),
    ("Vi kommer förbi med en tårta på fredag, grattis på jubileet!", "sv"),
    ("Hur länge står julgranen kvar på torget i år?", "sv"),
    ("Jag har sett dig gå hem från träningen, du springer fort! Grym form.", "sv"),
    ("Det kommer smälla i hela stan på nyår, ta hand om hundarna.", "sv"),
    ("Ny kockkurs med knivteknik 🔪 snart på biblioteket!", "sv"),
    ("Vi bor på Lindgatan 4 och undrar när soptunnan töms.", "sv"),
])
def test_their_look_alikes_are_not_either(text, language):
    assert not threats(text, language)


def test_the_one_scan_for_stems_finds_overlapping_and_nested_stems():
    """Stems inside stems, stems that overlap, and stems that start where a longer one starts all
    decide which constructions run, as a substring test of each stem would."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from omdome.detect import veiled

    pieces = st.sampled_from([*veiled._ALL_STEMS, " ", "?", ".", "jag ", "vi ", "du ", "ni ", "bor på ", "gatan 12 ",
                              "🔪", "🔥", " snart", "rektorn ", "eller hur", "ikke sant", "åk dit", "i natt"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=25).map("".join))
    def same_as_every_pattern(text: str) -> None:
        assert veiled.find_veiled_threats(text) == _every_span(text)

    same_as_every_pattern()


@pytest.mark.parametrize(("text", "language"), [
    ("Hoppas alla i kulturnämnden har brandvarnare som funkar hemma i jul.", "sv"),
    ("Ert förråd bakom hallen är fullt av gamla pallar som brinner fint. Tänk på saken.", "sv"),
    ("Your Malmö branch is going to have a really bad Friday if my claim isn't paid.", "en"),
    ("If the clinic cancels again, someone at that clinic is getting hurt.", "en"),
    ("Nån som jobbar på stationen? Ge honom en rejäl smocka från mig när han går hem.", "sv"),
    ("Nästa gång slår jag sönder automaten och den som sitter i kassan bredvid.", "sv"),
    ("Stänger ni gymmet ska vi se till att ingen i personalen har en hel bil kvar.", "sv"),
    ("Vattenverket kommer inte att stå kvar till jul, det kan jag lova er.", "sv"),
    ("Rektorn på skolan går alltid hem genom parken vid halv sex. Väldigt mörkt där nu.", "sv"),
    ("Cute townhouse, @lena_reporter. Ground floor, lots of glass.", "en"),
    ("tar med brorsans balltre till depån imorgon, ingen skämt", "sv"),
    ("Rører dere banen vår, så brenner vi klubbhuset ned.", "nb"),
    ("röstar ni för nedläggningen vet ni vad som väntar 🔪", "sv"),
    ("Presenteren fortjener juling etter sendingen. Hvem blir med?", "nb"),
    ("Hoppas kommunalrådet kör av vägen i kväll. Annars finns det folk här som kan ordna det.", "sv"),
    ("Jag noterar också att ni lämnar er son vid fritids varje morgon.", "sv"),
    ("Jag kommer till mötet på tisdag, och då ska ni få förstå hur det känns.", "sv"),
    ("Synd om något hände med den nya skylten ni satt upp 😉", "sv"),
])
def test_veiled_threats_of_more_kinds(text, language):
    assert threats(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Räddningstjänsten påminner: testa brandvarnaren hemma före jul!", "sv"),
    ("Björkveden från er gård brinner fint, beställer igen nästa år.", "sv"),
    ("Slip the ice off the steps before someone gets hurt, please.", "en"),
    ("Is it safe to walk home from the station after dark? The path looks unlit.", "en"),
    ("Den gamla simhallen kommer inte att stå kvar efter 2028 enligt planen.", "sv"),
    ("Lena går hem kl 17 och då stänger receptionen, ring före dess.", "sv"),
    ("Tar med kaffe och bullar till mötet på torsdag!", "sv"),
    ("Vet ni vad som väntar i vår? Ett helt nytt bibliotek!", "sv"),
])
def test_a_reminder_a_worry_or_a_plan_is_no_threat(text, language):
    assert threats(text, language) == []
