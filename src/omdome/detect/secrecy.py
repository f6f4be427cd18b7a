"""Public sector: replies about someone's own matter, and information typically under secrecy."""

from __future__ import annotations

import re
from collections.abc import Sequence

from omdome.detect.base import Span
from omdome.detect.lexicons import phrases
from omdome.detect.personal_data import IDENTITY_KINDS
from omdome.text.lexicon import find_phrases
from omdome.text.normalize import Normalized
from omdome.text.segment import Sentence

SENSITIVE_TABLES = ("health", "social_services", "benefits")
# Second-person possessives right before a sensitive word tie it to the person addressed.
_YOUR = re.compile(r"(?:\b(?:din|ditt|dina|er|ert|era|your|dine|dit|jeres)\s+(?:\w+\s+)?)$", re.IGNORECASE)
_FULL_NAME = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+\b")
_SURNAME_ENDING = re.compile(r"(?:son|sen|berg|ström|lund|gren|qvist|kvist|blad|dahl|man|ell|ius|"
                             r"ing|ander|borg|holm|stedt|fors|wall|ek|sjö)\b", re.IGNORECASE)

# First words of capitalised pairs that name an institution, not a person ("Region Gotland").
INSTITUTION_WORDS = frozenset({
    "region", "kommun", "landstinget", "länsstyrelsen", "stad", "staden", "försäkringskassan",
    "skatteverket", "arbetsförmedlingen", "migrationsverket", "polisen", "socialstyrelsen",
    "inspektionen", "rådet", "nämnden", "förvaltningen", "skolverket", "sveriges", "svenska",
    "kommunen", "regionen", "county", "city", "council", "nav", "kommune", "fylkeskommune",
})


def find_own_matter(norm: Normalized, language: str | None) -> list[Span]:
    """Phrases dealing with the addressee's own matter ("din ansökan", "your appeal")."""
    return [Span("own_matter", s, e, norm.original[s:e], 0.8,
                 "Refers to the addressee's own matter at the authority.")
            for s, e, _ in find_phrases(phrases("secrecy.toml", "own_matter", language), norm)]


def find_secret_personal_matters(
    norm: Normalized,
    language: str | None,
    sentences: Sequence[Sentence],
    personal_data: Sequence[Span] = (),
) -> list[Span]:
    """Health, social-services or benefit words tied to an identifiable person.

    The person is identifiable when the same sentence names a relative ("min son"),
    a full name, or addresses them ("ditt försörjningsstöd"), or when the draft also
    carries an identity number, address or phone number.
    """
    sensitive: list[tuple[int, int]] = []
    for table in SENSITIVE_TABLES:
        sensitive += [(s, e) for s, e, _ in find_phrases(phrases("secrecy.toml", table, language), norm)]
    if not sensitive:
        return []
    text = norm.original
    kin = [(s, e) for s, e, _ in find_phrases(phrases("secrecy.toml", "kinship", language), norm)]
    identified_anywhere = [p for p in personal_data if p.kind in IDENTITY_KINDS | {"address", "phone"}]
    found = []
    for start, end in sorted(set(sensitive)):
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
        reason = _identified(text, start, lo, hi, kin, identified_anywhere)
        if reason:
            found.append(Span("secrecy", start, end, text[start:end], 0.9, reason))
    return found


def _identified(text: str, start: int, lo: int, hi: int, kin: list[tuple[int, int]],
                personal: Sequence[Span]) -> str | None:
    if _YOUR.search(text[max(lo, start - 40):start]):
        return "A sensitive word tied to the person addressed (second-person possessive)."
    if any(lo <= s < hi for s, _ in kin):
        return "A sensitive word in the same sentence as a named relative."
    for name in _FULL_NAME.finditer(text, lo, hi):
        if name.group().split()[0].lower() in INSTITUTION_WORDS:
            continue
        # A capitalised pair opening a sentence is a name only if it ends like a surname.
        if name.start() > lo or _SURNAME_ENDING.search(name.group()):
            return "A sensitive word in the same sentence as a full name."
    if personal:
        return f"A sensitive word in a draft that also carries personal data ({personal[0].kind})."
    return None
