"""Danish CPR numbers."""

from __future__ import annotations

import re

from omdome.detect.checksums import mod11_danish, valid_date
from omdome.detect.pii.base import Recognizer


class DkCprRecognizer(Recognizer):
    """``DDMMYY-SSSS`` with a real date.

    Numbers issued since 2007 need not pass the old modulus-11 check, so a number that
    fails it still counts when a context word ("CPR") stands near or the text is Danish.
    Runs after the Swedish recognizer, which claims ``YYMMDD-NNNN`` numbers first.
    """

    kind = "cpr"
    pattern = re.compile(
        r"(?<![\w/.,-])(?<!\d:)(?P<value>(?P<dd>\d{2})(?P<gap>[ ]?)(?P<mm>\d{2})(?P=gap)(?P<yy>\d{2})"
        r"(?P<sep>[ ]?-[ ]?|)(?P<serial>\d{4}))"
        r"(?![\w/-]|[.,:]\d)"
    )
    context = re.compile(r"(?i)\bcpr|personnummer|person-nr|personnr")
    explanation = "Date of birth is a real date in the Danish CPR layout."

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        dd, mm, yy = int(match["dd"]), int(match["mm"]), int(match["yy"])
        if not any(valid_date(c + yy, mm, dd) for c in (1900, 2000)):
            return False
        digits = match["dd"] + match["mm"] + match["yy"] + match["serial"]
        if match["gap"] and not match["sep"].strip():
            return False
        if match["sep"].strip() == "-" and (mod11_danish(digits) or language == "da"):
            return True
        return None
