"""Phone numbers, validated against the numbering plans in ``phonenumbers``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.base import Span
from omdome.detect.pii.base import Recognizer, digits_only

# Regions tried, in order, for a number written without a country code.
NATIONAL_REGIONS = {"sv": ("SE",), "en": ("GB", "US", "SE"), "nb": ("NO", "SE"), "da": ("DK", "SE")}
DEFAULT_REGIONS = ("SE", "GB", "US")


class PhoneRecognizer(Recognizer):
    """International numbers (``+46 70 …``, ``0046 …``) and national ones starting with 0.

    A cheap pattern finds digit runs that look like phone numbers; ``phonenumbers``
    then decides whether the number exists in a real numbering plan. National numbers
    must start with 0 (or a US area code in brackets), which keeps dates, amounts and
    register numbers out.
    """

    kind = "phone"
    pattern = re.compile(
        r"(?<![\w+/.,-])(?<!\d:)(?P<value>(?:\+|00)\d{1,3}[ \u00a0.-]?(?:\(0\)[ \u00a0]?)?\(?\d{1,4}\)?"
        r"(?:[ \u00a0.-]?\d){4,12}"
        r"|(?:0\d{1,4}|\(0\d{1,4}\))(?:[ \u00a0]?[-\u2013/][ \u00a0]?|[ \u00a0])?\d{2,4}"
        r"(?:[ \u00a0-]?\d{2,4}){0,3}"
        r"|\(\d{3}\)[ \u00a0]?\d{3}[ \u00a0.-]\d{4})(?![\w/]|[.,:-]\d)"
    )
    explanation = "The number is valid in a national numbering plan (phonenumbers)."

    # Norwegian and Danish numbers have eight digits and no trunk 0 ("912 34 567",
    # "20 12 34 56"); like amounts, so only beside a phone word.
    nordic = re.compile(r"(?<![\w+/.,-])(?<!\d:)(?P<value>\d{2,4}(?:[ \u00a0]?\d{2,3}){1,3})(?![\w/-]|[.,:]\d)")
    phone_words = re.compile(r"(?i)(?:\b(?:tlf|tel|telefon\w*|mobil\w*|ring\w*|sms\w*|nr|nummer|"
                             r"number|phone|call|text|mob|ringe|hotline)\b)[\s.:]*(?:\w+\s+){0,3}$")

    def find(self, text: str, language: str | None = None) -> Iterator[Span]:
        import phonenumbers  # Imported here: the library costs ~50 ms to import.

        regions = NATIONAL_REGIONS.get(language or "", DEFAULT_REGIONS)
        for match in self.pattern.finditer(text):
            if self.vetoed(text, match.start()):
                continue
            raw = match["value"]
            international = raw.startswith(("+", "00"))
            candidates = (None,) if international else regions
            span = self._valid(phonenumbers, match, raw, candidates)
            if span is not None:
                yield span
        nordic_regions = {"nb": ("NO",), "da": ("DK",)}.get(language or "", ("NO", "DK"))
        for match in self.nordic.finditer(text):
            raw = match["value"]
            if sum(c.isdigit() for c in raw) != 8 or raw.startswith("0"):
                continue
            if not self.phone_words.search(text[max(0, match.start() - 40):match.start()]):
                continue
            span = self._valid(phonenumbers, match, raw, nordic_regions)
            if span is not None:
                yield span

    def _valid(self, phonenumbers, match, raw: str, regions) -> Span | None:  # type: ignore[no-untyped-def]
        digits = digits_only(raw)
        if not 7 <= len(digits) <= 15:
            return None
        number_text = "+" + raw[2:] if raw.startswith("00") else raw
        for region in regions:
            try:
                number = phonenumbers.parse(number_text, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                region_code = phonenumbers.region_code_for_number(number) or "?"
                return Span(kind=self.kind, start=match.start("value"), end=match.end("value"),
                            text=raw, score=1.0, explanation=f"{self.explanation} Region {region_code}.",
                            details={"normalized": e164})
        return None


def normalize_phone(value: str, region: str = "SE") -> str | None:
    """E.164 form of a phone number, or None when it does not parse."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
