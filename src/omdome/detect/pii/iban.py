"""International bank account numbers (IBAN)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.base import Span
from omdome.detect.checksums import iban_valid
from omdome.detect.pii.base import Recognizer

# Lengths for the countries most often seen in Nordic text; others need 15–34 characters.
IBAN_LENGTHS = {
    "SE": 24, "NO": 15, "DK": 18, "FI": 18, "IS": 26, "DE": 22, "GB": 22, "NL": 18, "FR": 27,
    "ES": 24, "IT": 27, "BE": 16, "AT": 20, "CH": 21, "PL": 28, "EE": 20, "LV": 21, "LT": 20,
    "IE": 22, "PT": 25, "LU": 20,
}


class IbanRecognizer(Recognizer):
    """Country code, two check digits and the account, compact or in groups of four."""

    kind = "iban"
    pattern = re.compile(
        r"(?<![\w-])(?P<value>[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?)(?!\w)"
    )
    explanation = "Country length and the ISO 13616 mod-97 check are correct."

    def find(self, text: str, language: str | None = None) -> Iterator[Span]:
        for match in self.pattern.finditer(text):
            end = self._end(match)
            if end is None:
                continue
            value = text[match.start("value"):end]
            yield Span(self.kind, match.start("value"), end, value, 1.0, self.explanation,
                       {"normalized": value.replace(" ", "")})

    def _end(self, match: re.Match[str]) -> int | None:
        """Where the IBAN ends: the country's length, so "… 7466 BIC ESSESESS" is not swallowed."""
        value = match["value"]
        expected = IBAN_LENGTHS.get(value[:2])
        lengths = [expected] if expected else list(range(34, 14, -1))
        for length in lengths:
            seen = 0
            for i, char in enumerate(value):
                seen += char != " "
                if seen == length:
                    compact = value[: i + 1].replace(" ", "")
                    if iban_valid(compact):
                        return match.start("value") + i + 1
                    break
        return None

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        compact = match["value"].replace(" ", "")
        expected = IBAN_LENGTHS.get(compact[:2])
        if expected is not None and len(compact) != expected:
            return False
        if not 15 <= len(compact) <= 34:
            return False
        return iban_valid(compact)

    def details(self, match: re.Match[str]) -> dict[str, str]:
        return {"normalized": match["value"].replace(" ", "")}
