"""Swedish personnummer and samordningsnummer (coordination numbers: day + 60)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.base import Span
from omdome.detect.checksums import luhn_valid, valid_date
from omdome.detect.pii.base import Recognizer

_DANISH_CONTEXT = re.compile(r"(?i)\bcpr|\bdansk|\bdanish")


class SePersonnummerRecognizer(Recognizer):
    """Ten or twelve digits with a valid date of birth and Luhn check digit.

    Written forms: ``YYMMDD-NNNN``, ``YYMMDD+NNNN`` (age 100 or more),
    ``YYMMDD NNNN``, ``YYMMDDNNNN`` and the same with a four-digit year.
    A day of 61–91 makes it a samordningsnummer.
    """

    kind = "personnummer"
    pattern = re.compile(
        r"(?<![\w/.,-])(?<!\d:)(?P<value>(?P<century>1[89]|20)?(?P<yy>\d{2})(?P<gap>[ ]?)(?P<mm>\d{2})"
        r"(?P=gap)(?P<dd>\d{2})(?P<sep>[ ]?[-+\u2013][ ]?|[ ]?)(?P<serial>\d{3})(?P<check>\d))"
        r"(?![\w/-]|[.,:]\d)"
    )
    context = re.compile(
        r"(?i)\b(?:person|samordnings)?nr\b|personnummer|samordningsnummer|pnr|p-nr|"
        r"social security|personal identity"
    )
    explanation = "Date of birth is a real date and the Luhn check digit is correct."

    def find(self, text: str, language: str | None = None) -> Iterator[Span]:
        for span in super().find(text, language):
            if self._reads_as_danish(text, span, language):
                continue
            yield span

    def _reads_as_danish(self, text: str, span: Span, language: str | None) -> bool:
        """``DDMMYY-SSSS`` in Danish text, or beside "CPR", is a CPR number, not a Swedish one."""
        digits = "".join(c for c in span.text if c.isdigit())
        if len(digits) != 10 or "-" not in span.text:
            return False
        dd, mm, yy = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
        if not any(valid_date(c + yy, mm, dd) for c in (1900, 2000)):
            return False
        nearby = text[max(0, span.start - 40) : span.end + 20]
        return language == "da" or bool(_DANISH_CONTEXT.search(nearby))

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        century, sep = match["century"], match["sep"].strip()
        # Spaced date groups ("83 11 20-6620") only with a real separator before the serial.
        if match["gap"] and not sep:
            return False
        yy, mm, dd = int(match["yy"]), int(match["mm"]), int(match["dd"])
        if dd > 60:
            dd -= 60
        years = [int(century + match["yy"])] if century else [1900 + yy, 2000 + yy, 1800 + yy]
        if not any(valid_date(y, mm, dd) for y in years):
            return False
        return luhn_valid(match["yy"] + match["mm"] + match["dd"] + match["serial"] + match["check"])

    def kind_of(self, match: re.Match[str]) -> str:
        return "samordningsnummer" if int(match["dd"]) > 60 else "personnummer"
