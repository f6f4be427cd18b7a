"""Does a sentence make a given claim? Content words by stem, with negation kept apart.

Used to spot statements that contradict an official position (review, rule 2) and comments
that repeat a known misconception (triage, rule 5). Claims are short sentences the
organisation writes itself ("distansarbete är förbjudet"), so matching all of a claim's
content words within one sentence is precise enough, and it needs no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from omdome.text.segment import words

NEGATIONS = frozenset({"inte", "ej", "icke", "aldrig", "not", "never", "no", "ikke", "ikkje",
                       "aldri", "inga", "ingen", "inget", "intet", "none", "nothing"})
STOPWORDS = frozenset({"är", "och", "att", "det", "som", "för", "med", "the", "and", "are", "is",
                       "to", "of", "for", "be", "er", "og", "på", "av", "til", "till",
                       "har", "a", "an", "in", "i", "om", "de", "den", "vi", "ni", "du", "it", "at",
                       "we", "you", "they", "was", "were", "has", "have", "will", "ska", "skal",
                       "kan", "can", "all", "alla", "ju", "nu", "now", "so", "så"})
STEM = 5


_REPORTED = re.compile(
    r"(?i)\b(?:säger\s+att|sägs|påstår|påstås|hävdar|hävdas|ryktet|rykten|myten|people\s+(?:say|keep\s+saying|claim)|"
    r"some\s+(?:say|claim)|it\s+is\s+said|rumou?rs?|myth|claims?\s+that|sier\s+at|siger\s+at|påstår"
    # An indirect question: "I often get asked whether it's fine to stop …".
    r"|whether|huruvida|hvorvidt|(?:asked|asks|ask|wonders?|wondered|frågar|frågade|undrar|undrade|spør|spurte|"
    r"spørger|spurgte)\s+(?:\w+\s+){0,2}(?:if|om))\b")


# Openings that ask whether a claim holds: "Stämmer det att …?", "Is it true that …?"
_ASKS = re.compile(r"(?i)^\W*(?:stämmer\s+det|är\s+det\s+(?:sant|så|rätt)|har\s+jag\s+förstått|is\s+it\s+true|"
                   r"is\s+it\s+right|did\s+you|have\s+you|are\s+you|stemmer\s+det|er\s+det\s+sant|"
                   r"passer\s+det|har\s+ni|har\s+dere|har\s+i|ska\s+ni|will\s+you|kommer\s+ni)\b")


# A one-off on a given day ("håller stängt i morgon fredag", "closed tonight for maintenance") is no
# general claim ("Strandvik stängs"), unless the claim itself names such a time.
_ONE_OFF = re.compile(
    r"(?i)\b(?:i\s*morgon|i\s*dag|i\s*kväll|i\s*natt|i\s+helgen|över\s+helgen|i\s*morgen|i\s+aften|i\s+weekenden|"
    r"på\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag)|"
    r"tomorrow|today|tonight|this\s+weekend|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"mellan\s+kl|between\s+\d|planerat\s+strömavbrott|planned\s+(?:outage|maintenance)|planlagt)\b")


_INTENTIONS = frozenset({"planer", "plans", "plan", "avsikt", "intention", "intentions", "planar", "hensikt",
                         "hensigt", "beslut", "decision"})


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim reduced to the stems of its content words and whether it is negated."""

    text: str
    stems: frozenset[str]
    negated: bool


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in words(text)]


def _is_negation(token: str) -> bool:
    return token in NEGATIONS or token.endswith("n't")


def parse_claim(text: str) -> Claim:
    tokens = _tokens(text)
    stems = frozenset(t[:STEM] for t in tokens if len(t) >= 2 and t not in STOPWORDS
                      and not _is_negation(t))
    return Claim(text, stems, any(_is_negation(t) for t in tokens))


def states(sentence: str, claim: Claim, *, in_questions: bool = False) -> bool:
    """True when ``sentence`` makes ``claim``: every stem present, negated only if the claim is.

    A question ("Bygglov tar ett år? Nej …") or reported speech ("People keep saying …")
    quotes a claim rather than making it; ``in_questions`` lets an assertion followed by a
    question mark count ("Typiskt att biblioteket stänger, var ska barnen ta vägen?").
    """
    if _REPORTED.search(sentence) or (sentence.rstrip().endswith("?") and (
            not in_questions or _ASKS.search(sentence))):
        return False
    tokens = _tokens(sentence)
    positions = [i for i, t in enumerate(tokens) if t[:STEM] in claim.stems]
    if not claim.stems or {tokens[i][:STEM] for i in positions} != claim.stems:
        return False
    if _ONE_OFF.search(sentence) and not _ONE_OFF.search(claim.text):
        return False
    # A negation counts when it stands among the claim's words (or just before them), or denies an
    # intention a few words before ("vi har inga planer på att stänga", "no plans to close"); one
    # further back belongs to another clause ("Det är inte officiellt än, men priserna höjs").
    window = tokens[max(0, min(positions) - 2): max(positions) + 1]
    lead = tokens[max(0, min(positions) - 5): min(positions)]
    denied = any(_is_negation(t) for t in window) or any(
        _is_negation(a) and b in _INTENTIONS for a, b in zip(lead, lead[1:], strict=False))
    return denied == claim.negated
