"""Redaction: every kind becomes a bracketed label, redaction is idempotent, JSON is complete."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from detect.check_digits import with_luhn
from omdome.detect.redact import redact


def fodselsnummer(ddmmyy: str, individual: str) -> str:
    digits = [int(c) for c in ddmmyy + individual]
    for weights in ((3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)):
        control = (11 - sum(w * d for w, d in zip(weights, digits, strict=False)) % 11) % 11
        assert control != 10, "pick another individual number"
        digits.append(control)
    return "".join(map(str, digits))


PNR = with_luhn("811228987")
SAMORDNING = with_luhn("811288123")
FNR = fodselsnummer("150787", "123")
CARD = with_luhn("457123456789012")
BANKGIRO = with_luhn("5050105")
PLUSGIRO = with_luhn("902003")

# (text, language passed to redact or None for detection, Swedish result, English result)
CASES = [
    (f"Mitt personnummer är {PNR[:6]}-{PNR[6:]}.", None,
     "Mitt personnummer är [personnummer].", "Mitt personnummer är [personnummer]."),
    (f"Hans samordningsnummer är {SAMORDNING[:6]}-{SAMORDNING[6:]}.", None,
     "Hans samordningsnummer är [samordningsnummer].",
     "Hans samordningsnummer är [samordningsnummer]."),
    (f"Fødselsnummeret hennes er {FNR}.", "nb",
     "Fødselsnummeret hennes er [fødselsnummer].", "Fødselsnummeret hennes er [fødselsnummer]."),
    ("Mit CPR-nummer er 240595-1031.", "da",
     "Mit CPR-nummer er [CPR-nummer].", "Mit CPR-nummer er [CPR number]."),
    ("Ring mig på 070-123 45 67 efter lunch.", None,
     "Ring mig på [telefon] efter lunch.", "Ring mig på [phone] efter lunch."),
    ("Mejla anna.svensson@example.se om du har frågor.", None,
     "Mejla [e-post] om du har frågor.", "Mejla [e-mail] om du har frågor."),
    ("Betala till SE45 5000 0000 0583 9825 7466 före fredag.", None,
     "Betala till [IBAN] före fredag.", "Betala till [IBAN] före fredag."),
    (f"Betala via bankgiro {BANKGIRO[:4]}-{BANKGIRO[4:]} före fredag.", None,
     "Betala via bankgiro [bankgiro] före fredag.", "Betala via bankgiro [bankgiro] före fredag."),
    (f"Ge en gåva via plusgiro {PLUSGIRO[:2]} {PLUSGIRO[2:4]} {PLUSGIRO[4:6]}-{PLUSGIRO[6]} i dag.",
     None, "Ge en gåva via plusgiro [plusgiro] i dag.", "Ge en gåva via plusgiro [plusgiro] i dag."),
    (f"Kortet {CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]} är spärrat nu.", None,
     "Kortet [kortnummer] är spärrat nu.", "Kortet [card number] är spärrat nu."),
    ("Skicka brevet till Storgatan 12, 123 45 Stockholm snarast.", None,
     "Skicka brevet till [adress] snarast.", "Skicka brevet till [address] snarast."),
]


@pytest.mark.parametrize(("text", "language", "swedish", "english"), CASES)
def test_when_personal_data_is_redacted_then_it_becomes_its_bracketed_label(
    text: str, language: str | None, swedish: str, english: str
) -> None:
    assert redact(text, language=language).text == swedish
    assert redact(text, labels="sv", language=language).text == swedish
    assert redact(text, labels="en", language=language).text == english


def test_when_text_has_no_personal_data_then_redaction_returns_it_unchanged() -> None:
    text = "Mötet den 2026-11-25 kl. 08.00 gäller KS 2026/1234 och kostar 12 345 kr."
    result = redact(text)
    assert result.text == text
    assert result.spans == ()


MIXED = ("Anna (811228-9874) nås på 070-123 45 67 och anna.svensson@example.se, "
         "adress Storgatan 12, 123 45 Stockholm.")


def test_when_several_kinds_are_redacted_then_each_gets_its_own_label() -> None:
    assert redact(MIXED).text == (
        "Anna ([personnummer]) nås på [telefon] och [e-post], adress [adress].")
    assert redact(MIXED, labels="en").text == (
        "Anna ([personnummer]) nås på [phone] och [e-mail], adress [address].")


def test_when_redaction_is_serialised_then_json_lists_kind_start_and_end_of_each_span() -> None:
    result = redact(MIXED)
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["text"] == result.text
    assert [s["kind"] for s in data["spans"]] == ["personnummer", "phone", "email", "address"]
    for span in data["spans"]:
        assert set(span) == {"kind", "start", "end"}
    assert [MIXED[s["start"]:s["end"]] for s in data["spans"]] == [
        "811228-9874", "070-123 45 67", "anna.svensson@example.se",
        "Storgatan 12, 123 45 Stockholm"]


@pytest.mark.parametrize("text", [case[0] for case in CASES] + [MIXED])
def test_when_redacting_twice_then_result_equals_redacting_once(text: str) -> None:
    once = redact(text).text
    assert redact(once).text == once
    once_en = redact(text, labels="en").text
    assert redact(once_en, labels="en").text == once_en


LONG_EMAIL = "fornamn.efternamn.stadsbyggnadskontoret@kommun.example.se"


@pytest.mark.parametrize("text", [
    pytest.param(f"Plusgiro {LONG_EMAIL} {PLUSGIRO[:6]}-{PLUSGIRO[6]}", id="plusgiro"),
    pytest.param(f"Bankgiro {LONG_EMAIL} {BANKGIRO[:4]}-{BANKGIRO[4:]}", id="bankgiro"),
    pytest.param(f"CPR {LONG_EMAIL} 240595-1031", id="cpr"),
])
def test_when_a_label_shortens_the_gap_to_a_context_word_then_second_pass_still_adds_nothing(
    text: str,
) -> None:
    """A long span between a context word and a number shrinks to a short label; the number,
    too far from its context word in the original, must not be redacted on a second pass."""
    once = redact(text).text
    assert redact(once).text == once


# --- Property: redaction is idempotent for generated texts ---------------------------------

WORDS = ["Hej", "ring", "mig", "på", "och", "eller", "kontakta", "Anna", "Svensson", "tack",
         "bankgiro", "plusgiro", "CPR", "personnummer", "nr", "tel", "adress", "Storgatan",
         "Box", "kr", "the", "call", "me", "at", "today", "hälsningar", "vänligen", "info",
         "2026-11-25", "KS 2026/1234", "12 345 kr", "kl. 08.00", "v2.10.3", "(", ")", ":"]
PLANTED = [
    f"{PNR[:6]}-{PNR[6:]}", f"19{PNR}", f"{SAMORDNING[:6]}-{SAMORDNING[6:]}", FNR,
    "240595-1031", "070-123 45 67", "+46 8 123 456 78", "0046701234567", "(08) 123 456 78",
    "+44 20 7946 0958", "anna.svensson@example.se",
    "fornamn.efternamn.stadsbyggnadskontoret@kommun.example.se",
    "SE45 5000 0000 0583 9825 7466", "GB29NWBK60161331926819",
    f"{BANKGIRO[:4]}-{BANKGIRO[4:]}", f"{PLUSGIRO[:6]}-{PLUSGIRO[6]}",
    f"{CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]}", CARD,
    "Storgatan 12, 123 45 Stockholm", "Box 123, 111 22 Stockholm",
]
SEPARATORS = [" ", " ", ", ", ". ", "\n", ": "]

texts = st.lists(
    st.tuples(st.one_of(st.sampled_from(WORDS), st.sampled_from(PLANTED)),
              st.sampled_from(SEPARATORS)),
    min_size=1, max_size=10,
).map(lambda parts: "".join(token + sep for token, sep in parts).strip())


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["sv", "en"]))
@example(f"plusgiro {LONG_EMAIL} {PLUSGIRO[:6]}-{PLUSGIRO[6]}", "sv")
def test_property_when_redacting_a_redacted_text_then_nothing_changes(text: str,
                                                                      labels: str) -> None:
    once = redact(text, labels=labels).text
    assert redact(once, labels=labels).text == once
