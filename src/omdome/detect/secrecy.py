"""Public sector: replies about someone's own matter, and information typically under secrecy."""

from __future__ import annotations

import re
from collections.abc import Sequence

from omdome.detect.base import Span
from omdome.detect.lexicons import phrases
from omdome.detect.personal_data import IDENTITY_KINDS
from omdome.detect.pii.address import HomeAddressRecognizer, normalize_address
from omdome.text.lexicon import find_phrases
from omdome.text.normalize import Normalized
from omdome.text.segment import Sentence

SENSITIVE_TABLES = ("health", "social_services", "benefits")
# Second-person possessives right before a sensitive word tie it to the person addressed.
_POSSESSIVES = {"sv": "din|ditt|dina|er|ert|era", "en": "your", "nb": "din|ditt|dine", "da": "din|dit|dine|jeres"}
_YOUR = {lang: re.compile(rf"(?:\b(?:{words})\s+(?:\w+\s+){{0,2}})$", re.IGNORECASE)
         for lang, words in {**_POSSESSIVES, None: "din|ditt|dina|ert|era|your|dine|jeres"}.items()}
# The author's own family ("min son", "sønnen min"): their own to share, not learnt at work.
_FIRST_PERSON = re.compile(r"(?i)^(?:min|mitt|mina|my|mi|mine|vår|våra|our)\b|\b(?:min|mitt|mine)$")
# "om psykisk ohälsa", "about dementia": the subject of a talk or a text, not someone's data.
_TOPIC = re.compile(
    r"(?i)\b(?:om|kring|about|on|regarding|angående|gällande|temaet|tema)\s+"
    r"(?!(?:hennes|hans|deras|din|ditt|dina|er|ert|era|his|her|their|your|hendes|sin|sitt|sina)\b)"
    r"(?:\w+\s+)?$")
# "från socialtjänsten", "at social services": where someone works, not their own matter.
_WORKPLACE = re.compile(r"(?i)\b(?:från|vid|from|fra|works?\s+(?:at|in)|jobbar\s+(?:på|inom)|"
                        r"arbetar\s+(?:på|inom))\s+$")
# A "you" meant for everyone: "till dig som har hemtjänst", "if you receive housing benefit".
_GENERAL_YOU = re.compile(
    r"(?i)\b(?:till|för)\s+(?:dig|er)\s+som\b|\b(?:om|när)\s+(?:du|ni)\s+(?:har|får|söker|behöver|är)\b|"
    r"\b(?:if|when)\s+you\s+(?:have|receive|get|apply|need|are)\b|\b(?:anyone|everyone|those)\s+who\b|"
    r"\balla\s+som\b|\btil\s+(?:deg|dig)\s+som\b|\bhvis\s+du\b")
# A school class ("i 4A", "in 2C", "klass 9B"): with a sensitive word it picks out a pupil.
_CLASS = re.compile(r"\b(?:i|in|klass|class|klasse|fra|från)\s+\d{1,2}\s?[A-ZÅÄÖ]\b"
                    # "studentkårens ordförande", "the club's chairman": the one person holding a post.
                    r"|(?i:\b\w{3,}(?:s|'s)\s+(?:ordförande|rektor|vd|chairman|chairwoman|chair|leder|formand))\b"
                    # "den 94-årige", "a 94-year-old": an age picks out one person.
                    r"|\b\d{1,3}-åri(?:g|ga|ge)\b|\b\d{1,3}-year-old\b")
# "Har du frågor om din ansökan, …", "If you have questions about your case": any reader's matter.
_ANY_READER = re.compile(r"(?i)(?:\b(?:har\s+(?:du|ni)|om\s+(?:du|ni)|if\s+you|do\s+you\s+have|har\s+du|"
                         r"hvis\s+du|vill\s+(?:du|ni)|want\s+us|would\s+you\s+like|vil\s+du|ønsker\s+du|"
                         r"that\s+way)\b[^.!?]*)$")
# A reply to one person that says their matter was looked into: "Hej Stig! Vi har gått igenom …".
_CASE_WORK = re.compile(
    r"(?i)\b(?:(?:vi|jag)\s+har\s+(?:nu\s+)?(?:tittat\s+på|gått\s+igenom|kontrollerat|granskat|beslutat|"
    r"sett\s+över|gått\s+gjennom|sjekket|vurdert|kigget\s+på|gennemgået|tjekket|vurderet)|"
    r"(?:we|i)(?:'ve|\s+have)\s+(?:now\s+)?(?:looked\s+at|checked|reviewed|gone\s+through|decided))\b")
# "pappan Jimmy", "the mother, Sara": a relative of someone, named.
_KIN_NAMED = re.compile(r"(?i)\b(?:pappan|mamman|sonen|dottern|frun|maken|brodern|systern|farsan|morsan|"
                        r"the\s+(?:father|mother|son|daughter|husband|wife)|faren|moren|sønnen|datteren|"
                        r"faderen|moderen|konen)\b,?\s+(?-i:[A-ZÅÄÖÆØ][a-zåäöæø]+)\b")
# A reply that opens by greeting one person by name ("Hej Ulla!", "Hi Tom,"): "your" in it is theirs.
_GREETING = re.compile(r"^\W*(?i:hej|hejsan|hei|hi|hello|dear|kära|kære|hallo|goddag)\s+[A-ZÅÄÖÆØ][a-zåäöæøé]+\b")
_SECOND_PERSON = {lang: re.compile(rf"(?i)\b(?:{words})\b")
                  for lang, words in {**_POSSESSIVES, "sv": "din|ditt|dina|ert|era",
                                      None: "din|ditt|dina|your|dine"}.items()}
# A street and number picks out who lives there, unless the words before make it a place people
# visit ("vårdcentralen på Storgatan 3", "welcome to our office at 4 Mill Road").
_STREET = HomeAddressRecognizer.pattern
_PLACE_BEFORE = re.compile(
    r"(?i)(?:\w*(?:centralen|mottagning|mottagningen|kliniken|skolan|kontoret|kontor|hallen|biblioteket|"
    r"center|centre|clinic|office|school|library|klinikken|skolen|legekontoret)|öppet|open|åpent|åbent|"
    r"välkommen|welcome|velkommen|besök|visit|besøk|besøg|finns|ligger|located)\W+(?:\w+\W+){0,3}$")
# A third-person pronoun as the subject: the sentence goes on about someone already named.
_HE_OR_SHE = re.compile(r"(?i)\b(?:han|hon|hen|he|she|hun)\b")
_FULL_NAME = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+\b")
_SURNAME_ENDING = re.compile(r"(?:son|sen|berg|ström|lund|gren|qvist|kvist|blad|dahl|man|ell|ius|"
                             r"ing|ander|borg|holm|stedt|fors|wall|ek|sjö)\b", re.IGNORECASE)

# First words of capitalised pairs that name an institution, not a person ("Region Gotland").
INSTITUTION_WORDS = frozenset({
    "university", "universitet", "hospital", "sjukhus", "sjukhuset", "school", "skola", "skolan",
    "centre", "center", "centrum", "avdelning", "clinic", "klinik", "kliniken", "vårdcentral",
    "vårdcentralen", "bibliotek", "biblioteket", "trust", "agency", "department", "ministry",
    "office", "service", "services", "care", "health", "housing", "energi", "bank", "banken",
    "region", "kommun", "landstinget", "länsstyrelsen", "stad", "staden", "försäkringskassan",
    "skatteverket", "arbetsförmedlingen", "migrationsverket", "polisen", "socialstyrelsen",
    "inspektionen", "rådet", "nämnden", "förvaltningen", "skolverket", "sveriges", "svenska",
    "kommunen", "regionen", "county", "city", "council", "nav", "kommune", "fylkeskommune",
})


def find_own_matter(norm: Normalized, language: str | None) -> list[Span]:
    """Phrases dealing with the addressee's own matter ("din ansökan", "your appeal")."""
    text = norm.original
    found = [Span("own_matter", s, e, text[s:e], 0.8,
                  "Refers to the addressee's own matter at the authority.")
             for s, e, _ in find_phrases(phrases("secrecy.toml", "own_matter", language), norm)
             if not _ANY_READER.search(text[max(0, s - 40):s])]
    if not found and _GREETING.match(text) and (work := _CASE_WORK.search(text)):
        found.append(Span("own_matter", work.start(), work.end(), work.group(), 0.8,
                          "A reply to one person named in its greeting says their matter was looked into."))
    return found


def find_secret_personal_matters(
    norm: Normalized,
    language: str | None,
    sentences: Sequence[Sentence],
    personal_data: Sequence[Span] = (),
    not_persons: Sequence[str] = (),
    own_addresses: Sequence[str] = (),
) -> list[Span]:
    """Health, social-services or benefit words tied to an identifiable person.

    The person is identifiable when the same sentence names someone else's relative
    ("hennes son"), a full name, or addresses them ("ditt försörjningsstöd"), or when the
    draft also carries an identity number, address or phone number; or a street and number stands
    in that sentence or the one before; or a reply greets one person by name and the sentence
    says "your". ``personal_data`` should hold only data that is not the organisation's own;
    ``not_persons`` are names (the organisation's, its products) that are never a person, and
    ``own_addresses`` the organisation's published addresses.

    Left alone: the author's own family ("min son", volunteered on their own account), a
    subject named as a topic ("föreläser om psykisk ohälsa"), and a general "you" ("till dig
    som har hemtjänst: din hemtjänst …").
    """
    sensitive: list[tuple[int, int]] = []
    for table in SENSITIVE_TABLES:
        sensitive += [(s, e) for s, e, _ in find_phrases(phrases("secrecy.toml", table, language), norm)]
    if not sensitive:
        return []
    text = norm.original
    kin = [(s, e) for s, e, matched in find_phrases(phrases("secrecy.toml", "kinship", language), norm)
           if not _FIRST_PERSON.search(matched)]
    described = [(s, e) for s, e, _ in find_phrases(phrases("secrecy.toml", "described", language), norm)]
    described += [m.span() for m in _CLASS.finditer(text)]
    identified_anywhere = [p for p in personal_data if p.kind in IDENTITY_KINDS | {"address", "phone"}]
    streets = _streets(text, own_addresses)
    greets_one = bool(_GREETING.match(text))
    your = _YOUR.get(language, _YOUR[None])
    found = []
    for start, end in sorted(set(sensitive)):
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
        before = text[max(lo, start - 25):start]
        # "er ansökan om bostadstillägg": the addressee's own matter, not a subject spoken about.
        owned = your.search(text[max(lo, start - 40):start])
        if (_TOPIC.search(before) and not owned) or _WORKPLACE.search(before) or _GENERAL_YOU.search(text[lo:hi]):
            continue
        reason = _identified(text, start, lo, hi, kin, identified_anywhere, not_persons, your)
        previous = max((s.start for s in sentences if s.end <= lo), default=lo)
        if reason is None and any(previous <= s < hi for s in streets):
            reason = "A sensitive word near a street and number, which picks out who lives there."
        if reason is None and greets_one and _SECOND_PERSON.get(language, _SECOND_PERSON[None]).search(text, lo, hi):
            reason = "A sensitive word in a reply to one person named in its greeting."
        if reason is None and _KIN_NAMED.search(text, lo, hi):
            reason = "A sensitive word in the same sentence as a relative named by first name."
        if reason is None and _HE_OR_SHE.search(text, lo, start) and _named(text, previous, lo, not_persons):
            # "… farsan till Lasse Grönberg. Han ligger kvar på IVA": the person named just before.
            reason = "A sensitive word about someone named in full in the sentence before."
        if reason is None and any(previous <= s < hi for s, _ in described):
            # "the girl in 4A …": one person picked out, here or in the sentence before.
            reason = "A sensitive word near words that pick out one person met at work."
        if reason:
            found.append(Span("secrecy", start, end, text[start:end], 0.9, reason))
    return found


def _streets(text: str, own_addresses: Sequence[str]) -> list[int]:
    """Where a street and number stands that is neither the organisation's nor a place to visit."""
    own = [normalize_address(a) for a in own_addresses]
    out = []
    for match in _STREET.finditer(text):
        street = normalize_address(match.group())
        before = text[max(0, match.start() - 40):match.start()]
        if any(a.startswith(street) for a in own) or _PLACE_BEFORE.search(before):
            continue
        out.append(match.start())
    return out


def _named(text: str, lo: int, hi: int, not_persons: Sequence[str]) -> bool:
    """Is a person named in full between ``lo`` and ``hi`` (not an institution or a product)?"""
    for name in _FULL_NAME.finditer(text, lo, hi):
        words = name.group().lower().split()
        if any(w in INSTITUTION_WORDS for w in words) or any(
                name.group() in n or n in name.group() for n in not_persons):
            continue
        # A capitalised pair opening a sentence is a name only if it ends like a surname.
        if name.start() > lo or _SURNAME_ENDING.search(name.group()):
            return True
    return False


def _identified(text: str, start: int, lo: int, hi: int, kin: list[tuple[int, int]],
                personal: Sequence[Span], not_persons: Sequence[str], your: re.Pattern[str]) -> str | None:
    if your.search(text[max(lo, start - 40):start]):
        return "A sensitive word tied to the person addressed (second-person possessive)."
    if any(lo <= s < hi for s, _ in kin):
        return "A sensitive word in the same sentence as a named relative."
    if _named(text, lo, hi, not_persons):
        return "A sensitive word in the same sentence as a full name."
    if personal:
        return f"A sensitive word in a draft that also carries personal data ({personal[0].kind})."
    return None
