"""One way to clean every text that is stored: the API, the importers and the admin all use it.

A text is normalised (NFC) before its length is checked, so that what is counted is what is
stored. Control characters are refused from people typing (a browser never sends them, a
script might) and removed from imported files (old systems stored what they got). Lone
surrogates and NUL would break PostgreSQL and the XML feeds, so neither may ever be stored.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# C0 and C1 controls (tab and newline are allowed where a text may have lines), surrogates and
# the two noncharacters U+FFFE/U+FFFF, which no XML document may hold.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CONTROL_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class BadText(ValueError):
    """A text that cannot be stored: ``code`` for programs, the message for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def normalise(value: str, *, multiline: bool = False) -> str:
    """NFC, one kind of line break, and for a one-line field its spaces collapsed."""
    value = unicodedata.normalize("NFC", value)
    if multiline:
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return " ".join(value.split())


def has_control(value: str, *, multiline: bool = False) -> bool:
    return bool((_CONTROL if multiline else _CONTROL_ONE_LINE).search(value))


def without_control(value: str, *, multiline: bool = False) -> str:
    """The text with every character removed that ``has_control`` objects to."""
    return (_CONTROL if multiline else _CONTROL_ONE_LINE).sub("", value)


def clean_text(value: str, *, max_length: int, multiline: bool = False, strip_control: bool = False) -> str:
    """``value`` as it will be stored, or BadText saying why it cannot be.

    ``strip_control`` removes control characters instead of refusing the text (for imports).
    The length is checked after normalising, on the text that would be stored.
    """
    if strip_control:
        value = without_control(value, multiline=multiline)
    elif has_control(value, multiline=multiline):
        raise BadText("control_characters", _("The text contains control characters."))
    value = normalise(value, multiline=multiline)
    if len(value) > max_length:
        raise BadText("too_long", _("The text is %(n)d characters long; at most %(max)d are allowed.")
                      % {"n": len(value), "max": max_length})
    return value


def printable(value: str) -> str:
    """For output that must not fail on what was stored before these rules (feeds, CSV)."""
    return without_control(value, multiline=True)


@deconstructible
class StorableText:
    """A model field validator: the admin refuses what the API would refuse."""

    message = gettext_lazy("The text contains control characters.")

    def __init__(self, multiline: bool = False):
        self.multiline = multiline

    def __call__(self, value: str) -> None:
        if has_control(value or "", multiline=self.multiline):
            raise ValidationError(self.message, code="control_characters")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StorableText) and other.multiline == self.multiline
