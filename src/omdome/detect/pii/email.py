"""E-mail addresses."""

from __future__ import annotations

import re

from omdome.detect.pii.base import Recognizer


class EmailRecognizer(Recognizer):
    """A local part, ``@`` and a domain with a top-level part of letters."""

    kind = "email"
    needs = re.compile("@")
    pattern = re.compile(
        r"(?<![\w.+-])(?P<value>[\w.+-]*\w@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})\b",
        re.IGNORECASE,
    )
    explanation = "Shaped like an e-mail address."
    veto = None

    def details(self, match: re.Match[str]) -> dict[str, str]:
        return {"normalized": match["value"].lower()}
