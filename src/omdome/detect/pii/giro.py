"""Swedish bankgiro and plusgiro numbers."""

from __future__ import annotations

import re

from omdome.detect.checksums import luhn_valid
from omdome.detect.pii.base import Recognizer, digits_only


class BankgiroRecognizer(Recognizer):
    """``NNN-NNNN`` or ``NNNN-NNNN`` with a Luhn check digit and "bankgiro" nearby.

    The shape alone is far too common (register numbers, order numbers), so a context
    word is required.
    """

    kind = "bankgiro"
    pattern = re.compile(r"(?<![\w/.,-])(?<!\d:)(?P<value>\d{3,4}-\d{4})(?![\w/-]|[.,:]\d)")
    context = re.compile(r"(?i)\bbankgiro\w*|\bbg\b|\bbg-n|bankgirot")
    context_required = True
    explanation = "Luhn check digit is correct and a bankgiro context word stands nearby."

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        return luhn_valid(digits_only(match["value"]))

    def details(self, match: re.Match[str]) -> dict[str, str]:
        return {"normalized": digits_only(match["value"])}


class PlusgiroRecognizer(Recognizer):
    """Two to eight digits ending in ``-N`` (``12 34 56-7``, ``1234567-8``), Luhn, "plusgiro" nearby."""

    kind = "plusgiro"
    pattern = re.compile(
        r"(?<![\w/.,-])(?<!\d:)(?P<value>\d{1,3}(?: ?\d{2}){0,3}-\d)(?![\w/-]|[.,:]\d)"
    )
    context = re.compile(r"(?i)\bplusgiro\w*|\bpostgiro\w*|\bpg\b|\bpg-n")
    context_required = True
    explanation = "Luhn check digit is correct and a plusgiro context word stands nearby."

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        digits = digits_only(match["value"])
        return 2 <= len(digits) <= 8 and luhn_valid(digits)

    def details(self, match: re.Match[str]) -> dict[str, str]:
        return {"normalized": digits_only(match["value"])}
