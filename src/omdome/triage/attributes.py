"""Attribute scores in the manner of Perspective (TOXICITY, THREAT, SPAM …), read off triage.

A moderation tool that asked Perspective "how toxic is this comment?" gets the same kind of
answer here: one value between 0 and 1 per attribute. Each value comes from the triage model's
heads and the hostility lexicons, and each definition is written out below so that a reader can
tell what a score of 0.9 rests on. The attribute names are stable; so are Omdöme's own
(``OMDOME_TRIAGE`` and one per rule-5 category).
"""

from __future__ import annotations

from dataclasses import dataclass

from omdome.detect.hostility import find_insults, find_threats, has_words_from
from omdome.detect.lexicons import matches, phrases
from omdome.text.segment import sentences
from omdome.triage.categories import CATEGORIES
from omdome.triage.classifier import ReasonCode, Triager, TriageResult
from omdome.triage.features import prepare

# The attributes Perspective clients ask for most, as Omdöme defines them (docs/perspective.md).
PERSPECTIVE_ATTRIBUTES = ("TOXICITY", "SEVERE_TOXICITY", "INSULT", "THREAT", "PROFANITY", "IDENTITY_ATTACK",
                          "SPAM")
# Omdöme's own: the triage's confidence in its category, and the probability of each category.
OWN_ATTRIBUTES = ("OMDOME_TRIAGE", *(f"OMDOME_{c.upper()}" for c in CATEGORIES))
ATTRIBUTES = PERSPECTIVE_ATTRIBUTES + OWN_ATTRIBUTES
# Every attribute reads these languages; the models were trained on them and nothing else.
LANGUAGES = ("sv", "en", "nb", "da")
_ALIASES = {"no": "nb", "nn": "nb", "nob": "nb", "nno": "nb", "swe": "sv", "eng": "en", "dan": "da"}


def language_code(tag: str) -> str:
    """ISO 639-1 or a BCP 47 tag ("sv-SE", "no", "en_GB") as the two letters the models know, else
    the tag's own first part in lower case (which no attribute supports)."""
    base = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    return _ALIASES.get(base, base)


@dataclass(frozen=True)
class Analysis:
    """One text's attribute scores, and the triage they were read from."""

    scores: dict[str, float]
    triage: TriageResult


# The most the two models' lean can make a text toxic that triage does not call hateful, or that
# holds no hostile word at all.
MODELS_ALONE = 0.65


def _hostile(norm, lang) -> bool:  # type: ignore[no-untyped-def]
    return bool(find_threats(norm, lang)) or has_words_from(norm, lang, ("profanity", "contempt", "dehumanising"))


def attribute_scores(result: TriageResult, text: str) -> dict[str, float]:
    """Every attribute's score for ``text``, given its triage ``result``."""
    norm = prepare(text)
    lang = result.language if result.language in LANGUAGES else None
    codes = set(result.reason_codes)
    hateful = result.scores.get("hateful", 0.0)
    insults = find_insults(norm, lang)
    # The toxicity head alone reads short texts poorly ("Sorry, I like your name." 0.8): half of
    # the value is the category model's view, hateful counted whole and trolling half.
    toxicity = 0.5 * result.toxicity + 0.5 * (hateful + 0.5 * result.scores.get("troll", 0.0))
    if insults:
        toxicity = max(toxicity, 0.7)
    elif result.category != "hateful" or not _hostile(norm, lang):
        # Without one hostile word and without triage calling it hateful, the models' lean alone
        # stays under the 0.7 at which a listed insult starts ("Sorry, I like your name." read 0.76).
        toxicity = min(toxicity, MODELS_ALONE)
    reported = result.moderation == "report"
    group = phrases("hostility.toml", "groups", lang)
    names_a_group = bool(group and group.search(norm.text))
    dehumanising = phrases("hostility.toml", "dehumanising", lang)
    scores = {
        # As above; at least 0.7 with a listed insult (triage's own value is at least 0.9 for a threat).
        "TOXICITY": toxicity,
        # Needs both: a toxic text that the category model also calls hateful; a threat or
        # incitement that triage would report is severe whatever the wording.
        "SEVERE_TOXICITY": max(min(toxicity, hateful), 0.95 if reported else 0.0),
        # A listed insult; otherwise only as toxic as the model finds it hateful or mocking.
        "INSULT": max(toxicity, 0.85 if codes & {ReasonCode.INSULT_AIMED, ReasonCode.INSULT} else 0.8)
        if insults else min(toxicity, hateful + result.scores.get("troll", 0.0)),
        # The threat lexicon, else the threat head's own probability.
        "THREAT": 0.95 if find_threats(norm, lang) else result.threat,
        # Swearing is a matter of words: a listed one, else a little of the toxicity.
        "PROFANITY": max(0.9, toxicity) if any(True for _ in matches("hostility.toml", "profanity", lang, norm.text))
        else round(0.3 * toxicity, 4),
        # A protected group named beside dehumanising words, else hostility that names a group.
        "IDENTITY_ATTACK": 0.95 if names_a_group and dehumanising and dehumanising.search(norm.text)
        else min(toxicity, hateful) * (1.0 if names_a_group else 0.3),
        # The spam category; a text whose links all lead to the organisation's own site is not spam.
        "SPAM": min(result.scores.get("spam", 0.0), 0.2) if ReasonCode.OWN_LINK in codes
        else result.scores.get("spam", 0.0),
        "OMDOME_TRIAGE": result.confidence,
    }
    for category in CATEGORIES:
        scores[f"OMDOME_{category.upper()}"] = result.scores.get(category, 0.0)
    return {name: round(min(1.0, max(0.0, float(value))), 4) for name, value in scores.items()}


def analyse(triager: Triager, text: str) -> Analysis:
    result = triager.triage(text)
    return Analysis(attribute_scores(result, text), result)


def sentence_spans(triager: Triager, text: str) -> list[tuple[int, int, dict[str, float]]]:
    """(begin, end, scores) per sentence, offsets in characters (Unicode code points) of ``text``."""
    parts = [s for s in sentences(text) if s.text.strip()]
    if not parts:
        return []
    results = triager.triage_many([(None, s.text) for s in parts])
    return [(s.start, s.end, attribute_scores(r, s.text)) for s, r in zip(parts, results, strict=True)]
