"""Numbers that look like personal data but are not, and several kinds in one text.

A false alarm on a date or a register number costs the user trust, so each look-alike
must give no span at all, not merely no span of the tempting kind.
"""

from __future__ import annotations

import pytest

from detect.check_digits import luhn_check_digit
from omdome.detect.personal_data import find_personal_data


def isbn13(first12: str) -> str:
    """ISBN-13 with its check digit: weights 1, 3, 1, 3, … and mod 10."""
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


ISBN = isbn13("978917343123")
ISBN_HYPHENATED = f"{ISBN[:3]}-{ISBN[3:5]}-{ISBN[5:9]}-{ISBN[9:12]}-{ISBN[12]}"
ORGNR_AB = "556677" + "889" + luhn_check_digit("556677889")  # aktiebolag: third digit ≥ 2
ORGNR_KOMMUN = "212000" + "014" + luhn_check_digit("212000014")


def test_when_lookalike_helpers_build_numbers_then_check_digits_are_right() -> None:
    assert isbn13("978030640615") == "9780306406157"  # the textbook example of ISBN-13
    assert ORGNR_KOMMUN == "2120000142"  # Stockholms stad's published organisationsnummer


LOOKALIKES = [
    # Dates in every common notation.
    pytest.param("Beslutet fattades 2026-11-25 av nämnden.", id="iso-date"),
    pytest.param("Beslutet fattades 25/11/2026 av nämnden.", id="slash-date"),
    pytest.param("Filen heter protokoll_20261125.pdf men kallas 20261125 i listan.",
                 id="compact-date"),
    pytest.param("Sista dag för ansökan är 25.11.2026.", id="dotted-date"),
    pytest.param("Utställningen pågår 2026-11-25–2026-12-01 i foajén.", id="date-range-dash"),
    pytest.param("Utställningen pågår 2026-11-25 – 2026-12-01 i foajén.", id="date-range-spaced"),
    pytest.param("Perioden 20261125-20261201 faktureras i december.", id="compact-date-range"),
    pytest.param("Mötet hålls 25/11 kl. 08.00 i stora salen.", id="day-month"),
    # Register numbers, diary numbers and statute references.
    pytest.param("Ärendet KS 2026/1234 behandlas i december.", id="ks-register"),
    pytest.param("Dnr 2025-00417 ska anges i alla kontakter.", id="dnr"),
    pytest.param("Se ärende BN 2024/123-4 om bygglov.", id="bn-register"),
    pytest.param("Diarienummer KS 2025/0417-1 gäller överklagandet.", id="dnr-with-suffix"),
    pytest.param("Enligt SFS 2009:400 gäller sekretess för uppgiften.", id="sfs"),
    pytest.param("Läs 26 kap. 1 § OSL och SFS 2018:218.", id="statute"),
    # Book numbers.
    pytest.param(f"Boken har ISBN {ISBN_HYPHENATED} och finns på biblioteket.", id="isbn-hyphens"),
    pytest.param(f"Boken har ISBN {ISBN} och finns på biblioteket.", id="isbn-compact"),
    # Money.
    pytest.param("Renoveringen kostar 12 345 kr enligt offerten.", id="kronor"),
    pytest.param("Budgeten är 1 234 567,50 kronor för hela året.", id="kronor-decimals"),
    pytest.param("The laptop costs $1,299.00 including VAT.", id="dollars"),
    pytest.param("Avgiften är SEK 4 500 per termin.", id="sek-prefix"),
    pytest.param("Bidraget är 1 500 000 kr över tre år.", id="million"),
    pytest.param("Sverige hade 10 551 707 invånare vid årsskiftet.", id="population"),
    # Versions and times.
    pytest.param("Uppgradera till v2.10.3 före fredag.", id="version"),
    pytest.param("Vi kör Python 3.11.7 i produktion.", id="python-version"),
    pytest.param("Receptionen har öppet kl. 08.00–16.30 på vardagar.", id="opening-hours"),
    pytest.param("Telefontid 08.30-11.30 och 13.00-15.00.", id="phone-hours"),
    pytest.param("Vi ses kl 08:00-16:30 på kontoret.", id="colon-times"),
    # Organisation numbers are not personal data.
    pytest.param(f"Org.nr {ORGNR_AB[:6]}-{ORGNR_AB[6:]} står på fakturan.", id="orgnr-ab"),
    pytest.param("Organisationsnummer 556677-8899 finns i Bolagsverkets register.",
                 id="orgnr-example"),
    pytest.param(f"Stadens organisationsnummer är {ORGNR_KOMMUN[:6]}-{ORGNR_KOMMUN[6:]}.",
                 id="orgnr-kommun"),
    # Postcodes on their own.
    pytest.param("Postnummer 123 45 hör till Stockholm.", id="postcode"),
    pytest.param("Skriv SE-123 45 på kuvertet.", id="postcode-se"),
    pytest.param("Postnumret 41263 hör till Göteborg.", id="postcode-compact"),
    # Order and reference numbers that fail every check.
    pytest.param("Ordernummer 4571 2345 6789 0123 har skickats.", id="order-card-shape"),
    pytest.param("Ordernummer 1234567890 har skickats.", id="order-ten-digits"),
    pytest.param("Fakturanummer 0012345678 betalas inom 30 dagar.", id="invoice-leading-zeros"),
    pytest.param("Ange OCR 1234567890123 vid betalning.", id="ocr"),
    pytest.param("Beställning 811228-9875 är på väg.", id="order-pnr-shape"),
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_when_number_only_looks_like_personal_data_then_nothing_is_found(text: str) -> None:
    spans = find_personal_data(text)
    assert [(s.kind, s.text) for s in spans] == []


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da", None])
def test_when_language_changes_then_dates_and_amounts_still_give_nothing(
    language: str | None,
) -> None:
    text = "Den 2026-11-25 betalades 12 345 kr enligt KS 2026/1234 och SFS 2009:400."
    assert find_personal_data(text, language=language) == []


# --- Several kinds in one text -------------------------------------------------------------

MIXED = (
    "Hej! Jag heter Anna och mitt personnummer är 811228-9874. "
    "Ring mig på 070-123 45 67 eller mejla anna.svensson@example.se. "
    "Pengarna kan sättas in på SE45 5000 0000 0583 9825 7466 eller bankgiro 5050-1055. "
    "Jag bor på Storgatan 12, 123 45 Stockholm, och kortet 4111 1111 1111 1111 är spärrat."
)


def test_when_text_has_several_kinds_then_spans_come_in_text_order_without_overlaps() -> None:
    spans = find_personal_data(MIXED)
    assert [(s.kind, MIXED[s.start:s.end]) for s in spans] == [
        ("personnummer", "811228-9874"),
        ("phone", "070-123 45 67"),
        ("email", "anna.svensson@example.se"),
        ("iban", "SE45 5000 0000 0583 9825 7466"),
        ("bankgiro", "5050-1055"),
        ("address", "Storgatan 12, 123 45 Stockholm"),
        ("payment_card", "4111 1111 1111 1111"),
    ]
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    for earlier, later in zip(spans, spans[1:], strict=False):
        assert earlier.end <= later.start
        assert not earlier.overlaps(later)


def test_when_span_is_reported_then_its_text_equals_the_slice_it_points_at() -> None:
    for span in find_personal_data(MIXED):
        assert span.text == MIXED[span.start:span.end]
        assert 0.0 < span.score <= 1.0
        assert span.explanation


def test_when_identity_number_could_also_be_read_as_phone_then_identity_wins() -> None:
    # 040229-1231 (29 February 2004) starts with 0 like a national phone number; the
    # valid personnummer must not come out as a phone number.
    text = "Hennes personnummer är 0402291231."
    spans = find_personal_data(text)
    assert [(s.kind, s.text) for s in spans] == [("personnummer", "0402291231")]
