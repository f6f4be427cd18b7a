"""Signals beside the category: is it a question, and how urgent is it?"""

from __future__ import annotations

import re

from omdome.detect.lexicons import phrases
from omdome.text.normalize import Normalized
from omdome.text.segment import sentences

_OPENING = re.compile(
    r"^\W*(?:vad|när|hur|varför|vem|vilken|vilket|vilka|what|when|where|how|why|who|which|hva|når|"
    r"hvor|hvordan|hvorfor|hvem|hvad|hvornår|hvilke|(?:kan|får|går|finns|ska|skulle) (?:ni|du|man|jag|"
    r"det|vi)|(?:can|could|would|will|do|does|did|is|are) (?:you|i|we|it|there|they)|"
    r"(?:kan|får|skal|kunne) (?:dere|du|man|jeg|i|vi))\b",
    re.IGNORECASE,
)


def is_question(text: str) -> bool:
    """A question mark, or a sentence that opens like a question ("Hur gör jag …", "Can you …")."""
    return "?" in text or any(_OPENING.search(s.text) for s in sentences(text))


def urgency(norm: Normalized, language: str | None, *, threat: bool, category: str) -> tuple[str, str]:
    """``low``, ``normal`` or ``high``, and the reason for a high one.

    High: a threat; danger to life, health or property; a vulnerable person left without
    care; a deadline today on a question or complaint.
    """
    lang = language if language in ("sv", "en", "nb", "da") else None

    def found(table: str) -> str | None:
        pattern = phrases("urgency.toml", table, lang)
        match = pattern.search(norm.text) if pattern is not None else None
        return match.group() if match else None

    if threat:
        return "high", "threat"
    if (term := found("safety")) and category not in ("spam", "troll"):
        return "high", f"safety: {term!r}"
    if (care := found("care")) and (who := found("vulnerable")):
        return "high", f"care: {care!r} ({who!r})"
    if category in ("question", "complaint") and (term := found("today")):
        return "high", f"deadline today: {term!r}"
    if category in ("spam", "neutral", "praise", "troll"):
        return "low", ""
    return "normal", ""
