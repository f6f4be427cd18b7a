"""Rule 2: the draft stays within the author's expertise."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.lexicons import phrases
from omdome.detect.terms import compile_terms
from omdome.review.context import DraftContext, Hit


def run(ctx: DraftContext) -> Iterator[Hit]:
    profile = ctx.profile
    # An official account speaks for the whole organisation, not from one person's expertise.
    if profile is None or not ctx.policy.topics or profile.account == "official":
        return
    # The head of the whole organisation works with all of its topics.
    if _HEAD_OF_ALL.search(profile.role or ""):
        return
    authority = _authority_sentences(ctx)
    own = {e.strip().lower() for e in profile.expertise}
    own_role = _role_spans(ctx)
    little = _FUNCTION_WORDS.get(ctx.language, frozenset())
    for topic in ctx.policy.topics:
        if topic.name.lower() in own or any(k.lower().rstrip("*") in own for k in topic.keywords):
            continue
        pattern = compile_terms(tuple(k for k in topic.keywords if k.lower().rstrip("*") not in little))
        match = next((m for m in pattern.finditer(ctx.text)
                      if not _refers_on(ctx, m.start()) and _near(ctx, m.start(), authority)
                      and not any(s <= m.start() < e for s, e in own_role)),
                     None) if pattern else None
        if match is None:
            continue
        yield Hit("expertise.outside", match.start(), match.end(), {"topic": topic.name},
                  f"Keyword {match.group()!r} belongs to the topic {topic.name!r}, which is not "
                  f"in the author's expertise ({', '.join(profile.expertise) or 'none listed'}).")


# A topic's keyword that is a little word of the draft's language is no sign of the topic: Danish "fire"
# is four, "er" is "is"; an administrator's English keyword "fire" means fire only in English.
_FUNCTION_WORDS = {
    "sv": frozenset({"är", "och", "att", "i", "på", "en", "ett", "för", "med", "om", "man", "men", "kan", "vill", "ska",
                     "har", "vid", "hos", "alla", "över", "under", "till", "av", "de", "den", "det", "som", "er"}),
    "nb": frozenset({"er", "og", "at", "i", "på", "en", "et", "ei", "for", "med", "om", "man", "men", "kan", "vil",
                     "skal", "har", "ved", "hos", "alle", "over", "under", "til", "av", "de", "den", "det", "som",
                     "fire", "to", "tre", "ti"}),
    "da": frozenset({"er", "og", "at", "i", "på", "en", "et", "for", "med", "om", "man", "men", "kan", "vil", "skal",
                     "har", "ved", "hos", "alle", "over", "under", "til", "af", "de", "den", "det", "som", "fire",
                     "to", "tre", "ti"}),
    "en": frozenset({"the", "a", "an", "in", "on", "of", "and", "or", "is", "it", "at", "to", "for", "as", "by", "be",
                     "er", "i", "all", "over", "under", "can", "will", "have", "has", "man"}),
}
# Passing a question on to the right colleague is what rule 2 asks for.
_REFERRAL = re.compile(
    r"(?i)\b(?:skickar\s+(?:den|det|frågan)?\s*vidare|hänvisa\w*|kollega\w*\s+(?:på|inom|vid)|"
    r"kontakta|vänd\s+dig\s+till|forward\w*|pass(?:ed|ing)?\s+(?:it|this|your\s+\w+)\s+on|"
    r"refer\w*|colleagues?\s+(?:in|at|on)|get\s+in\s+touch\s+with|contact|videresend\w*|"
    r"kollega\w*\s+(?:i|på|hos)|ligger\s+hos)\b")


def _refers_on(ctx: DraftContext, offset: int) -> bool:
    sentence = ctx.sentence_of(offset)
    return sentence is not None and bool(_REFERRAL.search(sentence.text))


def _authority_sentences(ctx: DraftContext) -> set[int]:
    """Indexes of the sentences where the author speaks as one who knows (advice, a verdict)."""
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    pattern = phrases("expertise.toml", "authority", language)
    if pattern is None:
        return set()
    return {i for i, s in enumerate(ctx.sentences) if pattern.search(s.text.lower())}


def _near(ctx: DraftContext, offset: int, authority: set[int]) -> bool:
    """In a sentence with such words, or next to one ("Mitt råd: … . Boka inte …"), or in a
    sentence that lays down a term or a date ("alla barn får en plats inom fyra månader")."""
    index = next((i for i, s in enumerate(ctx.sentences) if s.start <= offset < s.end), None)
    if index is None:
        return False
    text = ctx.sentences[index].text
    if {index - 1, index, index + 1} & authority:
        return True
    # A date or a change with where it was published ("protokollet finns på sundby.se", "enligt
    # pressmeddelandet") passes on public news; it is no claim on one's own authority.
    if (_TERMS.search(text) or (_CHANGE.search(text) and _WHEN.search(text))) and not _SOURCE.search(text):
        return True
    # Advice or a fact stated as certain in words no lexicon lists ("har ni barn under 18 får ni
    # alltid …"): the model of meaning, when the caller asked for it; that sentence only.
    sentence = ctx.sentences[index]
    return any(r.start == sentence.start for r in ctx.readings if r.head == "advice")


_MONTHS = ("januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
           "january|february|march|may|june|july|august|october|")
# A deadline or a term stated as fact: "inom fyra månader", "announced in March", "senast 1 maj".
_TERMS = re.compile(
    rf"(?i)\b(?:inom|senast|från\s+och\s+med|within|by|from|in|i|innen|inden|max|högst|at\s+most|maks|højst)\s+"
    rf"(?:\d+\s*|\w+\s+)?(?:dagar|veckor|månader|år|days|weeks|months|years|dager|uker|måneder|timme|timmar|"
    rf"hours?|timer|"
    rf"{_MONTHS}(?:\d{{1,2}}\s+(?:{_MONTHS.rstrip('|')})))\b"
    # "expire on 31 Dec", "gäller till den 31 december", "udløber 1. jan".
    rf"|\b(?:on|den|till|until|per|pr|senast|innen|inden)\s+(?:den\s+)?\d{{1,2}}\.?\s*"
    rf"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\w*\b"
    # "senast på fredag", "by Friday", "innen fredag": a deadline on a weekday.
    rf"|\b(?:senast|senest|by|innen|inden|until|till|tills)\s+(?:på\s+)?(?:måndag|tisdag|onsdag|torsdag|fredag|"
    rf"lördag|söndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|torsdag|"
    rf"fredag|lørdag|søndag)\b")


# A change to the organisation's services told as settled, with when it comes: "kvällsöppet på biblioteket
# försvinner efter nyår", "the branch closes on 3 June", "svømmehallen stenges til høsten". Said by someone outside the
# topic it is a fact stated as certain that is not theirs to announce.
_CHANGE = re.compile(
    r"(?i)\b(?:stängs|stänger|läggs\s+(?:ned|ner)|lägger\s+(?:ned|ner)|flyttas|flyttar|höjs|sänks|införs|"
    r"slopas|försvinner|blir\s+(?:avgifts\w+|gratis|dyrare|billigare|kvar|stängd\w*|nedlagd\w*)|öppnar|"
    r"closes?|closing|shuts?|will\s+(?:close|open|end|be\s+(?:closed|cut|scrapped|free))|launch(?:es)?|"
    r"opens|scrapped|goes\s+up|go\s+up|stenges|stenger|legges\s+ned|flyttes|økes|åpner|blir\s+(?:lagt|stengt)|"
    r"lukkes|lukker|bliver\s+(?:lukket|nedlagt|dyrere|gratis)|nedlægges|hæves|sænkes|åbner)\b")
_WHEN = re.compile(
    rf"(?i)\b(?:efter|after|etter|from|från|fra|till|til|på|i|in|next|nästa|neste|næste|this|om)\s+(?:the\s+)?"
    rf"(?:nyår|nyåret|nyttår|nytår|new\s+year|hösten|höst|våren|sommaren|sommar|vintern|høsten|våren|"
    rf"sommeren|vinteren|efteråret|foråret|autumn|spring|summer|winter|år|year|året|month|månad|måned|"
    rf"{_MONTHS.rstrip('|')})\b"
    rf"|\b\d{{1,2}}\.?\s+(?:{_MONTHS.rstrip('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\b"
    rf"|\b(?:{_MONTHS.rstrip('|')})\s+\d{{1,2}}\b")


# The organisation's chief executive: "vd", "CEO", "kommundirektör", "daglig leder".
_HEAD_OF_ALL = re.compile(
    r"(?i)^\W*(?:vd|ceo|verkställande\s+direktör|managing\s+director|chief\s+executive(?:\s+officer)?|"
    r"generaldirektör|kommundirektör|regiondirektör|stadsdirektör|koncernchef|administrerende\s+direktør|"
    r"adm\.?\s*dir\.?|daglig\s+leder|director\s+general|landshövding)\b")
# Where a piece of news was published: a web address, a press release, the minutes.
_SOURCE = re.compile(
    r"(?i)\b(?:enligt|according\s+to|ifølge|iflg\.?|läs\s+mer|read\s+more|les\s+mer|læs\s+mere|protokoll\w*|"
    r"pressmeddelande\w*|press\s+release|pressemelding\w*|pressemeddelelse\w*|"
    r"[a-z0-9-]+\.(?:se|no|dk|com|nu|org|net|eu)(?:/\S*)?)\b")


def _role_spans(ctx: DraftContext) -> list[tuple[int, int]]:
    """Where the draft names the author's own role ("skolsköterska" is no claim about "skol*")."""
    role = ctx.profile.role.lower().split(",")[0].strip() if ctx.profile and ctx.profile.role else ""
    if len(role) < 3:
        return []
    return [m.span() for m in re.finditer(rf"(?<!\w){re.escape(role)}\w*", ctx.text, re.IGNORECASE)]
