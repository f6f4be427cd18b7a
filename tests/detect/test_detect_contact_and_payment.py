"""Phone numbers, e-mail, IBAN, bankgiro, plusgiro, payment cards and Swedish addresses.

Account and card numbers are built here with independently computed check digits (Luhn,
ISO 13616 mod 97); the first tests confirm the helpers against published examples and
the project's own checksum functions.
"""

from __future__ import annotations

import pytest

from detect.check_digits import with_luhn
from omdome.detect.checksums import iban_valid, luhn_valid
from omdome.detect.personal_data import find_personal_data
from omdome.detect.pii.payment_card import card_issuer

# --- Independent check-digit helpers -------------------------------------------------------


def iban(country: str, bban: str) -> str:
    """Compact IBAN with ISO 13616 check digits: 98 - (BBAN + country + "00" as digits) mod 97."""
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def grouped(compact: str, size: int = 4) -> str:
    return " ".join(compact[i:i + size] for i in range(0, len(compact), size))


def card(prefix: str, length: int) -> str:
    """A card number of ``length`` digits starting with ``prefix``, with a Luhn digit."""
    filler = "7315902468" * 2
    return with_luhn((prefix + filler)[: length - 1])


def wrong_last_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


IBAN_SE = iban("SE", "50000000058398257466")
IBAN_DE = iban("DE", "370400440532013000")
IBAN_GB = iban("GB", "NWBK60161331926819")
IBAN_NO = iban("NO", "86011117947")
IBAN_SE_TOO_SHORT = iban("SE", "5000000005839825746")  # check digits right, one digit short
IBAN_SE_WRONG_CHECK = "SE" + f"{(int(IBAN_SE[2:4]) + 1) % 100:02d}" + IBAN_SE[4:]

VISA = card("4571", 16)
MASTERCARD = card("5413", 16)
MASTERCARD_2 = card("2221", 16)
AMEX = card("3742", 15)
VISA_14 = card("4571", 14)  # Visa numbers have 13, 16 or 19 digits
NO_SCHEME = card("9012", 16)  # Luhn-valid, but in no card scheme's range

BANKGIRO_8 = with_luhn("5050105")
BANKGIRO_7 = with_luhn("123456")
PLUSGIRO_7 = with_luhn("902003")
PLUSGIRO_5 = with_luhn("4711")


def test_when_helpers_build_numbers_then_published_examples_and_project_checks_agree() -> None:
    assert IBAN_SE == "SE4550000000058398257466"
    assert IBAN_DE == "DE89370400440532013000"
    assert IBAN_GB == "GB29NWBK60161331926819"
    assert IBAN_NO == "NO9386011117947"
    for number in (IBAN_SE, IBAN_DE, IBAN_GB, IBAN_NO, IBAN_SE_TOO_SHORT):
        assert iban_valid(number)
    assert not iban_valid(IBAN_SE_WRONG_CHECK)
    assert with_luhn("411111111111111") == "4111111111111111"
    assert BANKGIRO_8 == "50501055"
    assert PLUSGIRO_7 == "9020033"  # Radiohjälpen's published plusgiro 90 20 03-3
    for number in (VISA, MASTERCARD, MASTERCARD_2, AMEX, VISA_14, NO_SCHEME, BANKGIRO_8,
                   BANKGIRO_7, PLUSGIRO_7, PLUSGIRO_5):
        assert luhn_valid(number)
    assert (card_issuer(VISA), card_issuer(MASTERCARD), card_issuer(AMEX)) == (
        "visa", "mastercard", "amex")
    assert card_issuer(NO_SCHEME) is None


def _spans(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in find_personal_data(text, language=language)]


# --- Phone numbers -------------------------------------------------------------------------

PHONES = [
    # Swedish mobile numbers, national form, with the separators people actually type.
    ("Ring mig på 070-123 45 67 i kväll.", None, "070-123 45 67"),
    ("Ring mig på 070 123 45 67 i kväll.", None, "070 123 45 67"),
    ("Mitt nummer är 0701234567, sms:a gärna.", None, "0701234567"),
    ("Mobil: 073-9876543", None, "073-9876543"),
    ("Nås på 076–555 12 34 dagtid.", None, "076–555 12 34"),
    ("Jourtelefon 070 - 123 45 67 efter kl. 17.", None, "070 - 123 45 67"),
    ("Skicka sms till 072/345 67 89.", None, "072/345 67 89"),
    # Landlines with area codes of two, three and four digits.
    ("Växeln nås på 08-123 456 78.", None, "08-123 456 78"),
    ("Växeln nås på 08 123 456 78.", None, "08 123 456 78"),
    ("Ring kundtjänst på 08-12345678.", None, "08-12345678"),
    ("Receptionen har 031-12 34 56.", None, "031-12 34 56"),
    ("Ring Umeåkontoret på 090-12 34 56.", None, "090-12 34 56"),
    ("Bygglovsenheten: 0501-123 45", None, "0501-123 45"),
    # Bracketed area codes.
    ("Ring (08) 123 456 78 för tidsbokning.", None, "(08) 123 456 78"),
    ("Ring (031) 12 34 56 för tidsbokning.", None, "(031) 12 34 56"),
    # International forms of Swedish numbers.
    ("Från utlandet: +46 70 123 45 67.", None, "+46 70 123 45 67"),
    ("Från utlandet: +46701234567.", None, "+46701234567"),
    ("Från utlandet: 0046 70 123 45 67.", None, "0046 70 123 45 67"),
    ("Från utlandet: 0046701234567.", None, "0046701234567"),
    ("Från utlandet: +46 (0)8 123 456 78.", None, "+46 (0)8 123 456 78"),
    ("Från utlandet: +46 (0)70-123 45 67.", None, "+46 (0)70-123 45 67"),
    ("Från utlandet: +46 8 123 456 78.", None, "+46 8 123 456 78"),
    # UK, US, Norway, Denmark.
    ("Call our London office on +44 20 7946 0958 today.", "en", "+44 20 7946 0958"),
    ("Call our London office on 020 7946 0958 today.", "en", "020 7946 0958"),
    ("Reach the New York desk at +1 212 555 0123.", "en", "+1 212 555 0123"),
    ("Our San Francisco number is (415) 555-2671.", "en", "(415) 555-2671"),
    ("Our San Francisco number is +1 (415) 555-2671.", "en", "+1 (415) 555-2671"),
    ("Ring meg på +47 912 34 567 i morgen.", "nb", "+47 912 34 567"),
    ("Sentralbordet har +47 22 12 34 56.", "nb", "+47 22 12 34 56"),
    ("Ring til +45 32 12 34 56 i dag.", "da", "+45 32 12 34 56"),
    ("Min mobil er +45 20 12 34 56.", "da", "+45 20 12 34 56"),
    # Written straight after a colon, as in e-mail signatures.
    ("Tel:070-123 45 67", None, "070-123 45 67"),
]


@pytest.mark.parametrize(("text", "language", "expected"), PHONES)
def test_when_phone_number_is_valid_then_it_is_found(text: str, language: str | None,
                                                     expected: str) -> None:
    assert _spans(text, language) == [("phone", expected)]


@pytest.mark.parametrize("text", [
    "Ring 070-123 45 6 om du vågar.",  # one digit short
    "Ring +46 70 123 45 6 om du vågar.",
    "Ring 0000-00 00 00 om du vågar.",
])
def test_when_phone_number_is_incomplete_then_nothing_is_found(text: str) -> None:
    assert _spans(text) == []


# --- E-mail --------------------------------------------------------------------------------

EMAILS = [
    ("Skicka underlaget till anna.svensson@example.se i dag.", "anna.svensson@example.se"),
    ("Mejla <Per.Olsson+nyhetsbrev@kommun.example.se> om du vill avregistrera dig.",
     "Per.Olsson+nyhetsbrev@kommun.example.se"),
    ("Frågor? Skriv till info@omdome.org.", "info@omdome.org"),
    ("Contact j_smith-2@mail.example.co.uk for details.", "j_smith-2@mail.example.co.uk"),
    ("Kontakt: åsa.öberg@example.com", "åsa.öberg@example.com"),
]


@pytest.mark.parametrize(("text", "expected"), EMAILS)
def test_when_email_address_is_written_then_it_is_found(text: str, expected: str) -> None:
    assert _spans(text) == [("email", expected)]


@pytest.mark.parametrize("text", [
    "Följ oss på @omdome_sverige på X.",
    "Skriv till anna@localhost på testservern.",
    "Adressen anna.svensson@ saknar domän.",
    "Mönstret *@example.se fångar alla adresser.",
])
def test_when_text_only_resembles_email_then_nothing_is_found(text: str) -> None:
    assert _spans(text) == []


# --- IBAN ----------------------------------------------------------------------------------

IBANS = [
    (f"Betala till {grouped(IBAN_SE)} senast fredag.", grouped(IBAN_SE)),
    (f"Betala till {IBAN_SE} senast fredag.", IBAN_SE),
    (f"IBAN: {grouped(IBAN_SE)}", grouped(IBAN_SE)),
    (f"Bitte überweisen Sie auf {grouped(IBAN_DE)}.", grouped(IBAN_DE)),
    (f"Please pay into {grouped(IBAN_GB)} by Friday.", grouped(IBAN_GB)),
    (f"Please pay into {IBAN_GB} by Friday.", IBAN_GB),
    (f"Betal til kontoen {grouped(IBAN_NO)} innen mandag.", grouped(IBAN_NO)),
]


@pytest.mark.parametrize(("text", "expected"), IBANS)
def test_when_iban_has_right_length_and_check_digits_then_it_is_found(text: str,
                                                                      expected: str) -> None:
    assert _spans(text) == [("iban", expected)]


@pytest.mark.parametrize("text", [
    pytest.param(f"Betala till {grouped(IBAN_SE_WRONG_CHECK)} senast fredag.", id="check-digits"),
    pytest.param(f"Betala till {IBAN_SE_WRONG_CHECK} senast fredag.", id="check-digits-compact"),
    pytest.param(f"Betala till {grouped(IBAN_SE_TOO_SHORT)} senast fredag.", id="length"),
    pytest.param(f"Betala till {IBAN_SE_TOO_SHORT} senast fredag.", id="length-compact"),
])
def test_when_iban_has_wrong_check_digits_or_length_then_nothing_is_found(text: str) -> None:
    assert _spans(text) == []


# --- Bankgiro and plusgiro -----------------------------------------------------------------

BG_8 = f"{BANKGIRO_8[:4]}-{BANKGIRO_8[4:]}"
BG_7 = f"{BANKGIRO_7[:3]}-{BANKGIRO_7[3:]}"
PG_GROUPED = f"{PLUSGIRO_7[:2]} {PLUSGIRO_7[2:4]} {PLUSGIRO_7[4:6]}-{PLUSGIRO_7[6]}"
PG_COMPACT = f"{PLUSGIRO_5[:-1]}-{PLUSGIRO_5[-1]}"

GIROS = [
    (f"Betala via bankgiro {BG_8} senast den 30:e.", "bankgiro", BG_8),
    (f"Bankgiro: {BG_7}", "bankgiro", BG_7),
    (f"Föreningens bg-nummer är {BG_8}.", "bankgiro", BG_8),
    (f"Swisha eller sätt in på BG {BG_7}.", "bankgiro", BG_7),
    (f"Ge en gåva på plusgiro {PG_GROUPED}.", "plusgiro", PG_GROUPED),
    (f"Postgiro {PG_COMPACT} gäller fortfarande.", "plusgiro", PG_COMPACT),
    (f"Insamlingen har PG {PG_GROUPED}.", "plusgiro", PG_GROUPED),
]


@pytest.mark.parametrize(("text", "kind", "expected"), GIROS)
def test_when_giro_number_stands_near_its_context_word_then_it_is_found(text: str, kind: str,
                                                                        expected: str) -> None:
    assert _spans(text) == [(kind, expected)]


@pytest.mark.parametrize("text", [
    pytest.param(f"Betala till {BG_8} senast den 30:e.", id="bankgiro-without-word"),
    pytest.param(f"Ärendet har nummer {BG_7}.", id="bankgiro-7-without-word"),
    pytest.param(f"Ge en gåva på {PG_GROUPED}.", id="plusgiro-without-word"),
    pytest.param(f"Artikel {PG_COMPACT} är slut i lager.", id="plusgiro-compact-without-word"),
    pytest.param(f"Bankgiro {BANKGIRO_8[:4]}-{wrong_last_digit(BANKGIRO_8)[4:]}.",
                 id="bankgiro-luhn"),
    pytest.param(f"Plusgiro {PLUSGIRO_7[:6]}-{wrong_last_digit(PLUSGIRO_7)[6]}.",
                 id="plusgiro-luhn"),
])
def test_when_giro_number_lacks_context_word_or_check_digit_then_nothing_is_found(
    text: str,
) -> None:
    assert _spans(text) == []


# --- Payment cards -------------------------------------------------------------------------

CARDS = [
    (f"Kortet {grouped(VISA)} debiterades två gånger.", grouped(VISA)),
    (f"Kortet {VISA} debiterades två gånger.", VISA),
    (f"Kortnummer: {'-'.join(grouped(VISA).split())}", "-".join(grouped(VISA).split())),
    (f"My Mastercard {grouped(MASTERCARD)} was declined.", grouped(MASTERCARD)),
    (f"The new Mastercard {grouped(MASTERCARD_2)} works.", grouped(MASTERCARD_2)),
    (f"Amex {AMEX[:4]} {AMEX[4:10]} {AMEX[10:]} går ut i maj.", f"{AMEX[:4]} {AMEX[4:10]} {AMEX[10:]}"),
    (f"Amex {AMEX} går ut i maj.", AMEX),
]


@pytest.mark.parametrize(("text", "expected"), CARDS)
def test_when_card_number_is_in_scheme_range_and_passes_luhn_then_it_is_found(
    text: str, expected: str
) -> None:
    assert _spans(text) == [("payment_card", expected)]


@pytest.mark.parametrize("text", [
    pytest.param(f"Kortet {grouped(wrong_last_digit(VISA))} nekades.", id="visa-luhn"),
    pytest.param(f"Kortet {wrong_last_digit(MASTERCARD)} nekades.", id="mastercard-luhn"),
    pytest.param(f"Amex {wrong_last_digit(AMEX)} nekades.", id="amex-luhn"),
    pytest.param(f"Referens {grouped(NO_SCHEME)} på kvittot.", id="outside-ranges"),
    pytest.param(f"Referens {NO_SCHEME} på kvittot.", id="outside-ranges-compact"),
    pytest.param(f"Referens {VISA_14} på kvittot.", id="visa-wrong-length"),
])
def test_when_card_number_fails_luhn_or_range_then_nothing_is_found(text: str) -> None:
    assert _spans(text) == []


# --- Swedish addresses ---------------------------------------------------------------------

ADDRESSES = [
    ("Skicka ansökan till Storgatan 12, 123 45 Stockholm i dag.", "Storgatan 12, 123 45 Stockholm"),
    ("Vi har flyttat till Kungsvägen 4B, 412 63 Göteborg.", "Kungsvägen 4B, 412 63 Göteborg"),
    ("Vi har flyttat till Kungsvägen 4 B, 41263 Göteborg.", "Kungsvägen 4 B, 41263 Göteborg"),
    ("Hon bor på Lilla Nygatan 7 lgh 1102, 111 28 Stockholm.",
     "Lilla Nygatan 7 lgh 1102, 111 28 Stockholm"),
    ("Han bor på Hantverkargatan 3, lgh 1201, 112 21 Stockholm.",
     "Hantverkargatan 3, lgh 1201, 112 21 Stockholm"),
    ("Posta blanketten till Box 123, 111 22 Stockholm.", "Box 123, 111 22 Stockholm"),
    ("Kontoret ligger på Östra Hamngatan 24, 411 09 Göteborg.",
     "Östra Hamngatan 24, 411 09 Göteborg"),
    ("Leverans till Vasavägen 23, 181 41 Lidingö.", "Vasavägen 23, 181 41 Lidingö"),
    ("Adress: Sankt Eriksgatan 5, SE-112 39 Stockholm", "Sankt Eriksgatan 5, SE-112 39 Stockholm"),
    ("Hämta paketet på Storgatan 12, 194 30 Upplands Väsby.",
     "Storgatan 12, 194 30 Upplands Väsby"),
    # An imperative verb opening the sentence is not part of the street name.
    ("Besök Storgatan 12, 123 45 Stockholm.", "Storgatan 12, 123 45 Stockholm"),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_when_street_address_has_postcode_and_town_then_it_is_found(text: str,
                                                                   expected: str) -> None:
    assert _spans(text) == [("address", expected)]


@pytest.mark.parametrize("text", [
    "Vi ses på Storgatan 12 i morgon.",
    "Vi ses på Storgatan i morgon.",
    "Välkommen till biblioteket på Kvarngatan 3 på lördag.",
    "Vi flyttade kontoret till Storgatan 5 i fjol.",
    "Stockholm har postnummer som börjar på 1.",
])
def test_when_a_street_without_postcode_is_a_place_then_nothing_is_found(text: str) -> None:
    assert _spans(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Han bor på Storgatan 12 i Stockholm.", "Storgatan 12"),
    ("Jag kan lämna den hemma hos dig på Liljegatan 14 efter jobbet.", "Liljegatan 14"),
    ("Ägaren, Eva Nilsson på Lindvägen 3 i Lomma, kan hämta den i kassan.", "Lindvägen 3"),
    ("Hemadress: Kungsvägen 4B.", "Kungsvägen 4B"),
    ("She lives at 12 Mill Road, so drop it off there.", "12 Mill Road"),
    ("Hun bor i Kongens gate 12.", "Kongens gate 12"),
    ("Han bor på Nørregade 7.", "Nørregade 7"),
])
def test_when_words_say_someone_lives_there_then_an_address_without_postcode_is_found(
        text: str, expected: str) -> None:
    assert _spans(text) == [("address", expected)]
