"""Swedish personnummer and samordningsnummer, Norwegian fødselsnummer and Danish CPR numbers.

The tables follow Presidio's recognizer tests: a believable sentence, the exact text the
span must cover and the kind it must have. Every number is built here with its check
digits computed independently of ``omdome.detect.checksums``; the first tests check that
these helpers agree with the project's functions and with published examples.
"""

from __future__ import annotations

import pytest

from detect.check_digits import luhn_check_digit
from omdome.detect.checksums import luhn_valid, mod11_danish, mod11_norwegian
from omdome.detect.personal_data import find_personal_data

# --- Independent check-digit helpers -------------------------------------------------------


def personnummer(yymmdd: str, serial: str) -> str:
    """Ten digits YYMMDDNNNC; ``serial`` is three digits, C the Luhn digit over all nine."""
    return yymmdd + serial + luhn_check_digit(yymmdd + serial)


def dashed(number: str, sep: str = "-") -> str:
    """``YYMMDDNNNN`` written as ``YYMMDD-NNNN`` (or with another separator)."""
    return number[:6] + sep + number[6:]


def wrong_last_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def fodselsnummer(ddmmyy: str, individual: str) -> str | None:
    """Eleven digits DDMMYYIIIK1K2 with both Norwegian mod-11 control digits, or None."""
    weights1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
    weights2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    digits = [int(c) for c in ddmmyy + individual]
    for weights in (weights1, weights2):
        control = 11 - sum(w * d for w, d in zip(weights, digits, strict=False)) % 11
        if control == 11:
            control = 0
        if control == 10:
            return None
        digits.append(control)
    return "".join(str(d) for d in digits)


def first_fodselsnummer(ddmmyy: str) -> str:
    """The first individual number (from 123) that gives valid control digits."""
    for individual in range(123, 1000):
        number = fodselsnummer(ddmmyy, f"{individual:03d}")
        if number is not None:
            return number
    raise AssertionError("no valid individual number")


def cpr_mod11_ok(digits: str) -> bool:
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    return sum(w * int(c) for w, c in zip(weights, digits, strict=True)) % 11 == 0


def cpr(ddmmyy: str, *, passes_mod11: bool, start: int = 1000) -> str:
    """A CPR number ``DDMMYY-SSSS`` that passes (or fails) the old modulus-11 check."""
    for serial in range(start, 10000):
        digits = f"{ddmmyy}{serial:04d}"
        if cpr_mod11_ok(digits) == passes_mod11:
            return f"{ddmmyy}-{serial:04d}"
    raise AssertionError("no serial found")


# --- The numbers used below ----------------------------------------------------------------

PNR = personnummer("811228", "987")  # 811228-9874, the number in Presidio's Swedish tests
PNR_2005 = personnummer("050315", "238")
PNR_CENTENARIAN = personnummer("121212", "121")  # born 1912: written with "+"
PNR_LEAP_2000 = personnummer("000229", "456")  # 29 February 2000 existed
PNR_LEAP_1984 = personnummer("840229", "382")
SAMORDNING = personnummer("811288", "123")  # day 28 + 60
SAMORDNING_91 = personnummer("701091", "452")  # day 31 + 60, in January
MONTH_13 = personnummer("811318", "987")  # Luhn digit right, date wrong
DAY_32 = personnummer("810132", "987")
FEB_29_1981 = personnummer("810229", "456")  # 1981 was not a leap year
SAMORDNING_DAY_92 = personnummer("811292", "123")  # 92 - 60 = 32
SAMORDNING_FEB_89 = personnummer("810289", "123")  # 89 - 60 = 29 February 1981

FNR = first_fodselsnummer("150787")
FNR_LEADING_ZERO = first_fodselsnummer("030590")
D_NUMBER = first_fodselsnummer("550787")  # day 15 + 40
H_NUMBER = first_fodselsnummer("154787")  # month 7 + 40
FNR_BAD_DATE = first_fodselsnummer("320787")  # controls right, 32 July does not exist

CPR_PASSES = cpr("240595", passes_mod11=True)
CPR_FAILS = cpr("240595", passes_mod11=False)
# DDMMYY-SSSS that is *also* a valid Swedish YYMMDD-NNNN: 12 May 2012 read either way.
AMBIGUOUS = dashed(personnummer("120512", "345"))


def test_when_helpers_build_numbers_then_project_checksums_agree() -> None:
    assert PNR == "8112289874"  # the published example
    for number in (PNR, PNR_2005, PNR_CENTENARIAN, PNR_LEAP_2000, PNR_LEAP_1984, SAMORDNING,
                   SAMORDNING_91):
        assert luhn_valid(number)
    assert not luhn_valid(wrong_last_digit(PNR))
    for number in (FNR, FNR_LEADING_ZERO, D_NUMBER, H_NUMBER):
        assert mod11_norwegian(number)
    assert not mod11_norwegian(wrong_last_digit(FNR))
    assert mod11_danish(CPR_PASSES.replace("-", ""))
    assert not mod11_danish(CPR_FAILS.replace("-", ""))
    assert luhn_valid(AMBIGUOUS.replace("-", ""))


def _only_span(text: str, language: str | None = None):  # type: ignore[no-untyped-def]
    spans = find_personal_data(text, language=language)
    assert len(spans) == 1, [(s.kind, s.text) for s in spans]
    return spans[0]


# --- Personnummer and samordningsnummer ----------------------------------------------------

SWEDISH_VALID = [
    (f"Mitt personnummer är {dashed(PNR)}.", dashed(PNR), "personnummer"),
    (f"Personnummer: 19{dashed(PNR)}", f"19{dashed(PNR)}", "personnummer"),
    (f"Ange pnr {PNR} i rutan längst upp.", PNR, "personnummer"),
    (f"Han skrev 19{PNR} på blanketten.", f"19{PNR}", "personnummer"),
    (f"Skriv {dashed(PNR, ' ')} utan bindestreck går också.", dashed(PNR, " "), "personnummer"),
    (f"Födelsedatum och nummer: 19{dashed(PNR, ' ')}.", f"19{dashed(PNR, ' ')}", "personnummer"),
    (f"I gamla papper står {dashed(PNR, '–')} med tankstreck.", dashed(PNR, "–"), "personnummer"),
    (f"Ditt personnummer ({dashed(PNR)}) syns i ärendet.", dashed(PNR), "personnummer"),
    (f"Sonen har personnummer 20{dashed(PNR_2005)}, enligt skolan.", f"20{dashed(PNR_2005)}",
     "personnummer"),
    (f"Mormor fyllde 100 i fjol, hennes nummer är {dashed(PNR_CENTENARIAN, '+')}.",
     dashed(PNR_CENTENARIAN, "+"), "personnummer"),
    (f"Skottdagsbarnet har nummer 20{dashed(PNR_LEAP_2000)}.", f"20{dashed(PNR_LEAP_2000)}",
     "personnummer"),
    (f"Född på skottdagen: {dashed(PNR_LEAP_1984)}.", dashed(PNR_LEAP_1984), "personnummer"),
    (f"Hennes samordningsnummer är {dashed(SAMORDNING)}.", dashed(SAMORDNING), "samordningsnummer"),
    (f"Samordningsnr 19{SAMORDNING} finns i beslutet.", f"19{SAMORDNING}", "samordningsnummer"),
    (f"Han fick {dashed(SAMORDNING_91)} från Skatteverket.", dashed(SAMORDNING_91),
     "samordningsnummer"),
    (f"My Swedish personal identity number is {dashed(PNR)}.", dashed(PNR), "personnummer"),
    # Written straight after a colon, as in forms and e-mail signatures.
    (f"Personnummer:{dashed(PNR)}", dashed(PNR), "personnummer"),
]


@pytest.mark.parametrize(("text", "expected", "kind"), SWEDISH_VALID)
def test_when_swedish_identity_number_is_valid_then_it_is_found(text: str, expected: str,
                                                                kind: str) -> None:
    span = _only_span(text)
    assert text[span.start:span.end] == expected
    assert span.kind == kind


SWEDISH_INVALID = [
    pytest.param(f"Personnummer {dashed(MONTH_13)} är fel.", id="month-13"),
    pytest.param(f"Personnummer {dashed(DAY_32)} är fel.", id="day-32"),
    pytest.param(f"Personnummer {dashed(FEB_29_1981)} finns inte.", id="feb-29-non-leap"),
    pytest.param(f"Personnummer 19{dashed(PNR_LEAP_2000)} finns inte.", id="feb-29-1900"),
    pytest.param(f"Personnummer {dashed(wrong_last_digit(PNR))} har fel kontrollsiffra.",
                 id="luhn-dashed"),
    pytest.param(f"Pnr {wrong_last_digit(PNR)} har fel kontrollsiffra.", id="luhn-compact"),
    pytest.param(f"Pnr 19{wrong_last_digit(PNR)} har fel kontrollsiffra.", id="luhn-12-digits"),
    pytest.param(f"Samordningsnummer {dashed(SAMORDNING_DAY_92)} är fel.", id="samordning-day-92"),
    pytest.param(f"Samordningsnummer {dashed(SAMORDNING_FEB_89)} är fel.",
                 id="samordning-feb-29-non-leap"),
    pytest.param(f"Kundnumret {PNR}5 har elva siffror.", id="eleven-digits"),
    pytest.param(f"Referensen 17{dashed(PNR)} har fel sekel.", id="century-17"),
    pytest.param(f"Koden AB{PNR} är ett artikelnummer.", id="letters-before"),
]


@pytest.mark.parametrize("text", SWEDISH_INVALID)
def test_when_swedish_identity_number_is_invalid_then_nothing_is_found(text: str) -> None:
    assert find_personal_data(text) == []


# --- Norwegian fødselsnummer ---------------------------------------------------------------

NORWEGIAN_VALID = [
    (f"Fødselsnummeret mitt er {FNR}.", FNR),
    (f"Oppgi fødselsnummer {FNR[:6]} {FNR[6:]} på skjemaet.", f"{FNR[:6]} {FNR[6:]}"),
    (f"Hun har D-nummer {D_NUMBER} fra Skatteetaten.", D_NUMBER),
    (f"Pasienten fikk H-nummer {H_NUMBER} på legevakten.", H_NUMBER),
    # A leading zero must not turn the number into a phone number.
    (f"Mitt fødselsnummer er {FNR_LEADING_ZERO}, ring meg.", FNR_LEADING_ZERO),
]


@pytest.mark.parametrize(("text", "expected"), NORWEGIAN_VALID)
def test_when_fodselsnummer_has_valid_control_digits_then_it_is_found(text: str,
                                                                      expected: str) -> None:
    span = _only_span(text, "nb")
    assert text[span.start:span.end] == expected
    assert span.kind == "fodselsnummer"


NORWEGIAN_INVALID = [
    pytest.param(f"Fødselsnummer {wrong_last_digit(FNR)} stemmer ikke.", id="second-control"),
    pytest.param(f"Fødselsnummer {FNR[:9]}{(int(FNR[9]) + 1) % 10}{FNR[10]} stemmer ikke.",
                 id="first-control"),
    pytest.param(f"Fødselsnummer {FNR_BAD_DATE} stemmer ikke.", id="day-32"),
    pytest.param(f"Fødselsnummer {FNR}7 har tolv sifre.", id="twelve-digits"),
]


@pytest.mark.parametrize("text", NORWEGIAN_INVALID)
def test_when_fodselsnummer_is_invalid_then_nothing_is_found(text: str) -> None:
    assert find_personal_data(text, language="nb") == []


# --- Danish CPR ----------------------------------------------------------------------------

DANISH_VALID = [
    # A context word is enough, whatever the modulus-11 check says (numbers since 2007).
    (f"Mit CPR-nummer er {CPR_FAILS}.", None, CPR_FAILS),
    (f"CPR-nr.: {CPR_PASSES}", None, CPR_PASSES),
    (f"Skriv dit cpr {CPR_FAILS.replace('-', '')} i feltet.", None, CPR_FAILS.replace("-", "")),
    # In Danish text no context word is needed.
    (f"Hans nummer er {CPR_FAILS}, og han bor i Aarhus.", "da", CPR_FAILS),
    # A number that passes modulus 11 is a CPR number even in a Swedish sentence.
    (f"Numret {CPR_PASSES} stod på kuvertet.", "sv", CPR_PASSES),
    # DDMMYY-SSSS that is also a valid Swedish number: "CPR" beside it decides.
    (f"Kundens CPR-nummer är {AMBIGUOUS}.", "sv", AMBIGUOUS),
    (f"CPR {AMBIGUOUS}", None, AMBIGUOUS),
    (f"Mit nummer er {AMBIGUOUS}, og jeg bor i Odense.", "da", AMBIGUOUS),
]


@pytest.mark.parametrize(("text", "language", "expected"), DANISH_VALID)
def test_when_cpr_number_has_context_or_danish_text_then_kind_is_cpr(
    text: str, language: str | None, expected: str
) -> None:
    span = _only_span(text, language)
    assert text[span.start:span.end] == expected
    assert span.kind == "cpr"


def test_when_cpr_fails_mod11_without_context_in_swedish_text_then_nothing_is_found() -> None:
    text = f"Ordernumret {CPR_FAILS} gäller leveransen."
    assert find_personal_data(text, language="sv") == []


def test_when_cpr_has_no_separator_and_no_context_then_nothing_is_found() -> None:
    text = f"Referens {CPR_PASSES.replace('-', '')} på fakturan."
    assert find_personal_data(text, language="sv") == []


def test_when_cpr_date_is_impossible_then_nothing_is_found_even_with_context() -> None:
    assert find_personal_data("CPR-nummer 320595-1234.", language="da") == []


def test_when_ambiguous_number_stands_in_swedish_text_without_cpr_then_it_is_personnummer() -> None:
    text = f"Elevens personnummer är {AMBIGUOUS}."
    span = _only_span(text, "sv")
    assert (span.kind, span.text) == ("personnummer", AMBIGUOUS)
