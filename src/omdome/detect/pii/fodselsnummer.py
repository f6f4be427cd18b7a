"""Norwegian fødselsnummer, D-numbers and H-numbers."""

from __future__ import annotations

import re

from omdome.detect.checksums import mod11_norwegian, valid_date
from omdome.detect.pii.base import Recognizer


class NoFodselsnummerRecognizer(Recognizer):
    """Eleven digits ``DDMMYYIIIKK`` (or ``DDMMYY IIIKK``) with both mod-11 control digits.

    D-numbers add 40 to the day, H-numbers 40 to the month.
    """

    kind = "fodselsnummer"
    pattern = re.compile(
        r"(?<![\w/.,-])(?<!\d:)(?P<value>(?P<dd>\d{2})(?P<mm>\d{2})(?P<yy>\d{2})[ ]?(?P<rest>\d{5}))"
        r"(?![\w/-]|[.,:]\d)"
    )
    explanation = "Date of birth is a real date and both mod-11 control digits are correct."

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        dd, mm, yy = int(match["dd"]), int(match["mm"]), int(match["yy"])
        if dd > 40:
            dd -= 40
        if mm > 40:
            mm -= 40
        if not any(valid_date(c + yy, mm, dd) for c in (1900, 2000, 1800)):
            return False
        return mod11_norwegian(match["dd"] + match["mm"] + match["yy"] + match["rest"])
