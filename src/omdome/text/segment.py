"""Split text into sentences and words, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:[-'’:][^\W\d_]+)*")
# Abbreviations after which a full stop does not end a sentence (sv, en, nb, da).
ABBREVIATIONS = frozenset({
    "t.ex", "bl.a", "d.v.s", "dvs", "m.m", "osv", "o.s.v", "ca", "kl", "nr", "resp", "jfr", "s.k",
    "f.d", "p.g.a", "pga", "enl", "st", "tel", "fr.o.m", "t.o.m", "e.g", "i.e", "etc", "mr", "mrs",
    "ms", "dr", "vs", "approx", "f.eks", "mfl", "m.fl", "ifm", "iht",
})
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)]*(?=\s+|$)|\n\s*\n|\n(?=\s*[-•*]\s)")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets; blank lines and list items also end one."""
    result: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith(".") and _ends_with_abbreviation(text, match.start()):
            continue
        _append(result, text, start, match.end())
        start = match.end()
    _append(result, text, start, len(text))
    return result


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    return text[word_start:dot].lower().rstrip(".") in ABBREVIATIONS


def _append(result: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not WORD.search(stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    real_start = start + lead
    result.append(Sentence(real_start, real_start + len(stripped), stripped))


def words(text: str) -> list[str]:
    """The words of ``text`` (letters only; numbers and punctuation left out)."""
    return WORD.findall(text)
