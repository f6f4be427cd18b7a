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

    Labels are shorter than most numbers, so a replacement can bring a context word
    ("plusgiro") close enough to make a further number recognisable. Redaction therefore
    repeats until nothing more is found, which also makes redacting twice change nothing.
    Spans are reported in the original text.
    """
    from omdome.text.language import detect_language

    _ = translator(labels)
    language = language or detect_language(text, default="sv").family
    current = text
    # origin[i]: where character i of the current text stood in the original (None: a label).
    origin: list[int | None] = list(range(len(text)))
    found: list[Span] = []
    for _round in range(5):
        spans = find_personal_data(current, language=language)
        if not spans:
            break
        pieces: list[str] = []
        new_origin: list[int | None] = []
        cursor = 0
        for span in spans:
            pieces.append(current[cursor:span.start])
            new_origin += origin[cursor:span.start]
            label = f"[{_(LABELS[span.kind])}]"
            pieces.append(label)
            new_origin += [None] * len(label)
            found.append(_in_original(span, origin))
            cursor = span.end
        pieces.append(current[cursor:])
        new_origin += origin[cursor:]
        current, origin = "".join(pieces), new_origin
    return Redaction(current, tuple(sorted(found, key=lambda s: s.start)))


def _in_original(span: Span, origin: list[int | None]) -> Span:
    """The span moved back to original offsets (numbers never lie inside a label)."""
    inside = [o for o in origin[span.start:span.end] if o is not None]
    start, end = (inside[0], inside[-1] + 1) if inside else (span.start, span.end)
    return Span(span.kind, start, end, span.text, span.score, span.explanation, span.details)
