"""Contempt that needs no insult word: sarcasm and belittling constructions in staff drafts.

The hostility lexicon finds what is named ("idiot", "inkompetent"); people more often belittle by
construction: thanks in scare quotes ("Tack för din 'hjälp'"), doubting someone's most basic
ability ("kan han ens räkna till tio?"), likening them to a toddler or a houseplant, the
ivory-tower dig ("har aldrig satt sin fot på en avdelning"), or a mocking one-word verdict after a
setback ("Geni.", "Imponerande."). Each form is a small pattern with the condition that makes it
contempt rather than a quote or a joke about oneself. Used by the draft check only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from omdome.detect.base import Span
from omdome.text.segment import Sentence

# A person, a group or the organisation's people as the subject or object of the sentence.
_SOMEONE = re.compile(
    r"(?i)\b(?:han|hon|hen|de|dom|ni|du|dig|er|honom|henne|dem|he|she|they|you|him|her|them|hun|dere|deg|"
    r"jer|dig|kollega\w*|kolleger\w*|chef\w*|ledning\w*|ledelse\w*|sjef\w*|styrelse\w*|styret|bestyrelse\w*|"
    r"vd|ceo|boss\w*|manager\w*|management|leadership|director\w*|direktør\w*|ordförande\w*|formand\w*|"
    r"kund\w*|customer\w*|kunde\w*|klient\w*|client\w*|patient\w*|pasient\w*|förälder|föräldrar\w*|"
    r"parents?|foreldre\w*|forældre\w*|elev\w*|student\w*|hyresgäst\w*|tenants?|invånar\w*|residents?|"
    r"folk|people|mennesker\w*|människor\w*|praktikant\w*|interns?|nyanställd\w*|politiker\w*|minister\w*|"
    r"team\w*|avdelning\w*|department\w*|avdeling\w*|afdeling\w*|kommentar\w*|comment\w*|"
    r"kommunen|regionen|bolaget|företaget|firmaet|selskapet|company|firm)\b"
    # A first name or a full name, not at the start of the sentence: "Tack Lennart", "Gary from accounts".
    r"|(?<=[\w,] )(?-i:[A-ZÅÄÖÆØ][a-zåäöæø]{2,})\b")
# The writer speaking of themselves or their own: "jag kan inte ens", "I can't even". English "I" only
# as a capital: the Scandinavian "i" is "in" ("en konsult i Umeå som aldrig …" is about the consultant).
_ABOUT_SELF = re.compile(r"(?i)\b(?:jag|(?-i:I)|jeg|eg|vi|we|me|mig|meg)\s+(?:\w+\s+){0,2}$")

# Thanks or congratulations, the frame sarcasm most often takes.
_THANKS = re.compile(
    r"(?i)\b(?:tack|tackar|thanks|thank\s+you|cheers|shout-?out|takk|tak|grattis|congrats|congratulations|"
    r"tillykke|gratulerer|bravo|hurra|kudos|well\s+done|bra\s+jobbat|snyggt|imponerande|impressive|"
    r"imponerende|strålande|genialt|genialiskt|brilliant)\b")
# A word or two in quotation marks: "din 'hjälp'", "the 'strategy'".
_SCARE_QUOTE = re.compile(r"(?<![\w'’])['‘’\"“”]([^\W\d_][\w-]*(?:\s[\w-]+){0,2})['‘’\"“”](?![\w'’])")
# Said words: a quote after "sa", "skrev", "called" reports speech, it is no sneer.
_REPORTED = re.compile(r"(?i)\b(?:sa|sade|sagt|säger|skrev|skriver|kallade|kallar|frågade|svarade|said|says|wrote|"
                       r"writes|called|calls|asked|replied|sagde|skrev|kalte|kaldte|spurgte|spurte|heter|named|"
                       r"kallas|called|står|reads|says)\b[^.!?]{0,12}$")

# Doubting the most basic ability: "kan han ens räkna", "can't even", "kan knappt stava".
_BASIC_ABILITY = (r"(?:räkna|stava|läsa|skriva|öppna|hitta|starta|count|spell|read|write|open|find|tie|manage|"
                  r"telle|stave|lese|skrive|tælle|læse|finde|pumpe|pumpa|pump|boil|koka|koke|svara|answer|sende|"
                  r"skicka|send|fylla|fill|fylle|udfylde|udfylle|följa|follow|følge|förstå|understand|forstå)")
_DOUBT = re.compile(
    r"(?i)\b(?:kan|klarar|fixar|can|could|kan|greier|klarer|kann)\s+(?:\w+\s+){0,3}?"
    r"(?:ens|inte\s+ens|knappt|not\s+even|even|barely|ikke\s+engang|ikke\s+en\s+gang|knapt|knap|ikkje\s+ein\s+gong)\s+"
    r"(?:\w+\s+)?" + _BASIC_ABILITY +
    # A clause's own word order puts the adverb first: "man undrar om han ens kan räkna till sju".
    r"|\b(?:ens|inte\s+ens|knappt|ikke\s+engang|knapt|knap)\s+(?:kan|klarar|kunde|greier|klarer)\s+(?:\w+\s+)?"
    + _BASIC_ABILITY +
    r"|\bcan'?t\s+even\b|\bcouldn'?t\s+(?:\w+\s+){1,5}(?:with\s+a\s+map|if\s+(?:his|her|their)\s+li(?:fe|ves))"
    r"|\b(?:needs?|behöver|trenger|behøver)\s+(?:a\s+|en\s+|et\s+|ett\s+)?(?:tutorial|manual|instruktion|"
    r"bruksanvisning|manuell?|vejledning)\s+(?:to|för\s+att|for\s+å|for\s+at)")
# Advice that talks down: "Kanske läsa fakturan innan du skriker i flödet nästa gång?".
_TALKS_DOWN = re.compile(
    r"(?i)\b(?:kanske|maybe|perhaps|kanskje|måske|prova\s+att|try\s+to|try)\s+(?:\w+\s+)?(?:läsa|read|reading|lese|"
    r"læse|kolla|check|checking|sjekke|tjekke|lära\s+dig|learn|tänka|think|thinking|tenke|tænke|googla|google)\b"
    r"[^.!?\n]{0,60}?\b(?:innan\s+(?:du|ni)|before\s+you|før\s+(?:du|dere|I))\s+(?:\w+\s+){0,2}?"
    # … then a verb that mocks what they do: "innan du skriker", "before you post another rant".
    r"(?:skrik|gap|gnäll|klag|tjat|rant|complain|whin|yell|shout|moan|brøl|bråk|syt|sutr|hyl|vräk|spy|"
    r"another\s+rant|a\s+rant)\w*")
# Likened to a small child, a pet, a vegetable or a thing: "som en tvååring", "like a toddler".
_LIKENED = re.compile(
    r"(?i)\b(?:som|like|as|än|than|end|enn)\s+(?:en|ett|ei|et|min|mitt|a|an|my|din|your)\s+(?:\w+\s+)?"
    r"(?:tvååring|treåring|fyraåring|femåring|toåring|treåring|femåring|toddler|two-year-old|three-year-old|"
    r"five-year-old|katt|cat|kat|hund|dog|guldfisk|goldfish|gullfisk|potatis|potato|kartoffel|potet|"
    r"tegelsten|brick|murstein|mursten|krukväxt|houseplant|kruka\s+basilika|stubbe|stump|sten|rock|"
    r"dörrhandtag|doorknob|dørhåndtag|dørhåndtak|sengångare|sloth)\b")
# The ivory-tower dig: "har aldrig satt sin fot på", "haven't spoken to a customer since 2012".
_NEVER_THERE = re.compile(
    r"(?i)\b(?:(?:aldrig|aldri|never|inte|ikke|ikkje|not|haven'?t|hasn'?t|har\s+inte|har\s+aldrig)\s+"
    r"(?:\w+\s+){0,2}?"
    # "Att ingen i regionledningen har satt sin fot …", "nobody on the board has spoken to …"
    r"|(?:ingen|nobody|no\s+one|none)\s+(?:\w+\s+){0,3}?(?:har|has|have|hade|had|har\s+nogensinde|har\s+noen\s+gang)\s+"
    r"(?:\w+\s+){0,1}?)(?:satt\s+(?:sin|sina|en)\s+fot|set\s+foot|sat\s+(?:sin|sine)\s+f(?:od|ød|ot)|"
    r"satt\s+(?:sin|sine)\s+fot|sett\s+(?:en|ett)\s+(?:enda\s+)?\w+\s+i\s+verkligheten|"
    r"(?:talat|pratat|spoken|talked|snakket|talt)\s+(?:med|to|with)\s+(?:en|a|ein|et)\s+(?:enda\s+|single\s+)?"
    r"(?:kund|customer|patient|elev|pupil|resenär|passenger|kunde|pasient|invånare|resident)|"
    r"(?:jobbat|arbetat|worked|jobbet|arbeidet|arbejdet)\s+(?:en|a|ein|et)\s+(?:enda\s+|single\s+)?"
    r"(?:dag|day|pass|shift|vakt|vagt))")
# Some people should not be let near the simplest tool: "somliga borde inte få röra kaffebryggaren", "some
# people should stick to crayons", "some people are too slow to follow".
_UNFIT = re.compile(
    r"(?i)\b(?:vissa|somliga|en\s+del|some\s+people|some\s+folks|noen(?:\s+folk)?|nogle(?:\s+folk)?|"
    r"visse\s+folk|visse)\s+(?:borde|bör|should|burde|bør)\s+(?:\w+\s+){0,3}?"
    r"(?:(?:inte|not|ikke|ikkje|never|aldrig|aldri)\s+(?:\w+\s+){0,2}?(?:få|be\s+allowed|have|ha|äga|own|eie|eje|"
    r"use|använda|bruke|bruge|røre|röra|touch)|stick\s+to|hålla\s+sig\s+till|holde\s+seg\s+til|holde\s+sig\s+til)\b"
    r"|\b(?:some\s+people|vissa|noen\s+folk|nogle\s+folk)\s+(?:are|är|er)\s+(?:\w+\s+)?(?:too|för|for)\s+\w+\s+"
    r"(?:to|för\s+att|til\s+å|til\s+at)\b")
# Measuring a mind against a small thing: "en hjärna i storlek med en ärta", "shall I draw you a picture?",
# "dags att lära sig läsa ett schema".
_SMALL_MIND = re.compile(
    r"(?i)\b(?:hjärna|brain|hjerne)\s+(?:i\s+storlek\s+med|the\s+size\s+of|på\s+størrelse\s+med|på\s+storlek\s+med)"
    r"|\b(?:ska|skall|shall|should|skal)\s+(?:jag|I|jeg)\s+(?:rita|draw|tegne)\s+(?:en\s+bild|a\s+picture|"
    r"en\s+tegning|et\s+billede|ei\s+tegning)"
    r"|\b(?:dags\s+att|time\s+to|på\s+tide\s+å|på\s+tide\s+at)\s+(?:lära\s+sig|learn\s+(?:how\s+)?to|lære\s+seg\s+å|"
    r"lære\s+at)\s+(?:läsa|read|lese|læse)\b"
    r"|\blika\s+mycket\s+\w+(?:\s+\w+){0,3}\s+som\s+(?:en|ett)\s+\w+|\bas\s+much\s+\w+(?:\s+\w+){0,3}\s+as\s+a\s+\w+")
# A one- or two-word verdict after a setback, mocking: "Geni.", "Imponerande.", "Adorable.".
_MOCK_VERDICT = re.compile(
    r"(?i)^\W*(?:geni|genius|genialt|geni(?:alt)?\s+drag|imponerande|impressive|imponerende|adorable|"
    r"gulligt|søtt|sött|klassiskt|classic|typiskt|typical|bless|bless\s+(?:him|her|them)|"
    r"vilket\s+geni|what\s+a\s+genius|sikke\s+et\s+geni|for\s+et\s+geni|slow\s+clap|applåd|applause|"
    r"truly\s+visionary(?:\s+(?:stuff|people|work))?|"
    r"(?:så|very|such|meget|veldig)\s+(?:generous|generöst|generøst|caring|omtänksamt|omtenksomt|"
    r"professionellt|professional|professionelt))\W*$")
# Sentences whose first words already express a setback: the verdict that follows mocks it.
_SETBACK = re.compile(
    r"(?i)\b(?:igen|again|än\s+en\s+gång|tredje\s+gången|fjärde\s+gången|once\s+more|nok\s+en\s+gang|"
    r"endnu\s+en\s+gang|noll|zero|ingen|nobody|no\s+one|ingenting|nothing|aldrig|never|aldri|"
    r"inte\s+en\s+enda|not\s+a\s+single|ikke\s+en\s+eneste|tomma?|empty|glömt|forgot|forgotten|"
    r"raderat|deleted|försenad\w*|delayed|inställd\w*|cancelled|canceled|stängt|closed)\b")


def find_belittling(text: str, sentences: Sequence[Sentence]) -> list[Span]:
    """Sarcasm and belittling constructions aimed at someone, with the words that show it."""
    found: list[Span] = []
    for index, sentence in enumerate(sentences):
        lo, hi = sentence.start, sentence.end
        body = text[lo:hi]
        aimed = _SOMEONE.search(body) is not None
        for match in _SCARE_QUOTE.finditer(text, lo, hi):
            before = text[lo:match.start()]
            if _REPORTED.search(before):
                continue
            if _THANKS.search(body) and aimed:
                found.append(Span("disparaging", match.start(), match.end(), match.group(), 0.8,
                                  "Thanks with a word in scare quotes: sarcasm aimed at someone."))
        for pattern, why in ((_DOUBT, "Doubts someone's most basic ability."),
                             (_LIKENED, "Likens someone to a small child, an animal or a thing."),
                             (_NEVER_THERE, "Says someone has never seen the work they decide on."),
                             (_TALKS_DOWN, "Talks down to someone: read, check or think before you speak."),
                             (_UNFIT, "Says some people are unfit for the simplest things."),
                             (_SMALL_MIND, "Measures someone's mind against a small thing, or offers to draw it.")):
            for match in pattern.finditer(text, lo, hi):
                if _ABOUT_SELF.search(text[max(lo, match.start() - 30):match.start()]):
                    continue
                if pattern in (_DOUBT, _LIKENED, _SMALL_MIND) and not aimed:
                    continue
                found.append(Span("disparaging", match.start(), match.end(), match.group(), 0.8, why))
        if _MOCK_VERDICT.match(body) and index > 0:
            previous = sentences[index - 1]
            if _SETBACK.search(text, previous.start, previous.end) or _SOMEONE.search(
                    text, previous.start, previous.end):
                found.append(Span("disparaging", lo, hi, body.strip(), 0.8,
                                  "A mocking one-word verdict on what the sentence before describes."))
    return found
