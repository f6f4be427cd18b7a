"""Turn a comment into hashed features: character n-grams, words, and lexicon signals.

The same function serves training and prediction, so the model sees exactly what it was
trained on. Features are hashed (CRC-32) into a fixed space, which needs no vocabulary
file and makes the weights the only thing a model directory has to carry.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from omdome.detect.lexicons import matches
from omdome.text.hashing import DIGITS, hash_feature, ngram_counts
from omdome.text.normalize import Normalized, normalize

SIGNAL_WEIGHT = 6
_URL = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+\.(?:com|se|nu|net|org|io|xyz|ru|info|shop|biz|no|dk)(?:/\S*)?\b",
                  re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_MENTION = re.compile(r"@\w+(?:\.\w+)*")  # Instagram handles hold dots: @anna.lind
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
QUESTION_WORDS = frozenset(
    "vad när var hur varför vem vilken vilket vilka kan får finns går ska skulle borde är har "
    "what when where how why who which can could do does is are will would should may "
    "hva når hvor hvordan hvorfor hvem hvilken kan får finnes går skal er har "
    "hvad hvornår hvordan hvorfor hvem hvilken kan får findes".split()
)


# What every match of _URL holds: most comments hold none, and this is cheaper to look for.
_MAYBE_URL = re.compile(r"://|www\.|\.(?:com|se|nu|net|org|io|xyz|ru|info|shop|biz|no|dk)\b", re.IGNORECASE)


def substitute(text: str) -> str:
    """URLs, e-mail addresses and @mentions replaced by one token each."""
    if _MAYBE_URL.search(text) is not None:
        text = _URL.sub(" urltoken ", text)
    if "@" in text:
        text = _EMAIL.sub(" emailtoken ", text)
        text = _MENTION.sub(" mentiontoken ", text)
    return text


def prepare(text: str) -> Normalized:
    """The normalised form both the features and the lexicon rules read."""
    return normalize(substitute(text))


def signals(raw: str, norm: Normalized, cleaned: str, language: str | None) -> list[str]:
    """Named features from lexicons and surface form (punctuation, capitals, links)."""
    names = []
    lang = language if language in ("sv", "en", "nb", "da") else None
    for table, name in (("insults", "insult"), ("threats", "threat"), ("profanity", "profanity"),
                        ("benign_intensifiers", "benign"), ("targets", "target"), ("groups", "group"),
                        ("dehumanising", "dehumanising")):
        if matches("hostility.toml", table, lang, norm.text):
            names.append(f"lex:{name}")
    if "lex:group" in names and ({"lex:insult", "lex:dehumanising", "lex:threat"} & set(names)):
        names.append("lex:group_attack")
    # Sarcasm: praise words beside a setback ("Fantastiskt, ännu en stängning. Bra jobbat.").
    if matches("sentiment.toml", "setbacks", lang, norm.text):
        names.append("cue:setback")
        if matches("sentiment.toml", "positive", lang, norm.text):
            names.append("cue:praise_beside_setback")
        if matches("sentiment.toml", "irony_markers", lang, norm.text):
            names.append("cue:irony_beside_setback")
    stripped = raw.strip()
    if stripped.endswith("?") or "?" in stripped:
        names.append("form:question_mark")
    first = _WORD.search(cleaned)
    if first and first.group() in QUESTION_WORDS:
        names.append("form:question_word")
    if "!" in stripped:
        names.append("form:exclamation")
    letters = sum(map(str.isalpha, raw))  # counted in C: every posted comment passes here
    # Capitals among all characters first: never fewer than among the letters, and cheaper to count.
    if (letters >= 8 and sum(map(str.isupper, raw)) / letters > 0.6
            and sum(map(str.isupper, filter(str.isalpha, raw))) / letters > 0.6):
        names.append("form:shouting")
    if "urltoken" in cleaned:
        names.append("form:link")
    if not letters:
        names.append("form:no_letters")
    names.append(f"len:{min(len(stripped) // 40, 8)}")
    names.append(f"lang:{language or 'und'}")
    return names


# The signals the embedding heads read beside the sentence embedding: it cannot see a lexicon, and
# "Fantastiskt, ännu en stängning" embeds close to praise.
EMBED_SIGNALS = ("lex:insult", "lex:threat", "lex:profanity", "lex:benign", "lex:target", "lex:group_attack",
                 "lex:dehumanising", "cue:setback", "cue:praise_beside_setback", "cue:irony_beside_setback",
                 "form:question_mark", "form:exclamation", "form:shouting", "form:link")
EMBED_SIGNAL_VALUE = 0.5


def with_signals(vector: np.ndarray, text: str, language: str | None, norm: Normalized | None = None) -> np.ndarray:
    """The sentence embedding followed by one value per EMBED_SIGNALS name (0 or EMBED_SIGNAL_VALUE)."""
    norm = norm or prepare(text)
    found = set(signals(text, norm, DIGITS.sub("0", norm.text), language))
    extra = np.array([EMBED_SIGNAL_VALUE if name in found else 0.0 for name in EMBED_SIGNALS], dtype=np.float32)
    return np.concatenate([np.asarray(vector, dtype=np.float32), extra])


def feature_counts(text: str, language: str | None = None, norm: Normalized | None = None) -> Counter[int]:
    """Hashed feature indices of ``text`` with their counts; ``norm`` is ``prepare(text)`` if known."""
    norm = norm or prepare(text)
    cleaned = DIGITS.sub("0", norm.text)
    counts = ngram_counts(cleaned)
    # Lexicon and form signals are few beside hundreds of n-grams; counting them several
    # times keeps them audible after the vector is normalised.
    for name in signals(text, norm, cleaned, language):
        counts[hash_feature(name)] += SIGNAL_WEIGHT
    return counts
