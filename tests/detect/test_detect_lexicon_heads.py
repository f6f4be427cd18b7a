"""A lexicon table is ruled out by the first letters of the text's words, and loses no match by it."""

from __future__ import annotations

import pytest
from tests.detect.test_detect_pii_needs import held_texts

from omdome.detect import lexicons
from omdome.detect.lexicons import _phrase_key, matches, phrases
from omdome.text.language import _NOT_LANGUAGE, language_text
from omdome.text.lexicon import load_data
from omdome.text.normalize import normalize
from omdome.triage.features import _EMAIL, _MENTION, _URL, substitute

# Every table of plain phrases the comment path and the draft check read.
FILES = ("hostility.toml", "sentiment.toml", "urgency.toml", "secrecy.toml", "opinion.toml", "disclosure.toml",
         "expertise.toml")


def tables() -> list[tuple[str, str]]:
    out = []
    for file in FILES:
        for table, by_language in load_data(file).items():
            if isinstance(by_language, dict) and all(isinstance(v, list) for v in by_language.values()):
                out.append((file, table))
    return out


@pytest.mark.slow
def test_ruling_tables_out_by_first_letters_finds_every_match_the_pattern_finds():
    texts = [normalize(t).text for t in held_texts()[::2]]
    compared = found = 0
    for file, table in tables():
        for language in ("sv", "en", "nb", "da", None):
            pattern = phrases(file, table, language)
            if pattern is None:
                continue
            for text in texts:
                expected = tuple((m.start(), m.end(), m.group()) for m in pattern.finditer(text))
                assert matches(file, table, language, text) == expected, (file, table, language, text)
                compared += 1
                found += bool(expected)
            lexicons.matches.cache_clear()
    assert compared > 1_000_000 and found > 30_000  # the tables do match: the comparison compares something


@pytest.mark.parametrize(("phrase", "key"), [
    ("idiot*", "idio"),  # a word ending begins a longer word of the text
    ("du suger", "suge"),  # the longest word, the rarest in comments
    ("du", "du"),  # a short word is a whole word of the text
    ("cp-skadad", "skad"),  # both parts of a hyphened word are words of the text
    ("dö* nu", "nu"),  # a short stem would need the text's words cut to two letters
    ("f*ck", None),  # one word of the text, split by the wildcard: no key, the table is not ruled out
    ("🤡", None),
])
def test_a_phrase_is_keyed_by_its_longest_whole_word(phrase, key):
    assert _phrase_key(phrase) == key


def test_a_table_with_a_match_is_never_ruled_out():
    assert matches("hostility.toml", "insults", "sv", "du är en idiot") != ()
    assert matches("hostility.toml", "insults", "sv", "tack för hjälpen") == ()


def test_addresses_are_replaced_only_where_a_cheap_test_finds_one_and_none_is_missed():
    """substitute and language_text skip their patterns when a cheaper one finds nothing: the same text."""
    with_address = 0
    for text in held_texts():
        every = _MENTION.sub(" mentiontoken ", _EMAIL.sub(" emailtoken ", _URL.sub(" urltoken ", text)))
        assert substitute(text) == every, text
        assert language_text(text) == _NOT_LANGUAGE.sub(" ", text), text
        with_address += every != text
    assert with_address > 300


@pytest.mark.parametrize(("text", "expected"), [
    ("@anna.lind_ kolla här!", " mentiontoken  kolla här!"),
    ("Tack @sundby.kommun.", "Tack  mentiontoken ."),
])
def test_a_mention_is_one_token_with_the_dots_of_an_instagram_handle(text, expected):
    assert substitute(text) == expected
