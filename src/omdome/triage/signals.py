"""Signals beside the category: is it a question, and how urgent is it?"""

from __future__ import annotations

import re

from omdome.detect.lexicons import matches
from omdome.text.normalize import Normalized
from omdome.text.segment import sentences

# How a question opens: a question word, or a verb before its subject ("kan ni", "can you", "kan dere").
_QUESTION_WORDS = ("vad när hur varför vem vilken vilket vilka what when where how why who which hva når hvor "
                   "hvordan hvorfor hvem hvad hvornår hvilke").split()
_VERB_FIRST = (("kan får går finns ska skulle", "ni du man jag det vi"),
               ("can could would will do does did is are", "you i we it there they"),
               ("kan får skal kunne", "dere du man jeg i vi"))
_OPENING = re.compile(
    r"^\W*(?:" + "|".join(_QUESTION_WORDS) + "|"
    + "|".join(f"(?:{'|'.join(verbs.split())}) (?:{'|'.join(subjects.split())})" for verbs, subjects in _VERB_FIRST)
    + r")\b",
    re.IGNORECASE,
)
# A text holding none of the words a question opens with opens no sentence like one, and looking
# for them is cheaper than splitting the text into sentences (every posted comment passes here).
_OPENERS = frozenset(_QUESTION_WORDS + [verb for verbs, _subjects in _VERB_FIRST for verb in verbs.split()])
_LETTERS = re.compile(r"[^\W\d_]+")


def is_question(text: str) -> bool:
    """A question mark, or a sentence that opens like a question ("Hur gör jag …", "Can you …")."""
    if "?" in text:
        return True
    if _OPENERS.isdisjoint(_LETTERS.findall(text.casefold())):
        return False
    return any(_OPENING.search(s.text) for s in sentences(text))


def urgency(norm: Normalized, language: str | None, *, threat: bool, category: str) -> tuple[str, str]:
    """``low``, ``normal`` or ``high``, and the reason for a high one.

    High: a threat; danger to life, health or property; a vulnerable person left without
    care; a deadline today on a question or complaint.
    """
    lang = language if language in ("sv", "en", "nb", "da") else None

    def found(table: str) -> str | None:
        first = matches("urgency.toml", table, lang, norm.text)
        return first[0][2] if first else None

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
