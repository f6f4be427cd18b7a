"""The shape every personal-data recognizer shares: a candidate pattern and a validation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from omdome.detect.base import Span

REFERENCE_WORDS = re.compile(
    r"(?i)(?:order|ordernummer|ordernr|ordernr\.|beställningsnummer|fakturanummer|faktura|ocr|"
    r"kundnummer|kundnr|referens|ref\.?|ärendenummer|ärende|bokningsnummer|booking|kvitto\w*|"
    r"artikelnummer|art\.?nr|tracking|sändningsnummer|kolli\w*|kid|invoice|reference|"
    r"ticket|case|serienummer|serial|avtalsnummer|medlemsnummer|lägenhetsnummer)"
    r"(?:\s*(?:nr|no|number|nummer)\.?)?\s*[:#]?\s*$"
)


class Recognizer:
    """Find candidates with ``pattern``; keep those ``validate`` accepts.

    ``validate`` returns True (certain), False (reject) or None (no opinion: keep only
    when a context word stands near the match). Subclasses declare their data as class
    attributes, so a recognizer reads top to bottom as a description of what it finds.
    """

    kind: ClassVar[str]
    pattern: ClassVar[re.Pattern[str]]
    context: ClassVar[re.Pattern[str] | None] = None
    context_window: ClassVar[int] = 40
    context_required: ClassVar[bool] = False
    # Words right before a number that say it is something else ("Ordernummer 2304121235").
    veto: ClassVar[re.Pattern[str] | None] = REFERENCE_WORDS
    explanation: ClassVar[str] = ""
    # What every match holds: a text without it is not searched (most comments hold no digit, and
    # every reader's comment passes here). None: search every text.
    needs: ClassVar[re.Pattern[str] | None] = re.compile(r"\d")

    def find(self, text: str, language: str | None = None) -> Iterator[Span]:
        for match in self.pattern.finditer(text):
            verdict = self.validate(match, language)
            if verdict is False:
                continue
            has_context = self.has_context(text, match.start(), match.end())
            if not has_context and self.vetoed(text, match.start()):
                continue
            if (verdict is None or self.context_required) and not has_context:
                continue
            start, end = match.span("value") if "value" in match.re.groupindex else match.span()
            yield Span(
                kind=self.kind_of(match),
                start=start,
                end=end,
                text=text[start:end],
                score=1.0 if verdict else 0.85,
                explanation=self.explain(match, has_context),
                details=self.details(match),
            )

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        return True

    def kind_of(self, match: re.Match[str]) -> str:
        return self.kind

    def details(self, match: re.Match[str]) -> dict[str, str]:
        return {}

    def explain(self, match: re.Match[str], has_context: bool) -> str:
        return self.explanation + (" A context word stands nearby." if has_context else "")

    def vetoed(self, text: str, start: int) -> bool:
        return self.veto is not None and bool(self.veto.search(text[max(0, start - 28):start]))

    def has_context(self, text: str, start: int, end: int) -> bool:
        if self.context is None:
            return False
        before = text[max(0, start - self.context_window) : start]
        after = text[end : end + self.context_window // 2]
        return bool(self.context.search(before) or self.context.search(after))


def digits_only(value: str) -> str:
    return "".join(c for c in value if c.isdigit())
