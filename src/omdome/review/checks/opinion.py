"""Rule 2: judgements about the organisation's matters are marked as the author's own."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.lexicons import phrases
from omdome.review.checks.identity import WORKS
from omdome.review.context import FIRST_PERSON_PLURAL, DraftContext, Hit, quoted
from omdome.text.segment import Sentence

# Swedish superlatives judge whatever word list is used: "snabbaste", "billigaste".
_SUPERLATIVE = re.compile(
    r"(?<![^\W_])(?:[^\W\d_]{3,}aste|(?:the|our)\s+(?:[^\W\d_]{2,}est|best|worst)"
    # The irregular ones, and Norwegian and Danish superlatives that judge.
    r"|bästa|bäst|sämsta|sämst|värsta|främsta|bedste|beste|verste|værste|dårligste|hurtigste|billigste|sikreste|"
    r"flotteste|smarteste|nemmeste|enkleste|fineste|dygtigste|dyktigste|grønneste|grønnste|bedst"
    # The Swedish superlative after "är": "snabbast i länet", "billigast på marknaden".
    r"|billigast|snabbast|starkast|nyast|finast|säkrast|tryggast|modernast|grönast|tystast|smartast|"
    r"vackrast|roligast|effektivast|pålitligast|störst|lägst"
    r"|(?:the|our|den|det|de|världens|landets|länets|stadens|sveriges|\w+s)\s+(?:single\s+|very\s+|allra\s+)?"
    r"(?:mest|most)\s+[^\W\d_]{4,})"
    r"(?![^\W_])", re.IGNORECASE)
_NOT_SUPERLATIVE = frozenset({"senaste", "sista", "näst sista", "the latest", "the west", "the rest",
                              "the interest", "the request", "the guest", "the forest", "the test",
                              "the nest", "the contest", "the protest", "the harvest", "our latest",
                              "our request", "our guest", "our guests", "our interest", "the suggest",
                              "the honest", "our forest",
                              # How often, how near, how early: a measure, not a verdict.
                              "vanligaste", "vanligste", "hyppigste", "the most common", "närmaste", "nærmeste",
                              "the nearest", "tidigaste", "the earliest"})
_WE = re.compile(r"(?<![^\W_])(?:" + "|".join(FIRST_PERSON_PLURAL) + r")(?![^\W_])", re.IGNORECASE)
# A modal aimed at the reader ("du borde", "you should") is advice, not a judgement of us.
_MODAL = re.compile(r"(?i)^(?:borde|bör|should|shouldn't|ought|burde)$")
_READER = re.compile(r"(?i)\b(?:du|ni|dig|er|you|dere|deg|dig|i|man)\s+(?:\w+\s+)?$")
# "debated whether AI should …": a question reported, not a judgement made.
_WHETHER = re.compile(r"\b(?:whether|huruvida|om|hvorvidt|what|vad|hva|hvad)\s+(?:[\w-]+\s+){0,3}$")
_POINTS_BACK = re.compile(r"(?i)^\W*(?:det|den|detta|denna|it|this|that|they|de|dom|den\s+här|det\s+här)"
                          r"(?:['’](?:ll|s|re)|\s)")
# "jag får ofta höra att vi borde …", "people say we should …": someone else's view, reported.
_REPORTED = re.compile(r"\b(?:höra|hör|säger|sa|sägs|menar|föreslår|föreslog|frågar|undrar|hear|say|says|said|"
                       r"suggest|suggests|ask|asks|høre|sier|siger)\s+(?:att|that|at)?\s*(?:[\w-]+\s+){0,2}$")
_SKIP_SENTENCE = re.compile(
    r"(?i)\b(?:tack|tackar|thanks|thank you|thank|grattis|congrat\w*|bra jobbat|well done|great job|"
    r"takk|tak for|kudos|frågan om|frågar om|undrar om|asked (?:if|whether)|asks (?:if|whether)|"
    r"wonder(?:s|ed)? (?:if|whether)|spørsmål om|spørger om)\b")
# "good news", "goda nyheter": announcing something, not judging it.
_SET_PHRASE = re.compile(r"\s+(?:news|nyheter|nyhet|nyheder|nyhed|nytt|nyhetene|nyheterna)\b")
# "mitt bästa råd", "the best tip": advice offered, not a verdict on the organisation.
_ADVICE_NOUN = re.compile(r"\s+\w*(?:råd|rådet|tips|tipset|advice|tip)\b")
# "mår dåligt", "forstår godt", "works best if": how someone feels or how a thing is done, not a verdict.
_HOW = re.compile(r"\b(?:mår|mådde|må|forstår|förstår|understand|säljer|sålde|sells?|sold|works?|worked|"
                  r"fungerar|funkar|virker|funker|går|gikk|gik|sover|sov|hører|hör|ser)\s+$")
# "what went wrong", "det som gick fel": a mishap told, not a verdict on anyone.
_HAPPENED = re.compile(r"\b(?:went|go|goes|gone|going|gick|går|gått|gikk|gik|gået)\s+$")
_MISHAP = frozenset({"wrong", "fel", "galt", "feil"})
_SIGN_OFF = re.compile(
    r"(?im)^\s*(?:med\s+)?(?:vänliga|bästa|varma|kind|best|warm|many)?\s*(?:hälsningar|regards|wishes|"
    r"hilsen|hilsner)\b.*$|^\s*(?:mvh|vh|br)\b.*$")


def run(ctx: DraftContext) -> Iterator[Hit]:
    # An official account speaks for the organisation: its judgements are the organisation's.
    if ctx.profile is not None and ctx.profile.account == "official":
        return
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    disclaimers = phrases("opinion.toml", "disclaimers", language)
    if disclaimers is not None and disclaimers.search(ctx.norm.text):
        return
    markers = phrases("opinion.toml", "markers", language)
    evaluative = phrases("opinion.toml", "evaluative", language)
    if evaluative is None:
        return
    marked = [bool(markers and markers.search(s.text.lower())) for s in ctx.sentences]
    open_sentences, found = [], []
    for i, sentence in enumerate(ctx.sentences):
        # A marker in the sentence or next to it ("… Det är min egen åsikt.") covers it.
        if any(marked[max(0, i - 1): i + 2]) or _exempt(sentence):
            continue
        open_sentences.append(sentence)
        judgement = _judgement(sentence.text, evaluative)
        if judgement is None or not (_about_us(ctx, sentence) or _verdict_after_us(ctx, sentence, judgement)
                                     or _superlative_on_our_topic(ctx, sentence, judgement)):
            continue
        start, end = sentence.start + judgement.start(), sentence.start + judgement.end()
        found.append((sentence.start, sentence.end))
        yield Hit("opinion.unmarked", start, end, {"term": ctx.text[start:end]},
                  "An evaluative word in a sentence about the organisation, with no opinion "
                  "marker near it and no disclaimer in the draft.")
    starts = {s.start for s in open_sentences}
    for reading in ctx.readings_of("opinion", found):
        if reading.start in starts:
            yield Hit("opinion.unmarked", reading.start, reading.end,
                      {"term": quoted(ctx.text[reading.start:reading.end])},
                      f"The model of meaning reads a verdict stated as fact in this sentence, with no opinion "
                      f"marker near it (p = {reading.probability:.2f}).")


def _exempt(sentence: Sentence) -> bool:
    """Questions, thanks, reported questions and sign-offs make no claim to mark."""
    text = sentence.text.strip()
    return text.endswith("?") or bool(_SKIP_SENTENCE.search(text)) or bool(_SIGN_OFF.fullmatch(text))


def _judgement(text: str, evaluative: re.Pattern[str]) -> re.Match[str] | None:
    lowered = _SIGN_OFF.sub(lambda m: " " * len(m.group()), text.lower())
    for match in evaluative.finditer(lowered):
        if _SET_PHRASE.match(lowered, match.end()) or (match.group() in _MISHAP
                                                       and _HAPPENED.search(lowered, 0, match.start())):
            continue  # "good news", "what went wrong": an announcement, a mishap, not a verdict
        if _ADVICE_NOUN.match(lowered, match.end()) or _HOW.search(lowered, 0, match.start()):
            continue
        if _MODAL.match(match.group()) and (_READER.search(lowered[: match.start()])
                                            or _WHETHER.search(lowered[: match.start()])
                                            or _REPORTED.search(lowered[: match.start()])):
            continue
        return match
    for match in _SUPERLATIVE.finditer(lowered):
        if match.group() not in _NOT_SUPERLATIVE and not _ADVICE_NOUN.match(lowered, match.end()) \
                and not _HOW.search(lowered, 0, match.start()):
            return match
    return None


# The organisation's own leadership: "management got this one right", "ledningen har …".
_OUR_LEADERS = re.compile(r"(?i)\b(?:ledningen|företagsledningen|koncernledningen|management|ledelsen|direktionen|"
                          r"vår\s+vd|our\s+ceo)\b")
_MINE = re.compile(r"(?i)\b(?:me|my|mig|mej|min|mitt|mina|meg|jag|jeg|i['’](?:ve|m|d))(?!\w)")


def _verdict_after_us(ctx: DraftContext, sentence: Sentence, judgement: re.Match[str]) -> bool:
    """A verdict without a verb, right after a sentence that names us: "Kör på Bergvik Modul.
    Bästa modulsystemet på marknaden." """
    # A superlative only ("Tråkigt att höra …" is sympathy, "Better safe than sorry" a saying), and
    # not the writer's own ("The biggest lesson for me: …").
    if not _SUPERLATIVE.fullmatch(judgement.group()) or _MINE.search(sentence.text):
        return False
    if len(sentence.text[: judgement.start()].split()) > 1:
        return False
    # The name may stand two sentences back: "Testa nya X-appen! Den visar … . Bästa appen som finns."
    before = [s for s in ctx.sentences if s.end <= sentence.start][-2:]
    return bool(before) and ctx.mentions_organisation(before[0].start, before[-1].end) is not None


def _superlative_on_our_topic(ctx: DraftContext, sentence: Sentence, judgement: re.Match[str]) -> bool:
    """A superlative in a sentence about one of the organisation's own topics, which are its services:
    "Nya bussappen är den smidigaste i länet" for a bus company with the topic "app*". Not the writer's
    own ("the biggest project I've had")."""
    if not _SUPERLATIVE.fullmatch(judgement.group()) or _MINE.search(sentence.text):
        return False
    pattern = ctx.topic_terms
    return pattern is not None and pattern.search(sentence.text) is not None


def _about_us(ctx: DraftContext, sentence: Sentence) -> bool:
    """Does the sentence speak of the organisation (leaving out the "I work at X" clause)?

    A sentence opening on "Det", "It", "This" speaks of what the sentences before it named.
    """
    if _WE.search(sentence.text) or _OUR_LEADERS.search(sentence.text):
        return True
    if _POINTS_BACK.match(sentence.text):
        before = [s for s in ctx.sentences if s.end <= sentence.start][-2:]
        if before and (ctx.mentions_organisation(before[0].start, sentence.start, loose=True) is not None
                       or _WE.search(ctx.text, before[0].start, sentence.start)):
            return True
    disclosure = WORKS.search(sentence.text)
    start = sentence.start
    while (mention := ctx.mentions_organisation(start, sentence.end)) is not None:
        in_disclosure = disclosure is not None and (
            0 <= mention.start() - (sentence.start + disclosure.end()) <= 40)
        if not in_disclosure:
            return True
        start = mention.end()
    return False
