"""Match lists of words and phrases (with ``*`` word-ending wildcards) as one regex."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from omdome.text.normalize import Normalized


def phrase_pattern(phrase: str) -> str:
    """Regex source for one phrase: spaces match any run of white space, ``*`` a word ending."""
    parts = []
    for word in phrase.strip().lower().split():
        wildcard = word.endswith("*")
        body = re.escape(word.rstrip("*"))
        parts.append(body + (r"[^\W_]*" if wildcard else ""))
    return r"\s+".join(parts)


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for all ``phrases``, whole words only, to match against lower-case text.

    Every caller matches normalised (lower-cased) text, so the pattern is case-sensitive: case
    folding at every position would double the cost. The alternatives are folded into a
    character trie ("idiot|idioten" → "idiot(?:en)?"), which Python's regex engine matches many
    times faster than a flat alternation of hundreds of phrases.
    """
    unique = {" ".join(p.strip().lower().split()) for p in phrases if p.strip()}
    if not unique:
        return None
    trie: dict = {}
    for phrase in unique:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(rf"(?<![^\W_])(?:{_trie_regex(trie)})(?![^\W_])")


def compile_substrings(strings: Iterable[str]) -> re.Pattern[str]:
    """One pattern that finds any of ``strings`` anywhere (inside words too), folded into a trie."""
    trie: dict = {}
    for string in set(strings):
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_trie_regex(trie, literal=True))


def _trie_regex(node: dict, *, literal: bool = False) -> str:
    """Regex source for a trie node; "" marks a phrase that may end here. Unless ``literal``, a space
    matches any run of white space and ``*`` a word ending."""
    ends = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        if char == " " and not literal:
            head = r"\s+"
        elif char == "*" and not literal:
            head = r"[^\W_]*"
        else:
            head = re.escape(char)
        rest = _trie_regex(node[char], literal=literal)
        branches.append(head + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def find_phrases(pattern: re.Pattern[str] | None, norm: Normalized) -> Iterator[tuple[int, int, str]]:
    """Matches of ``pattern`` in the normalised text as (start, end, matched) in original offsets."""
    if pattern is None:
        return
    for match in pattern.finditer(norm.text):
        start, end = norm.span(match.start(), match.end())
        yield start, end, match.group()


@cache
def load_data(name: str) -> dict[str, Any]:
    """A lexicon file shipped in ``omdome/detect/data``."""
    resource = files("omdome.detect").joinpath("data", name)
    with resource.open("rb") as handle:
        return tomllib.load(handle)


def by_language(table: dict[str, list[str]], language: str | None) -> list[str]:
    """Phrases for ``language``; every language's phrases when it is unknown."""
    if language in table:
        return table[language]
    if language == "nn" and "nb" in table:
        return table["nb"]
    return [p for phrases in table.values() for p in phrases]
