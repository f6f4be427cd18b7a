"""Payment card numbers."""

from __future__ import annotations

import re

from omdome.detect.checksums import luhn_valid
from omdome.detect.pii.base import Recognizer, digits_only

# (issuer, prefixes as (low, high) over the first digits, allowed lengths)
CARD_RANGES: tuple[tuple[str, tuple[tuple[int, int], ...], tuple[int, ...]], ...] = (
    ("visa", ((4, 4),), (13, 16, 19)),
    ("mastercard", ((51, 55), (2221, 2720)), (16,)),
    ("amex", ((34, 34), (37, 37)), (15,)),
    ("discover", ((6011, 6011), (644, 649), (65, 65)), (16, 19)),
    ("jcb", ((3528, 3589),), (16, 19)),
    ("unionpay", ((62, 62),), (16, 17, 18, 19)),
    ("maestro", ((5018, 5018), (5020, 5020), (5038, 5038), (6304, 6304), (6759, 6763)),
     (12, 13, 14, 15, 16, 17, 18, 19)),
)


def card_issuer(digits: str) -> str | None:
    """Name of the card scheme whose number range and length fit, else None."""
    for issuer, ranges, lengths in CARD_RANGES:
        if len(digits) not in lengths:
            continue
        for low, high in ranges:
            width = len(str(low))
            if low <= int(digits[:width]) <= high:
                return issuer
    return None


class PaymentCardRecognizer(Recognizer):
    """13–19 digits, compact or in groups, in a card scheme's range, with a Luhn check digit."""

    kind = "payment_card"
    pattern = re.compile(r"(?<![\w.,/-])(?P<value>\d{4}(?:[ -]?\d{2,6}){2,4}|\d{13,19})(?![\w/-]|[.,]\d)")
    explanation = "Number range of a card scheme and the Luhn check digit are correct."

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        digits = digits_only(match["value"])
        if not 12 <= len(digits) <= 19 or card_issuer(digits) is None:
            return False
        return luhn_valid(digits)

    def details(self, match: re.Match[str]) -> dict[str, str]:
        return {"issuer": card_issuer(digits_only(match["value"])) or "unknown"}
