"""The shipped lexicons, compiled once per language and cached."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from omdome.text.lexicon import by_language, compile_phrases, load_data


@cache
def phrases(file: str, table: str, language: str | None) -> re.Pattern[str] | None:
    """The compiled pattern for one table of one lexicon file in ``language``."""
    return compile_phrases(by_language(load_data(file).get(table, {}), language))


@lru_cache(maxsize=4096)
def matches(file: str, table: str, language: str | None, text: str) -> tuple[tuple[int, int, str], ...]:
    """Every match of one table in ``text`` (already normalised); cached, because several
    rules read the same comment."""
    pattern = phrases(file, table, language)
    if pattern is None:
        return ()
    heads = _phrase_heads(file, table, language)
    if heads is not None and heads.isdisjoint(_word_heads(text)):
        return ()
    return tuple((m.start(), m.end(), m.group()) for m in pattern.finditer(text))


# Every word of a phrase is a word of the text where the phrase matches (a word ending in "*" begins
# one). So a table can match only if, for each of its phrases, the text has a word that begins like
# the phrase's longest word: comparing the first letters of words rules most tables out for most
# comments, at a fraction of the cost of running the pattern (every comment is triaged as it is posted).
_RUN = re.compile(r"[^\W_]+")
_HEAD = 4


def _phrase_key(phrase: str) -> str | None:
    """The first four letters of the phrase's longest word, or the whole of a shorter word; None if
    the phrase has no word to use."""
    best = ""
    for run in _RUN.finditer(phrase):
        word = run.group()
        # "f*ck" would be one word of the text, not two: a run after a wildcard is no word of its own;
        # and a short stem ("dö*") would need the text's words cut to its own length.
        after_wildcard = run.start() > 0 and phrase[run.start() - 1] == "*"
        if after_wildcard or (len(word) < _HEAD and phrase[run.end():][:1] == "*"):
            continue
        best = max(best, word, key=len)
    return best[:_HEAD] or None


@cache
def _phrase_heads(file: str, table: str, language: str | None) -> frozenset[str] | None:
    """Each phrase's key; None when a phrase has none, so the table cannot be ruled out this way."""
    heads = set()
    for phrase in by_language(load_data(file).get(table, {}), language):
        phrase = phrase.strip().lower()
        if not phrase:
            continue
        key = _phrase_key(phrase)
        if key is None:
            return None
        heads.add(key)
    return frozenset(heads)


@lru_cache(maxsize=1024)
def _word_heads(text: str) -> frozenset[str]:
    """The first four characters of every word in ``text`` (the whole of a shorter one)."""
    return frozenset(word[:_HEAD] for word in _RUN.findall(text))


@cache
def officialese_terms(language: str | None) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Pattern over stiff phrases, and each phrase's plain alternative by matched text key."""
    terms = [t for t in load_data("officialese.toml")["term"]
             if language is None or t["lang"] == language or (language == "nn" and t["lang"] == "nb")]
    alternatives = {t["phrase"].lower(): t["alternative"] for t in terms}
    return compile_phrases(alternatives), alternatives


def alternative_for(matched: str, alternatives: dict[str, str]) -> str:
    """The plain alternative for a matched phrase, resolving ``*`` wildcards."""
    text = " ".join(matched.lower().split())
    if text in alternatives:
        return alternatives[text]
    for phrase, alternative in alternatives.items():
        if phrase.endswith("*") and re.fullmatch(
            r"\s+".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
                        for w in phrase.split()), text):
            return alternative
    return ""
