"""Hostile and disparaging language, robust to spelling games.

Matching runs on normalised text (``omdome.text.normalize``), so "1d10t", "i d i o t"
and a Cyrillic "іdiot" all read as "idiot"; spans are reported in the original text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from omdome.detect.base import Span
from omdome.detect.belittling import find_belittling
from omdome.detect.lexicons import matches, phrases
from omdome.detect.terms import compile_terms
from omdome.detect.veiled import WARNED, find_veiled_threats
from omdome.text.lexicon import find_phrases
from omdome.text.normalize import Normalized
from omdome.text.segment import Sentence

# Compounds that name colleagues or units: "ekonomiavdelningen", "arbetskamraterna", "IT-chefen".
_COMPOUND_TARGETS = re.compile(
    r"(?i)(?<![^\W_])[\w-]*(?:avdelning|kollega|kolleg|arbetskamrat|chef|ledning|enhet|kontor|"
    r"department|colleague|coworker|co-worker|manager|afdeling|avdeling|sjef)[\w-]*(?![^\W_])")
# "Karin Ek", "Per-Olof Svensson": two capitalised words in a row.
_FULL_NAME = re.compile(r"(?<![\w-])[A-ZÅÄÖÆØ][a-zåäöæø]+(?:-[A-ZÅÄÖÆØ][a-zåäöæø]+)? [A-ZÅÄÖÆØ][a-zåäöæø]{1,}")
_SELF = re.compile(r"(?i)\b(?:jag\s+(?:är|var|kände\s+mig\s+som|känner\s+mig\s+som)|i\s+(?:am|was|feel\s+like)|"
                   r"i'm|jeg\s+(?:er|var))\s+(?:\w+\s+){0,2}$")
# A person as the subject: "han är", "they are", "du var" — what follows is said of them.
_PERSON_IS = re.compile(r"(?i)\b(?:(?:han|hon|hen|dom|de|ni|du|he|she|they|you|hun|dere|dem|de)\s+"
                        r"(?:är|var|blir|is|are|was|were|er|var|bliver|blir)"
                        # "Han som planerade …", "Whoever wrote it", "Folk som gör så": someone as subject.
                        r"|(?:han|hon|de|dom|den|folk|alla|people|anyone|those|whoever|he|she|they)\s+"
                        r"(?:som|who|that|der|wrote|did)"
                        r"|(?:vissa|en\s+del|somliga|some)\s+(?:människor|manniskor|personer|people|folk)?\s*"
                        r"(?:är|ar|are|er))\b")
# "Idioter som aldrig …", "Clowns who …": the word names people and says who they are.
_WHO_FOLLOWS = re.compile(r"(?i)^\s*(?:som|who|that|der|which)\b")
# A sentence that is nothing but the word: "Clowns. 🤡", "Amatörer!" — said of whoever came before.
_ALONE = re.compile(r"^\W*(\w+)\W*$")
_ABOUT = re.compile(r"(?i)\b(?:om|about|on|titled|kallad|heter)\s+(?:\w+\s+){0,1}$")


def _spans(table: str, kind: str, norm: Normalized, language: str | None, why: str) -> list[Span]:
    spans = []
    for start, end, _ in matches("hostility.toml", table, language, norm.text):
        s, e = norm.span(start, end)
        spans.append(Span(kind, s, e, norm.original[s:e], 1.0, why))
    return spans


def find_insults(norm: Normalized, language: str | None) -> list[Span]:
    """Insulting words, leaving out everyday praise such as "grymt bra" or "sjukt snabbt"."""
    benign = _spans("benign_intensifiers", "benign", norm, language, "")
    insults = _spans("insults", "insult", norm, language, "Listed as an insult.")
    return [i for i in insults if not any(i.overlaps(b) for b in benign)]


def _SHORT_VERDICT(sentence: str, at: int) -> bool:  # noqa: N802 - reads as the rule it is
    """"Absolute clowns.", "Totalt inkompetenta byråkrater, hela bunten.": a verdict of a few
    (at most eight) words opening on the insult, said of whoever the sentences before named."""
    return len(_WORD.findall(sentence)) <= 8 and len(_WORD.findall(sentence[:at])) <= 1


_WORD = re.compile(r"\w+")


def _contempt(norm: Normalized, language: str | None) -> list[Span]:
    return [Span("insult", s, e, norm.original[s:e], 1.0, "Belittles whoever it describes.")
            for s, e, _ in find_phrases(phrases("hostility.toml", "contempt", language), norm)]


_QUOTES = "'‘’\"“”«»"
# "kallade oss 'idioter'", "a customer called me an 'incompetent hag'": someone else's words, quoted.
_QUOTED_BY = re.compile(r"(?i)\b(?:stod|står|said|says|reads|kallade|kallar|kallat|skrev|skriver|sa|sade|"
                        r"ordet|orden|called|calls|wrote|"
                        r"the\s+word|kalte|kaldte|sagde|sagt)\b[^.!?]{0,25}$")


def _quoted(text: str, span: Span) -> bool:
    """Is the insult inside quotation marks that report what someone else said or wrote?"""
    opening = max(text.rfind(q, 0, span.start) for q in _QUOTES)
    if opening < 0 or span.start - opening > 40 or not any(q in text[span.end:span.end + 40] for q in _QUOTES):
        return False
    closing = min((i for q in _QUOTES if (i := text.find(q, span.end)) >= 0), default=len(text))
    return bool(_QUOTED_BY.search(text[max(0, opening - 60):opening])
                or _QUOTED_AFTER.match(text[closing + 1:closing + 40]))


# "'Byråkrater som inte gör något' – så skrev någon": the reporting verb after the quote.
_QUOTED_AFTER = re.compile(r"(?i)^[\s,–—-]*(?:så\s+)?(?:skrev|sa|sade|wrote|said|sagde)\b")
# "… hopeless at PowerPoint, but she's the best boss I've had": teasing, taken back at once.
_BUT = re.compile(r"(?i)\b(?:men|but|mens|though|although|fast)\b")


def _taken_back(norm: Normalized, language: str | None, at: int, end: int, sentences: Sequence[Sentence]) -> bool:
    """Does a "but" after the words turn to praise of the same person, in this sentence or the next?"""
    following = next((s for s in sentences if s.start >= end), None)
    rest = norm.original[at:following.end if following else end]
    but = _BUT.search(rest)
    if but is None:
        return False
    after = rest[but.end():]
    return bool(_PRAISE.search(after) or matches("sentiment.toml", "positive", language, after.lower()))


_PRAISE = re.compile(r"(?i)\b(?:bästa|bäst|best|beste|bedste|grym|grymma|fantastisk\w*|underbar\w*|brilliant|great|"
                     r"amazing|toppen|duktig\w*|dyktig\w*|dygtig\w*|flink\w*|snäll\w*|kind|lovely|fin\w*\s+chef|"
                     r"ovärderlig\w*|invaluable|guld\s+värd|worth\s+(?:her|his|their)\s+weight)\b")


def has_words_from(norm: Normalized, language: str | None, tables: Sequence[str]) -> bool:
    """Does the text hold any word of these tables of the hostility lexicon?"""
    return any(matches("hostility.toml", table, language, norm.text) for table in tables)


def find_threats(norm: Normalized, language: str | None) -> list[Span]:
    """Phrases that threaten violence or harm ("jag vet var du bor"), and veiled threats ("vi vet
    vilken bil du kör", "det vore synd om något hände ert kontor"); not a threat quoted as
    received ("det stod 'vi vet var du bor'")."""
    listed = _spans("threats", "threat", norm, language, "Listed as a threat.")
    veiled = [Span("threat", s, e, norm.original[s:e], 0.9, "A veiled threat.")
              for s, e in find_veiled_threats(norm.original)]
    spans = listed + [v for v in veiled if not any(v.overlaps(t) for t in listed)]
    text = norm.original
    return [t for t in spans if not _quoted(text, t) and not _RETOLD.search(text[max(0, t.start - 70):t.start])
            and not (WARNED.fullmatch(t.text) and _BANTER.match(text[t.end:t.end + 12]))]


# "You've been warned 😎🍻" after a pub-quiz boast: a warning followed by a grin is banter. A wink
# is not among them: "… lakken ridser nemt 😉" threatens.
_BANTER = re.compile("^[\\s.!]*[\U0001F60E\U0001F602\U0001F923\U0001F604\U0001F605\U0001F606\U0001F37B\U0001F37A"
                     "\U0001F389\U0001F61C\U0001F61D\U0001F3C6\U0001F4AA]")


# "Någon skrev här ovanför att han ska bränna ner kontoret", "someone above said they'd …": a threat
# someone else made, retold by a writer who wants it dealt with.
_RETOLD = re.compile(r"(?i)\b(?:någon|nån|someone|somebody|en\s+person|a\s+guy|a\s+man|nogen|noen|han|hon|he|she)\s+"
                     r"(?:\w+\s+){0,5}(?:skrev|skriver|sa|sade|säger|hotade|wrote|writes|said|says|threatened|"
                     r"sagde|siger|truede|truet)\b[^.!?]{0,40}$")


def find_disparaging(
    norm: Normalized,
    language: str | None,
    sentences: Sequence[Sentence],
    organisation_terms: Sequence[str] = (),
) -> list[Span]:
    """Insults aimed at anyone: in the same sentence as a colleague, a manager, the organisation,
    the person addressed ("din idiot"), the public it serves, a group, or a person named in full."""
    dismissals = [Span("disparaging", s, e, norm.original[s:e], 1.0, "Tells the person addressed off.")
                  for s, e, _ in find_phrases(phrases("hostility.toml", "dismissals", language), norm)]
    dismissals += [Span("disparaging", s, e, norm.original[s:e], 1.0, "Talks down to people.")
                   for s, e, _ in find_phrases(phrases("hostility.toml", "condescension", language), norm)]
    listed = find_insults(norm, language)
    listed += [c for c in _contempt(norm, language) if not any(c.overlaps(i) for i in listed)]
    dismissals += [b for b in find_belittling(norm.original, sentences) if not any(b.overlaps(d) for d in dismissals)]
    insults = [i for i in listed if not any(i.overlaps(d) for d in dismissals) and not _quoted(norm.original, i)]
    if not insults:
        return sorted(dismissals, key=lambda span: span.start)
    targets = []
    for table in ("targets", "addressees", "groups"):
        targets += [(s, e) for s, e, _ in find_phrases(phrases("hostility.toml", table, language), norm)]
    targets += [m.span() for m in _FULL_NAME.finditer(norm.original)]
    targets += [m.span() for m in _COMPOUND_TARGETS.finditer(norm.original)]
    org = compile_terms(tuple(organisation_terms))
    if org is not None:
        targets += [m.span() for m in org.finditer(norm.original)]
    found = []
    for insult in insults:
        sentence = next((s for s in sentences if s.start <= insult.start < s.end), None)
        if sentence is None:
            continue
        before = norm.original[max(sentence.start, insult.start - 40):insult.start]
        if _SELF.search(before) or _ABOUT.search(before):
            continue  # "jag var en idiot", "en bok om idioter i ledarskapet"
        if _taken_back(norm, language, insult.end, sentence.end, sentences):
            continue
        aimed = [norm.original[s:e] for s, e in targets if sentence.start <= s < sentence.end]
        if not aimed and (person := _PERSON_IS.search(norm.original, sentence.start, insult.start)):
            aimed = [person.group().strip()]  # "han är en hopplös byråkrat"
        if not aimed and (_ALONE.match(sentence.text) or _WHO_FOLLOWS.match(norm.original[insult.end:])
                          or _SHORT_VERDICT(sentence.text, insult.start - sentence.start)):
            aimed = ["(the sentence before)"]
        if aimed:
            found.append(Span("disparaging", insult.start, insult.end, insult.text, 1.0,
                              f"Insult in the same sentence as {aimed[0]!r}."))
    return sorted(found + dismissals, key=lambda span: span.start)
