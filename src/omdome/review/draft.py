"""What a draft must be before it can be checked: text, not empty, not huge, no control codes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from omdome.i18n import Message

MAX_DRAFT_CHARS = 200_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DraftError(ValueError):
    """A draft that cannot be checked, with what is wrong and where.

    ``template`` is an English message with ``{placeholders}``; front ends translate it
    with gettext and fill in ``params``.
    """

    def __init__(self, template: str, **params: object):
        self.message = Message(template, **params)
        super().__init__(str(self.message))

    def translated(self, gettext: Callable[[str], str]) -> str:
        return self.message.translated(gettext)


def validate_draft(text: str) -> str:
    """Return ``text`` with line endings unified and in NFC, or raise DraftError saying what is wrong."""
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftError(
            "the draft is {length} characters long; the limit is {limit} "
            "(split it into separate posts)", length=len(text), limit=MAX_DRAFT_CHARS,
        )
    # Offsets refer to this form: newlines unified and accents composed (NFC), as browsers send.
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise DraftError("the draft is empty")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        raise DraftError(
            "the draft contains a control character ({char}) at line {line}, column {column}",
            char=f"U+{ord(control.group()):04X}", line=line, column=column,
        )
    return text
