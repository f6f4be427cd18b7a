"""Replace personal data with its kind in brackets, for publishing or handing out records."""

from __future__ import annotations

from dataclasses import dataclass

from omdome.detect.base import Span
from omdome.detect.personal_data import find_personal_data
from omdome.i18n import N_, translator

# Source labels are English; Swedish ones come from the gettext catalogue.
LABELS = {
    "personnummer": N_("personnummer"), "samordningsnummer": N_("samordningsnummer"),
    "fodselsnummer": N_("fødselsnummer"), "cpr": N_("CPR number"), "phone": N_("phone"),
    "email": N_("e-mail"), "iban": N_("IBAN"), "bankgiro": N_("bankgiro"),
    "plusgiro": N_("plusgiro"), "payment_card": N_("card number"), "address": N_("address"),
}


@dataclass(frozen=True, slots=True)
class Redaction:
    """The redacted text and the spans (in the original text) that were replaced."""

    text: str
    spans: tuple[Span, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "spans": [{"kind": s.kind, "start": s.start, "end": s.end} for s in self.spans],
        }


def redact(text: str, *, labels: str = "sv", language: str | None = None) -> Redaction:
    """``text`` with each personal-data span replaced by ``[kind]`` in the labels' language.

    The labels contain no digits or ``@``, so redacting a redacted text changes nothing.
    """
    from omdome.text.language import detect_language

    _ = translator(labels)
    language = language or detect_language(text, default="sv").family
    spans = find_personal_data(text, language=language)
    out, cursor = [], 0
    for span in spans:
        out += [text[cursor:span.start], f"[{_(LABELS[span.kind])}]"]
        cursor = span.end
    out.append(text[cursor:])
    return Redaction("".join(out), tuple(spans))
