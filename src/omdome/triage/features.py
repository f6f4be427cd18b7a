"""Turn a comment into hashed features: character n-grams, words, and lexicon signals.

The same function serves training and prediction, so the model sees exactly what it was
trained on. Features are hashed (CRC-32) into a fixed space, which needs no vocabulary
file and makes the weights the only thing a model directory has to carry.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache

from omdome.detect.lexicons import phrases
from omdome.text.normalize import normalize

N_FEATURES = 2**18
SIGNAL_WEIGHT = 6
_URL = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+\.(?:com|se|nu|net|org|io|xyz|ru|info|shop|biz|no|dk)(?:/\S*)?\b",
                  re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_MENTION = re.compile(r"@\w+")
_DIGITS = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
QUESTION_WORDS = frozenset(
    "vad när var hur varför vem vilken vilket vilka kan får finns går ska skulle borde är har "
    "what when where how why who which can could do does is are will would should may "
    "hva når hvor hvordan hvorfor hvem hvilken kan får finnes går skal er har "
    "hvad hvornår hvordan hvorfor hvem hvilken kan får findes".split()
)


def clean(text: str) -> str:
    """Lower-cased, de-obfuscated text with URLs, e-mails, mentions and digits generalised."""
    text = _URL.sub(" urltoken ", text)
    text = _EMAIL.sub(" emailtoken ", text)
    text = _MENTION.sub(" mentiontoken ", text)
    return _DIGITS.sub("0", normalize(text).text)


def signals(raw: str, cleaned: str, language: str | None) -> list[str]:
    """Named features from lexicons and surface form (punctuation, capitals, links)."""
    names = []
    lang = language if language in ("sv", "en", "nb", "da") else None
    for table, name in (("insults", "insult"), ("threats", "threat"), ("profanity", "profanity"),
                        ("benign_intensifiers", "benign"), ("targets", "target"), ("groups", "group"),
                        ("dehumanising", "dehumanising")):
        pattern = phrases("hostility.toml", table, lang)
        if pattern is not None and pattern.search(cleaned):
            names.append(f"lex:{name}")
    if "lex:group" in names and ({"lex:insult", "lex:dehumanising", "lex:threat"} & set(names)):
        names.append("lex:group_attack")
    stripped = raw.strip()
    if stripped.endswith("?") or "?" in stripped:
        names.append("form:question_mark")
    first = _WORD.search(cleaned)
    if first and first.group() in QUESTION_WORDS:
        names.append("form:question_word")
    if "!" in stripped:
        names.append("form:exclamation")
    letters = [c for c in raw if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        names.append("form:shouting")
    if "urltoken" in cleaned:
        names.append("form:link")
    if not letters:
        names.append("form:no_letters")
    names.append(f"len:{min(len(stripped) // 40, 8)}")
    names.append(f"lang:{language or 'und'}")
    return names


@lru_cache(maxsize=200_000)
def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (N_FEATURES - 1)


@lru_cache(maxsize=200_000)
def _token_features(token: str) -> tuple[int, ...]:
    """Hashed character 2–5-grams of one token and the token itself as a word.

    Cached: words recur across comments, so bulk runs hash each one once.
    """
    padded = f" {token} "
    size = len(padded)
    grams = [padded[i:i + n] for n in (2, 3, 4, 5) for i in range(size - n + 1)]
    if token[0].isalnum():
        grams.append("w:" + token)
    return tuple(_hash(g) for g in grams)


def feature_counts(text: str, language: str | None = None) -> Counter[int]:
    """Hashed feature indices of ``text`` with their counts."""
    cleaned = clean(text)
    tokens = _TOKEN.findall(cleaned)
    counts: Counter[int] = Counter()
    for token in tokens:
        counts.update(_token_features(token))
    words = [t for t in tokens if t[0].isalnum()]
    counts.update(_hash(f"b:{a} {b}") for a, b in zip(words, words[1:], strict=False))
    # Lexicon and form signals are few beside hundreds of n-grams; counting them several
    # times keeps them audible after the vector is normalised.
    for name in signals(text, cleaned, language):
        counts[_hash(name)] += SIGNAL_WEIGHT
    return counts
