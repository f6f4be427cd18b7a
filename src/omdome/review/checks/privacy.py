"""Rule 4: personal data and confidential matters stay out of the draft."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.lexicons import phrases
from omdome.detect.terms import find_terms
from omdome.review.context import DraftContext, Hit
from omdome.text.lexicon import find_phrases


def run(ctx: DraftContext) -> Iterator[Hit]:
    for span in ctx.personal_data:
        if span not in ctx.allowed_personal_data:
            yield Hit(f"pii.{span.kind}", span.start, span.end, {}, span.explanation)
    for span in find_terms(ctx.policy.confidential.terms, ctx.norm, "confidential",
                           "On the policy's list of confidential terms."):
        yield Hit("confidential.term", span.start, span.end, {"term": span.text}, span.explanation)
    language = ctx.language if ctx.language in ("sv", "en", "nb", "da") else None
    markers = [(s, e) for s, e, _ in find_phrases(phrases("secrecy.toml", "markers", language), ctx.norm)]
    markers += [m.span(1) for m in _BETWEEN_US.finditer(ctx.text)]
    markers += [m.span() for pattern in _NOT_YET_TOLD for m in pattern.finditer(ctx.text)]
    found = []
    for start, end in sorted(set(markers)):
        sentence = ctx.sentence_of(start)
        if sentence is not None and _refuses(sentence.text, ctx.text[start:end + 12]):
            continue  # "Det omfattas av sekretess, så jag kan inte svara": the rule at work
        found.append((start, end))
        yield Hit("confidential.marker", start, end, {"term": ctx.text[start:end]},
                  "Words saying the content is confidential or not yet public.")
    # News let slip in words no list holds ("styrelsen har redan bestämt, men det får ni höra i mars"):
    # the model of meaning, on sentences the rules passed over, when the caller asked for it.
    yield from ctx.model_hits("leak", "confidential.marker", found, "internal or not yet public news")


def _refuses(sentence: str, marker: str) -> bool:
    """A refusal to tell, with nothing told: no "not yet" (the news exists and is coming) and no
    "but …" after it (a hint follows)."""
    refusal = _REFUSAL.search(sentence)
    if refusal is None or _NOT_YET.search(marker):
        return False
    return not _HINT.search(sentence, refusal.end())


# Saying that something cannot be shared, or advising others not to share, is no leak.
_REFUSAL = re.compile(
    r"(?i)\b(?:kan\s+(?:jag|vi)\s+inte|kan\s+inte|får\s+(?:jag|vi)\s+inte|får\s+inte|aldrig|"
    r"can(?:no|')t|can\s+not|won't|never|always|alltid|don't|do\s+not|must\s+not|"
    r"kan\s+ikke|kan\s+ikkje|må\s+ikke|aldri|omfattas\s+av\s+sekretess|tystnadsplikt)\b")
# "än så länge", "still", "yet": the information exists and is on its way out.
_NOT_YET = re.compile(r"(?i)\b(?:än|ännu|än\s+så\s+länge|yet|still|for\s+now|ennå|endnu|enn\s+så\s+lenge|"
                      r"stadig|fortsatt|foreløpig|foreløbig|until|till|tills|förrän|"
                      # "det här stannar mellan oss": the reader is told a secret, whatever else is refused.
                      r"mellan\s+oss|between\s+us|yourselves|emellan|imellom|imellem)\b")
_HINT = re.compile(r"(?i)\b(?:men|but|mutta)\b")
# "Mellan oss: …", "Between us, …" opening a sentence (not "samarbetet mellan oss och …").
_BETWEEN_US = re.compile(r"(?im)(?:^|[.!?…]\s+)((?:just\s+)?(?:mellan\s+oss|between\s+us|mellom\s+oss|"
                         r"mellem\s+os))\s*[:,—–-]")

# Something decided or known that has not been made public or told yet, in the writer's own words:
# "avtalen är inte påskrivna än", "facket har inte fått veta nåt än", "inget är offentligt förrän i
# höst", "får egentligen inte säga nåt än", "the union hasn't been told yet". A "not … yet" with a
# verb of making known, within a few words; a plain "not ready yet" is not a leak.
_FEW = r"(?:[\w'’-]+\s+){0,3}?"
_NOT_YET_TOLD = (
    re.compile(r"(?i)\b(?:inte|ej|inget|ingenting|inga)\s+" + _FEW
               + r"(?:offentlig\w*|officiell\w*|påskriv\w*|underskriv\w*|undertecknad\w*|tillkännag\w*|"
               r"annonser\w*|gått\s+ut|gå\s+ut\s+med|fått\s+veta|informera[dt]\w*|släppt\w*|spikat|klubbat|"
               r"(?:säga|berätta)\s+(?:nåt|något|någonting|mer|mycket|så\s+mycket))\s+" + _FEW
               + r"(?:än|ännu|förrän|innan|tills)\b"),
    re.compile(r"(?i)(?:\bnot|n[’']t|\bnothing)\s+" + _FEW
               + r"(?:public|official|signed|announced|released|told|informed|"
               r"(?:allowed|supposed)\s+to\s+(?:say|tell|share)(?:\s+(?:anything|much|more))?)\s+" + _FEW
               + r"(?:yet|until|before)\b"),
    re.compile(r"(?i)\b(?:ikke|ikkje|intet|ingenting)\s+" + _FEW
               + r"(?:offentlig\w*|offisiel\w*|officiel\w*|signert|underskrevet|annonsert|annonceret|kunngjort|"
               r"meddelt|fortalt|sagt\s+noe|sige\s+noget|si\s+noe)\s+" + _FEW + r"(?:ennå|endnu|enda|før|inden)\b"),
    # Telling the reader to keep quiet: "säg inget", "håll det här mellan oss", "keep this between us".
    re.compile(r"(?i)\b(?:säg\s+(?:inget|ingenting|inte\s+(?:nåt|något))|"
               r"håll\s+(?:det|detta)(?:\s+här)?\s+(?:mellan\s+oss|för\s+dig\s+själv|hemligt)|"
               r"keep\s+(?:this|it|that)\s+between\s+us|don[’']t\s+tell\s+anyone)\b"),
)
