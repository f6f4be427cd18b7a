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
    return tuple((m.start(), m.end(), m.group()) for m in pattern.finditer(text))


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
