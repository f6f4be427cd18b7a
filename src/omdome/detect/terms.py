"""Match an organisation's own terms (confidential words, names, products) in any inflection."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from omdome.detect.base import Span
from omdome.text.normalize import Normalized

# Swedish (and Nordic) endings a name or noun takes in running text:
# "Projekt Falk" → "Projekt Falks", "Falken", "Falkens".
NORDIC_ENDINGS = r"(?:s|en|ens|et|ets|n|ns|t|ts|er|erna|ernas|ar|arna|arnas|or|orna|e|ne|r|rna|na)?"


def term_pattern(term: str) -> str:
    """Regex for one term: ``*`` is any word ending; the last word may take an inflection."""
    words = term.strip().lower().split()
    parts = []
    for i, word in enumerate(words):
        body = re.escape(word.rstrip("*"))
        if word.endswith("*"):
            body += r"[^\W_]*"
        elif i == len(words) - 1:
            body += NORDIC_ENDINGS + r"(?:'s|’s|:s|:en|:et|:n)?"
        parts.append(body)
    return r"[\s-]+".join(parts)


@lru_cache(maxsize=256)
def compile_terms(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a set of terms, whole words only, longest term first."""
    clean = sorted({t for t in terms if t.strip().strip("*")}, key=len, reverse=True)
    if not clean:
        return None
    body = "|".join(f"(?:{term_pattern(t)})" for t in clean)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)


def find_terms(terms: Iterable[str], norm: Normalized, kind: str, why: str) -> list[Span]:
    """Spans of ``terms`` in the normalised text, reported in original offsets."""
    pattern = compile_terms(tuple(terms))
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(norm.text):
        start, end = norm.span(match.start(), match.end())
        spans.append(Span(kind, start, end, norm.original[start:end], 1.0, why))
    return spans
