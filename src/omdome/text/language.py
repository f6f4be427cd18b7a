"""Which language a text is in: Swedish, English, Norwegian, Danish, or undetermined."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

SUPPORTED = ("sv", "en", "nb", "nn", "da")
# Other languages the detector knows only so that it can say "not one of ours".
_OTHERS = ("GERMAN", "FINNISH", "FRENCH", "SPANISH", "DUTCH", "POLISH", "ARABIC", "SOMALI",
           "PERSIAN", "TURKISH", "ITALIAN", "PORTUGUESE", "ESTONIAN", "RUSSIAN", "ICELANDIC")
_CODES = {"SWEDISH": "sv", "ENGLISH": "en", "BOKMAL": "nb", "NYNORSK": "nn", "DANISH": "da"}
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language code (``und`` when undetermined) and how sure the detector is."""

    code: str
    confidence: float

    @property
    def family(self) -> str:
        """``nb`` for both written Norwegians, else the code itself."""
        return "nb" if self.code == "nn" else self.code


@cache
def _detector():  # type: ignore[no-untyped-def]
    # lingua ships its models inside the wheel.
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in (*_CODES, *_OTHERS)]
    # Preloading all models costs ~80 ms once; loading them lazily costs that per first use
    # of each language, in the middle of a request.
    return (LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode()
            .with_minimum_relative_distance(0.1).with_preloaded_language_models().build())


# Words only one of the languages writes. Two or more of one kind and none of the others
# settle Swedish or English without the statistical model (most comments, at a tenth of
# the cost); anything less clear goes to lingua.
_ONLY = {
    "sv": frozenset("och inte är jag att hur vad varför också något från mycket bara vill finns "
                    "tack kunde borde till enligt nya inga någon några hade blev där här själv hela "
                    "alla ju väl eftersom mellan varje sig sina dessutom vilken ännu för ska när än ni dom "
                    "nån nåt tycker sen mina dina våra era".split()),
    "en": frozenset("the and is are you not this that with have what why how from would could "
                    "there thanks please your our of to it my was were has had been just get got "
                    "their they will should any more but about after because really very some who "
                    "when which on we me be so can do don't it's i'm im an if or out up an "
                    "thank than then these those them".split()),
    "nb": frozenset("hva meg deg seg noe noen ikkje nå veldig takk fikk gjøre hei kjempe dere deres sykt mye "
                    "etter uten igjen opp vært ble håper uker neste".split()),
    "da": frozenset("hvad noget meget fik gøre rigtig jer jeres nogen vores bliver uden hvornår næste lige uge "
                    "uger håber".split()),
}
# Words Norwegian and Danish share, which rule out Swedish and English.
_SHARED_NORDIC = frozenset("ikke jeg og også bare hvordan hvorfor til fra mit hvem hvis mange synes kun".split())
_WORDS = re.compile(r"[^\W\d_]+")

# Letters that tell the languages apart: æ and ø only Norwegian and Danish write among ours; ä and ö
# Swedish (and Finnish, Estonian, German); the others only languages that are not ours.
_NORDIC_LETTERS = frozenset("æøÆØ")
_SWEDISH_LETTERS = frozenset("äöÄÖ")
_FOREIGN_LETTERS = frozenset("üßõþðÜÕÞÐ")
# Swedish words that Finnish and Estonian (which write ä and ö too) do not ("sen" and "mina" they do).
_SURELY_SWEDISH = frozenset("och att inte är jag för också från mycket varför någon några något tack kunde borde "
                            "eftersom hade blev själv varje dessutom vilken ännu när tycker nån nåt".split())
# Letters Norwegian and Danish do not write, but Swedish, Icelandic, Faroese, German or Estonian do.
_NOT_NORDIC_LETTERS = frozenset("äöüßþðõÄÖÜÞÐÕ")
# Words only Norwegian and Danish write among the languages the detector knows.
_NORDIC_WORDS = frozenset("og jeg ikke også hvordan hvorfor hvem hvis".split())


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(text[:600].lower()))


def _quick(text: str) -> str | None:
    return _decided(_words(text), _swedish_letters(text))


def _swedish_letters(text: str) -> bool:
    """ä or ö, and no æ, ø, ü, ß, õ, þ or ð: Swedish among the four (or Finnish or Estonian)."""
    return (not _SWEDISH_LETTERS.isdisjoint(text) and _NORDIC_LETTERS.isdisjoint(text)
            and _FOREIGN_LETTERS.isdisjoint(text))


def _decided(words: set[str], swedish_letters: bool = False) -> str | None:
    hits = {lang: len(words & only) for lang, only in _ONLY.items()}
    nordic = len(words & _SHARED_NORDIC)
    for lang in ("sv", "en"):
        others = sum(v for k, v in hits.items() if k != lang) + nordic
        if hits[lang] >= 2 and hits[lang] >= 4 * others:
            return lang
    if (swedish_letters and not words.isdisjoint(_SURELY_SWEDISH)
            and hits["sv"] >= 4 * (sum(hits.values()) - hits["sv"] + nordic)):
        return "sv"  # "Rektorn och lärarna …": a word no other language writes, and ä or ö
    for lang, other in (("nb", "da"), ("da", "nb")):
        if hits[other] == 0 and hits["sv"] + hits["en"] == 0 and (hits[lang] >= 2 or (hits[lang] and nordic >= 2)):
            return lang
    return None


def _nordic_only(text: str, words: set[str]) -> bool:
    """Norwegian or Danish and nothing else: their letters or words, and no Swedish or English word."""
    if words & _ONLY["sv"] or words & _ONLY["en"] or not _NOT_NORDIC_LETTERS.isdisjoint(text):
        return False
    return not _NORDIC_LETTERS.isdisjoint(text) or not _NORDIC_WORDS.isdisjoint(words)


def preload() -> None:
    """Build the detectors now (a server starting up) rather than on the first comment."""
    _detector()
    _nordic_detector()


@cache
def _nordic_detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    return (LanguageDetectorBuilder.from_languages(Language.BOKMAL, Language.NYNORSK, Language.DANISH)
            .with_low_accuracy_mode().with_minimum_relative_distance(0.1).with_preloaded_language_models().build())


# Addresses, @mentions and #hashtags are not in the writer's language ("www.sundby.se/nyheter"
# made a Swedish comment look Danish).
_NOT_LANGUAGE = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:se|com|nu|org|net|no|dk|fi|eu|io)(?:/\S*)?\b"
                           r"|[@#][\w.]+", re.IGNORECASE)


# What every match of _NOT_LANGUAGE holds; most comments hold none, and this is cheaper to look for.
_MAYBE_NOT_LANGUAGE = re.compile(r"[@#]|://|www\.|\.(?:se|com|nu|org|net|no|dk|fi|eu|io)\b", re.IGNORECASE)


def language_text(text: str) -> str:
    """``text`` without the parts that carry no language: web addresses, @mentions, #hashtags."""
    if _MAYBE_NOT_LANGUAGE.search(text) is None:
        return text
    return _NOT_LANGUAGE.sub(" ", text)


def detect_language(text: str, *, default: str = "und") -> LanguageGuess:
    """Guess the language of ``text``; ``default`` for texts too short to tell."""
    text = language_text(text)
    letters = sum(map(str.isalpha, text))
    if letters < 12:
        return LanguageGuess(default, 0.0)
    words = _words(text)
    quick = _decided(words, _swedish_letters(text))
    if quick is not None:
        return LanguageGuess(quick, 0.99)
    if _nordic_only(text, words):
        # Norwegian or Danish for sure, but which: a detector that knows only those costs a fifth.
        decided = _nordic_detector().detect_language_of(text[:300])
        if decided is not None:
            return LanguageGuess(_CODES[decided.name], 0.9)
    detector = _detector()
    # The plain decision is cheaper than all confidences; it abstains when unsure.
    decided = detector.detect_language_of(text[:300])
    if decided is not None:
        return LanguageGuess(_CODES.get(decided.name, "und"), 0.9)
    values = detector.compute_language_confidence_values(text[:300])
    best = values[0]
    code = _CODES.get(best.language.name, "und")
    if code == "und" or best.value < MIN_CONFIDENCE:
        # Norwegian and Danish are close; if together they win, call it the larger one.
        nordic = {(_CODES.get(v.language.name)): v.value for v in values[:3]}
        scandinavian = nordic.get("nb", 0) + nordic.get("nn", 0) + nordic.get("da", 0)
        if code in {"nb", "nn", "da"} and scandinavian >= MIN_CONFIDENCE:
            return LanguageGuess(code, round(scandinavian, 3))
        return LanguageGuess("und" if code == "und" else default, round(best.value, 3))
    return LanguageGuess(code, round(best.value, 3))
