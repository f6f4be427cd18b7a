"""Rule 1: real name, employer and role known; employment disclosed when it matters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from omdome.detect.lexicons import phrases
from omdome.i18n import N_, translator
from omdome.review.context import DraftContext, Hit

_FIELD_NAMES = {"name": N_("name"), "employer": N_("employer"), "role": N_("role"),
                "full name": N_("full name")}


def run(ctx: DraftContext) -> Iterator[Hit]:
    profile = ctx.profile
    if profile is None:
        return
    missing = profile.missing()
    if missing:
        _ = translator(ctx.message_language)
        parts = [_(_FIELD_NAMES[m]) for m in missing]
        names = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " " + _("and") + " " + parts[-1]
        yield Hit("identity.profile", 0, 0, {"missing": names},
                  f"Profile fields missing: {', '.join(missing)}.")
    if profile.account == "official" or not profile.employer:
        return
    mention = ctx.mentions_organisation()
    if mention is None or _discloses(ctx):
        return
    yield Hit("identity.undisclosed", mention.start(), mention.end(), {"employer": profile.employer},
              "A personal account names the employer or its products; no sentence says the "
              "author works there.")


# First person + a verb of employment, then (in the same sentence) the employer or "there".
WORKS = re.compile(
    # "ja" as spoken ("Ja har jobbat i hemtjänsten"), not the answer ("Ja, …").
    r"\b(?:jag|ja(?![,.!])|i|jeg|eg)\b(?:\W+\w+){0,3}?\W+(?:jobbar|jobbat|jobba|arbetar|arbetat|är\s+anställd|"
    r"work|works|worked|working|am\s+employed|'m\s+employed|jobber|jobbet|arbeider|arbeidet|arbejder|"
    r"arbejdet|er\s+ansat|er\s+tilsett|leder|ansvarar\s+för|är\s+chef\s+för|basar\s+över|lead|head|run|"
    r"manage|am\s+responsible\s+for|'m\s+responsible\s+for|leier|har\s+ansvar\s+for|er\s+chef\s+for|"
    # "Jeg kjører ekspressbuss for Kustpilen": driving for the employer.
    r"(?:kör|kjører|kører|drive|drives)\s+(?:[\w-]+\s+){0,2}(?:för|for))\b"
    r"|\b(?:som\s+anställd|as\s+an?\s+employee|som\s+ansat|som\s+tilsett)\b"
    # "Vi som jobbar på sjukhuset", "those of us who work at": the author among the staff.
    r"|\b(?:vi|we|those\s+of\s+us|de\s+av\s+oss|dem\s+av\s+oss)\s+(?:som|who|der)\s+(?:jobbar|arbetar|jobber|"
    r"arbeider|arbejder|work)\b", re.IGNORECASE)
# "Jag är utvecklare på", "I'm a nurse at", "Som verksamhetschef för", "As HR director at": a
# self-introduction that ends right before the employer's name.
SELF_INTRO = re.compile(
    r"(?i)\b(?:jag\s+är|jag\s+e|i'?m|i\s+am|jeg\s+er|eg\s+er|som|as)\s+(?:ju\s+|just\s+)?"
    r"(?:an?\s+|en\s+|ett\s+|ei\s+|our\s+|vår\s+|the\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:på|at|i|in|hos|for|för|vid|with|ved|inom|on|åt)\s+(?:the\s+|a\s+)?$"
    # "our motor claims team at", "vårt lilla team på": the author's own unit, then the employer.
    r"|\b(?:our|vårt|vår|vores|vårt|mitt|my)\s+(?:[\w-]+\s+){0,3}(?:team|department|office|store|shop|clinic|"
    r"unit|crew|avdelning|kontor|butik|enhet|klinik|afdeling|avdeling|gäng|lag)\s+(?:at|på|hos|i|in|ved)\s+$")
# A sentence opening on the verb, the pronoun left out: "Jobbar i bankens kundtjänst och …".
# Also mid-line after an emoji or a dash, and with a capital anywhere ("… 🙈 Jobbar med motorskador på"),
# and in the past ("Kört ambulans för regionen sen 2009").
OPENS_WORKING = re.compile(
    r"(?im)(?:^|[^\w\s,;:'\"(]\s*)\W*(?:jobbar|jobbat|arbetar|arbetat|jobber|jobbet|arbeider|arbejder|säljer|"
    r"sköter|undervisar|leder|ansvarar\s+för|kört|kör|kørt|kjørt|kjører|kører|har\s+jobbat|har\s+arbetat|"
    r"har\s+kört|varit|kort)\s+(?:[\w-]+\s+){0,2}(?:på|i|hos|vid|som|med|for|för|inom|at|åt)\b")
# The author's job "by day", or the employer paying them ("Region X pays for my coffee").
JOB_ASIDE = re.compile(r"(?i)\b(?:by\s+day|på\s+dagarna|på\s+dagtid|till\s+vardags|i\s+det\s+civila|til\s+daglig|"
                       r"pays?\s+(?:for\s+)?my|betalar\s+(?:ut\s+)?min|betaler\s+min|min\s+lön|my\s+salary|"
                       r"as\s+an?\s+(?!(?:result|whole|reminder|rule|matter|consequence|company|team|society|"
                       r"community|bonus|gift|thank|way|first|last|start|sign|token)\b)[\w-]+\b)")
# "As a GP at Sollfors health centre (Region Norrvik)": the employer a few words after "at".
INTRO_HEAD = re.compile(
    r"(?i)\b(?:as|som|i'?m|i\s+am|jag\s+är|jeg\s+er)\s+(?:an?\s+|en\s+|ett\s+|our\s+|vår\s+)?"
    r"[\w-]+(?:\s+[\w-]+){0,2}\s+(?:at|på|hos|vid|for|för|i|in)\b")
# Work on the organisation's own things: "I build the payment screens in the X app".
MAKES = re.compile(r"(?i)\b(?:i|jag|jeg)\s+(?:\w+\s+)?(?:build|develop|design|maintain|plan|run|manage|coach|"
                   r"teach|bygger|utvecklar|designar|underhåller|planerar|driver|sköter|tränar|undervisar|"
                   r"utvikler|udvikler)\b")
_PLACE_WORDS = frozenset({"på", "i", "vid", "hos", "inom", "at", "in", "on", "with", "ved"})
# The author doing something at or for the employer, in their own words: "I handle claims at",
# "da jeg kørte min sidste tur for", "Jag forskar på". Not what customers, patients and residents
# do there ("jag bor i", "I bank with", "jag väntade på", "I've been a customer at").
I_DO_AT = re.compile(
    r"(?i)(?:^|[^\w'])(?:jag|ja|(?-i:I)(?:'ve|'m|'d|’ve|’m)?|jeg|eg)\s+"
    r"(?!(?:\w+\s+){0,3}?(?:bor|bodde|bott|live[sd]?|living|bur|budde|boede|kund(?!tjänst|service|eservice)\w*|"
    r"customer(?!\s+service)|client|patient\w*|"
    r"medlem\w*|member|bank\w*|handla\w*|shop\w*|köp\w*|bought|buy\w*|kjøp\w*|køb\w*|väntade|vänta\w*|"
    r"waited|waiting|ventet|ventede|ringde|called|rang|ringte|var\s+på\s+besök|visited|besökte|besøkte|besøgte|"
    r"studerar|studied|study|studying|studerer|gick|went|go|gikk|gik|flyttade|moved|söker|sökte|applied|"
    r"fick|got|fikk|fik|tror|think|mener|synes|tycker)\b)"
    r"(?:[\w'-]+\s+){1,6}?(?:at|på|for|för|hos|vid|ved|with|åt)\s+(?:the\s+)?$")
# Ties only someone who works there speaks of, right before the employer's name: colleagues ("alle
# kolleger i Nordvåg"), tenure ("Fyra år på Nordvåg", "after 31 years at"), one's job ("mitt jobb i
# kundtjänsten på", "Day job at", "Dev life at").
WORK_TIES = re.compile(
    r"(?i)\b(?:(?:kolleg\w*|colleagues?|co-?workers?|workmates?|arbetskamrat\w*|arbeidskolleg\w*)\s+(?:[\w-]+\s+){0,2}"
    r"(?:från\s+|from\s+|fra\s+)?"
    r"|(?:\d+|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv|femton|tjugo|et|to|fire|seks|syv|sju|otte|åtte|ti|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?:år|years?|månader|months|"
    r"måneder)\s+(?:[\w'-]+\s+){0,5}?(?:on\s+(?:the\s+)?)?"
    # "the last three at X", "de senaste fem på"
    r"|(?:the\s+last|de\s+senaste|de\s+sista|de\s+siste|de\s+sidste)\s+(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|två|tre|fyra|fem|sex|sju|åtta|nio|tio|to|fire|seks|syv|otte|åtte|ti)\s+(?:år\s+|years\s+)?"
    r"|(?:mitt|my|min|mit|mi)\s+(?:[\w-]+\s+)?(?:jobb|job|arbete|work|arbeid|arbejde)\s+(?:[\w-]+\s+){0,3}?"
    r"|\b(?:day\s+job|dagjobb\w*|\w+\s+life|\w+livet)\s+)"
    r"(?:på|at|hos|i|in|with|ved|for|för|åt)\s+(?:the\s+)?$")
# Years as a customer, member or patient are no tenure: "kund i tio år hos".
AS_A_CUSTOMER = re.compile(r"(?i)\b(?:kund\w*|customer\w*|kunde\w*|medlem\w*|members?|patient\w*|pasient\w*|"
                           r"client\w*|klient\w*|abonnent\w*|subscriber\w*|bott|lived|bodd|boet)\b")
# "someone who works at Trygghetsverket", "en som jobbar på": the author, said from the outside.
SOMEONE_WHO_WORKS = re.compile(r"(?i)\b(?:någon|nån|en|someone|somebody|one|noen|nogen)\s+(?:som|who|that|der)\s+"
                               r"(?:jobbar|arbetar|works|worked|jobber|arbeider|arbejder)\b"
                               # "As the person running Havsfjord Club", "the person who writes the club's …"
                               r"|\bas\s+the\s+(?:person|one|guy|woman|man)\s+(?:who\s+\w+|running|behind|in\s+charge)")
# "A quick tip from a midwife at", "tips från en farmaceut på": the author's title,
# right before the employer's name.
FROM_A_TITLE = re.compile(r"(?i)\b(?:from|från|fra)\s+(?:a|an|en|ett|et|ei|one)\s+"
                          r"(?!(?:[\w-]+\s+){0,2}(?:kund\w*|customer|client|"
                          r"patient\w*|pasient\w*|member|medlem\w*|parent|förälder|forelder|forælder|resident|"
                          r"invånare|neighbou?r|granne|nabo|fan|supporter)\b)(?:[\w-]+\s+){1,3}(?:at|på|hos|i|in|ved|"
                          r"vid)\s+$")
# "Dagens fråga på Exempels ekonomiavdelning", "from Exempel's data team": a unit inside the
# employer, named as one's place; not the office or shop a customer goes to.
_UNIT_AFTER_US = re.compile(r"(?i)^(?:'s|’s|s)?\s+(?:[\w-]+\s+)?[\w-]*(?:desk|team|avdelning\w*|afdeling\w*|"
                            r"avdeling\w*|enhet\w*|department|unit|ward|lager|warehouse|depå\w*|depot|crew|squad)\b")
_BEFORE_UNIT = re.compile(r"(?i)\b(?:från|from|fra|på|at|on|in|i|hos)\s+(?:the\s+)?$")
# A line that only says who the author is: "Medsek på regionen 🙋‍♀️", "Dev at Fjordskydd here.",
# "/kassakille på Hemköpet Norr", "Indkøber hos Hemköpet Norr." — one to four words, then the employer.
_TITLE_HEAD = re.compile(r"(?i)^\W*(?!(?:tack|thanks|thank|tak|takk|hej|hi|hello|grattis|kudos|kaos|chaos|kö|queue|"
                         r"välkommen|welcome|velkommen)\b)(?:[\w-]+\s+){1,4}(?:på|at|hos|in|for|för|ved|åt)\s+"
                         r"(?:the\s+)?$")
# After the employer's name: the rest of a longer name, "here", then nothing but punctuation.
_TITLE_TAIL = re.compile(r"^(?:\s+(?-i:[A-ZÅÄÖÆØ])[\w-]*){0,2}"
                         # "Nurse at Exempel here, but a quick word first …"
                         r"(?:(?i:\s+(?:here|här|her))(?:[^\w]*$|\s*[,;:]\s)|[^\w]*$)")
# Where a title line may go on: a dash or a colon, or an emoji ("Medsek på regionen 🙋‍♀️ Dagens skratt …").
_TITLE_BREAK = re.compile(r"\s[–—:-]\s|:\s|[^\w\s.,!?;:'\"()\[\]/&+-]+\s")


def _title_line(ctx: DraftContext, sentence) -> bool:
    """Does the sentence name the author's job and the employer, and nothing more?"""
    mention = ctx.mentions_organisation(sentence.start, sentence.end, loose=True)
    if mention is None or not _TITLE_HEAD.match(ctx.text[sentence.start:mention.start()]):
        return False
    rest = ctx.text[mention.end():sentence.end]
    # The sentence may go on after a break: "Cashier at Hemköpet Norr here – re the listeria thing".
    return bool(_TITLE_TAIL.match(_TITLE_BREAK.split(rest, maxsplit=1)[0]))


# "… där", "… here": the employer named in another sentence, or the page the post is on.
THERE = re.compile(r"\b(?:där|här|there|here|der|her|hos\s+oss|with\s+us)\b", re.IGNORECASE)


def _signed(ctx: DraftContext) -> bool:
    """A signature closes the draft: the author's name with their role or the employer's name
    ("/Anna, kommunikatör", "– Anna Lindqvist, Sundby kommun"), on its last lines."""
    profile = ctx.profile
    if profile is None or not profile.name.strip():
        return False
    tail = "\n".join(ctx.text.strip().splitlines()[-2:])
    first = profile.name.split()[0].lower()
    if first not in tail.lower():
        return False
    start = len(ctx.text.rstrip()) - len(tail)
    lowered = tail.lower()
    return bool(any(re.search(rf"(?<!\w){re.escape(r)}(?!\w)", lowered) for r in _role_words(profile.role or ""))
                or ctx.mentions_organisation(start, len(ctx.text), loose=True))


# Working life in the author's own words, anywhere in a draft that names the employer: one's job,
# shift, boss or colleagues ("mitt pass", "my manager", "mine kolleger"), "at work" outside a question
# to the reader, the people the organisation serves as "ours" ("våra elever", "our tenants"), and
# "everyone who works here". Customers, residents and patients speak of none of these.
MY_WORK = re.compile(
    r"(?i)\b(?:mitt|min|mina|my|mit|mine|mitt|mi)\s+(?:[\w-]+\s+){0,2}(?:jobb|job|arbete|arbeid|arbejde|work|"
    r"internship|praktik|praktikplats|sommarjobb|sommerjobb|summer\s+job|vikariat|traineeship|"
    # A boss by any title: "min skiftledare", "my team lead", "min gruppchef".
    r"[\w-]*(?:ledare|chef|sjef|leder)|supervisor|team\s+lead|line\s+manager|"
    r"arbetsplats|arbeidsplass|arbejdsplads|workplace|pass|shift|skift|vakt|chefer|boss|manager|"
    r"kollegor|kolleger|kollegaer|kollegorna|kollegene|kollegerne|colleagues|co-?workers|workmates|"
    r"arbetskamrater|arbeidskolleger|arbetsdag|arbeidsdag|arbejdsdag|workday|arbetsgivare|arbeidsgiver|"
    r"arbejdsgiver|employer|arbetsgivarkort|team|crew|avdelning|afdeling|avdeling|förvaltning|enhet)\b"
    # "teamet mitt", "jobben min", "kollegene mine": the possessive after the noun (nb).
    r"|\b(?:teamet|jobben|jobbet|kollegene|kollegaene|vakta|skiftet|arbeidsplassen|avdelingen|sjefen|chefen|"
    r"lederen|skiftlederen|arbeidsgiveren)\s+(?:mitt|min|mine)\b"
    # "Fikade med en kollega", "with a colleague": only staff have colleagues there.
    r"|\b(?:en|ett|a|ei|et|med|with)\s+(?:ny\s+|new\s+|annan\s+|another\s+)?(?:kollega|colleague|kollegor|"
    r"kolleger|kollegaer|arbetskamrat|co-?worker)\b")
# "Vi på ekonomiavdelningen", "oss i räddningstjänsten", "we in the control room": the author's
# own unit, named by what Nordic units are called (-avdelningen, -enheten, -tjänsten …).
OUR_UNIT = re.compile(
    r"(?i)\b(?:vi|oss|we|us|os)\s+(?:på|i|hos|at|in|on|from|fra|från)\s+(?:the\s+)?[\w-]*?"
    # Not "kontoret", "the office": anyone's office ("Vi på kontoret diskuterade Exempel ABs …").
    r"(?:avdelning(?:en)?|enhet(?:en)?|tjänst(?:en)?|förvaltning(?:en)?|sekretariat(?:et)?|"
    r"mottagning(?:en)?|central(?:en)?|staben|kansliet|redaktion(?:en)?|afdeling(?:en)?|"
    r"avdeling(?:en)?|tjeneste(?:n)?|tjenesten|department|unit|ward|depot|depån|klinik(?:ken)?)\b")
# On duty: "Sitter på nattjouren", "Hemma från ett långt pass på IVA", "Hälsar från skiftet på",
# "Sending this from the control room at SL".
ON_DUTY = re.compile(
    r"(?i)\b(?:på|from|från|fra|on|after|efter|etter)\s+(?:(?:ett|et|a|an|the|mitt|my|min)\s+)?(?:[\w-]+\s+)?"
    r"(?:natt\w*|nat\w*|pass(?:et)?|skift(?:et)?|jour(?:en)?|vakt(?:en)?|vakten|shift|night\s+shift|"
    r"control\s+room|rounds)\s+(?:på|i|at|in|hos|ved|for|för)\b"
    # "Another long shift at the depot", "Ett pass till på akuten"
    r"|\b(?:another|one\s+more|yet\s+another|ännu\s+ett|ett\s+till|nok\s+et|endnu\s+et)\s+(?:[\w-]+\s+)?"
    r"(?:shift|skift|pass|vakt|vakter)\s+(?:på|i|at|in|hos|ved)\b")
# The view from inside: thanks for one's years, a decision taken internally, a post held.
INSIDE_VIEW = re.compile(
    # "Tack för tio år, Exempel", "thanks for eight years": thanking the employer for one's years.
    r"(?i)\b(?:tack\s+för|thanks\s+for|thank\s+you\s+for|takk\s+for|tak\s+for)\s+(?:\d+|två|tre|fyra|fem|sex|sju|åtta|"
    r"nio|tio|tolv|tjugo|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|to|fire|seks|syv|otte|åtte|ti)\s+"
    r"(?:fina\s+|fantastiska\s+|great\s+|wonderful\s+|gode\s+)?(?:år|years)\b"
    # "Internally we agreed", "internt har vi redan": a decision seen from inside.
    r"|\b(?:internally\s+we|internt\s+har\s+vi|internt\s+så\s+har\s+vi|internt\s+er\s+vi)\b"
    # "As head of our IT unit", "som chef för": a post held.
    r"|\b(?:as|som)\s+(?:the\s+)?(?:head|director|manager|chief|lead|leader|chair)\s+of\b"
    r"|\bsom\s+[\w-]*chef\s+(?:för|på|över|i)\b")
AT_WORK = re.compile(r"(?i)\b(?:på\s+jobbet|på\s+jobben|på\s+jobb|på\s+job|at\s+work|på\s+arbeid|på\s+arbejde|"
                     r"på\s+arbetet|varje\s+arbetsdag|every\s+work(?:ing\s+)?day|hver\s+arbeidsdag|"
                     r"hver\s+arbejdsdag)\b")
OUR_PEOPLE = re.compile(
    r"(?i)\b(?:våra|our|vores|våre)\s+(?:[\w-]+\s+)?(?:kunder|customers|clients|klienter|klientar|patienter|"
    r"patients|pasienter|elever|elevar|pupils|hyresgäster|tenants|lejere|leietakere|resenärer|passengers|"
    r"travellers|reisende|passagerer|brukare|brukere|invånare|residents|innbyggere|borgere|studenter|"
    r"sökande|applicants|policyholders|försäkringstagare|abonnenter|subscribers|medarbetare|anställda|employees|"
    r"staff|ansatte|medarbejdere|[\w-]*verksamhet(?:er)?)\b")
WORKS_HERE = re.compile(r"(?i)\b(?:jobbar|jobbat|arbetar|arbetat|works?|worked|working|jobber|jobbet|arbeider|"
                        r"arbejder)\s+(?:[\w-]+\s+){0,2}?(?:här|here|her|där|there|der)\b"
                        # "Six years answering calls here": tenure in the place the post is about.
                        r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|två|tre|fyra|fem|"
                        r"sex|sju|åtta|nio|tio|tolv|tjugo|to|fire|seks|syv|sju|otte|åtte|ti)\s+(?:år|years?)\s+"
                        r"(?!(?:[\w-]+\s+){0,3}?(?:bor|bott|bodde|lived?|living|bur|boet|kund\w*|customer|member|"
                        r"medlem))(?:[\w-]+\s+){0,3}?(?:här|here|her)\b")

# The author at a unit inside the organisation: "Jag jobbar på ekonomiavdelningen", "I answer the
# phones in customer service". Not a customer calling, visiting or waiting there.
AT_OUR_UNIT = re.compile(
    r"(?i)(?:^|[^\w'])(?:jag|jeg|eg|(?-i:I))\s+"
    r"(?!(?:[\w'-]+\s+){0,4}?(?:ringde|ringer|ringt|ringte|ringede|called|call|calls|rang|phoned|mejlade|mailade|"
    r"emailed|skrev|wrote|skreiv|kontakta\w*|contact\w*|väntade|vänta\w*|wait\w*|ventet|ventede|pratade|talade|"
    r"talked|spoke|snakket|talte|klaga\w*|complain\w*|var|was|låg|lay|besökte|visited|besøkte|besøgte|fick|got|"
    r"fikk|fik|inlagd|admitted|innlagt|indlagt)\b)"
    r"(?:[\w'-]+\s+){1,5}?(?:på|i|in|at|on|ved|hos)\s+(?:the\s+)?[\w-]*?(?:avdelning(?:en)?|enhet(?:en)?|"
    r"kundtjänst(?:en)?|kundservice(?:n)?|kundeservice(?:n)?|förvaltning(?:en)?|kansli(?:et)?|redaktion(?:en)?|"
    r"afdeling(?:en)?|avdeling(?:en)?|department|unit)\b")
# "As Head of Customer Support, I …": a title in capitals, then the author.
AS_TITLE = re.compile(r"\bAs\s+(?:the\s+)?(?!(?:Swedes|Norwegians|Danes|Finns|Swedish|Nordic|Europeans|Americans|"
                      r"Brits|British|Christians|Muslims|Jews|Parents|Customers|Residents|Members)\b)"
                      r"[A-Z][\w-]*(?:\s+(?:of|for|and|&|[A-Z][\w-]*)){0,4},?\s+(?:I|we)\b")
# Tenure in the author's own words: "I have run the X desk for three years", "Jag har varit
# säljare på X sedan 2019", "someone who has answered calls at X for six years". Not the
# years of a customer, member, resident or reader ("jag har handlat där i tio år").
TENURE = re.compile(
    r"(?i)\b(?:i'?ve|i\s+have|jag\s+har|har\s+jag|jeg\s+har|har\s+jeg|eg\s+har|who\s+has|som\s+har)\s+"
    r"(?!(?:[\w'-]+\s+){0,4}?(?:kund\w*|customers?|clients?|medlem\w*|members?|patient\w*|pasient\w*|bott|bodd|"
    r"boet|bodde|lived|living|bor|handla\w*|shopped|shopping|banked|banking|prenumer\w*|subscri\w*|åkt|ridden|"
    r"travell?ed|pendla\w*|commut\w*|följt|followed|following|fulgt|läst|read|lest|betala\w*|paid|betalt|väntat|"
    r"waited|waiting|ventet|haft|had|hatt|använt|used|brukt|anvendt|hyrt|rented|leid|lejet|fan|supporter\w*|"
    r"abonn\w*|lånt|borrowed|sett|watched|tittat)\b)"
    r"(?:[\w'’-]+\s+){1,8}?(?:for|i|in|sedan|sen|since|siden|i\s+över|for\s+over|over)\s+"
    r"(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|ett|två|tre|fyra|"
    r"fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|et|to|fire|seks|syv|otte|åtte|ti|elleve|tolv)\s+"
    r"(?:år|years?|decades?|decennier)|(?:19|20)\d\d)\b")
# After a comma or a bracket, the verb with a word that points to the author: "…, jobbar ju på
# Exempel så jag vet", "(jobbar i kassan på X)".
WORK_ASIDE = re.compile(r"(?i)(?:[,(]\s*)(?:jobbar|arbetar|jobber|arbeider|arbejder|works?|working)\s+"
                        r"(?:(?:ju|också|själv|selv|sjølv|jo|myself)\s+)?(?:[\w-]+\s+){0,2}?"
                        r"(?:på|i|hos|med|inom|vid|at|in|for|för)\b")
# "Vi som bygger ut nätet åt X", "Alle vi montører hos X": the author among the staff, right before the
# employer's name. Not the organisation's customers, residents, members, pupils or fans.
_NOT_STAFF = (r"(?:bor|bott|live[sd]?|living|bur|betala\w*|pay\w*|åk\w*|ride|rides|reser|travel\w*|pendla\w*|"
              r"commut\w*|handla\w*|shop\w*|kund\w*|customers?|medlem\w*|members?|vänta\w*|wait\w*|har|have|has|"
              r"är|are|er|var|were|hyr\w*|rent\w*|leie\w*|lej\w*|använd\w*|use|uses|bruk\w*|studera\w*|stud\w*|"
              r"går|go|gå|titta\w*|watch\w*|läser|read\w*|följer|follow\w*|heja\w*|cheer\w*|älska\w*|love|"
              r"boende|invånare|residents?|innbyggere|borgere|beboere|föräldrar|foreldre|forældre|parents|"
              r"pendlare|resenärer|passengers|passagerer|reisende|hyresgäster|tenants|lejere|leietakere|elever|"
              r"pupils|studenter|students|patienter|patients|pasienter|abonnenter|subscribers|användare|users|"
              r"fans|supportrar|supporters|skattebetalare|taxpayers|väljare|voters)")
WE_STAFF_AT = re.compile(
    rf"(?i)\b(?:vi|we|those\s+of\s+us)\s+(?:(?:som|who|der)\s+(?!(?:[\w-]+\s+){{0,2}}?{_NOT_STAFF}\b)"
    rf"(?:[\w-]+\s+){{1,3}}?|(?!{_NOT_STAFF}\b)[\w-]+\s+)(?:åt|för|for|på|hos|at|ved)\s+(?:the\s+)?$")


# A sentence about someone else's job, a job the author left or seeks, or the author as a parent,
# patient or customer says nothing about where the author works: "Min syster är sjuksköterska på",
# "I worked at Volvo for seven years before leaving", "Som förälder på Vittraskolan", "Ringde Telias
# kundtjänst".
NOT_MY_JOB = re.compile(
    # Someone close to the author has the job: "Min mamma är undersköterska på", "my sister is a nurse at",
    # "Søsteren min er sykepleier på", "en granne som jobbar på".
    r"(?i)\b(?:(?:min|mitt|mina|my|mi|mit|mine)\s+(?:[\w-]+\s+)?(?:syster|bror|mamma|mor|pappa|far|son|søn|sønn|"
    r"dotter|datter|sambo|fru|man|make|maka|hustru|kone|kæreste|partner|granne|nabo|vän|venn|ven|kompis|kusin|"
    r"sister|brother|mother|mum|mom|dad|father|daughter|wife|husband|neighbou?r|friend|cousin|nephew|niece|"
    r"classmate|aunt|uncle|moster|faster|morbror|farbror)(?:'s)?"
    r"|(?:søsteren|broren|moren|mora|faren|sønnen|datteren|kona|mannen|naboen|vennen)\s+(?:min|mitt|mi)"
    r"|(?:en|ei|et|a)\s+(?:granne|nabo|neighbou?r|vän|venn|friend|bekant))"
    r"(?:\s+[\w-]+){0,3}?\s+(?:är|er|is|was|var|jobbar|jobbade|works|worked|arbetar|arbejder|jobber|startet|"
    r"started|startede|har\s+startat|som|who|der|that)\b"
    # A job the author has left: "I worked at X for seven years before leaving", "men slutade 2020".
    r"|\b(?:before\s+leaving|used\s+to\s+work|formerly|före\s+detta|forhenværende|retired\s+from|"
    r"but\s+(?:left|quit)|men\s+(?:slutade|slutta|sluttet|stoppede|sa\s+opp|sagde\s+op|sade\s+upp))\b"
    r"|(?:^|[\s,(])(?:former|f\.\s?d\.|pensionerad|pensjonert|pensioneret)\s+[\w-]+\s+(?:at|på|hos|i|ved|vid)\b"
    # A job the author seeks: "Just applied for a role at", "intervjuat för en tjänst som".
    r"|\b(?:applied|applying|intervjuat|interviewed|intervjuet|søkt|søgt|sökt)\s+(?:for|för|til|to|på|på\s+en)\s+"
    r"(?:an?\s+|en\s+|ett\s+|et\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:job|jobb|jobbet|role|position|post|tjänst|"
    r"stilling|stilling|tjänsten)\b"
    # The author as a parent, patient or customer there: "Som förälder på", "as a parent at".
    r"|(?:^|\W)(?:som|as\s+an?|as)\s+(?:förälder|forelder|forælder|parent|patient|pasient|kund|kunde|customer|"
    r"medlem|member|supporter|sesongkortholder|season[\s-]ticket\s+holder|invånare|innbygger|borger|resident|"
    r"hyresgäst|leietaker|lejer|tenant|abonnent|subscriber|anhörig|pårørende|relative|pendlare|commuter|"
    r"resenär|passenger)\s+(?:på|i|hos|at|in|with|of|ved|til|for|för|vid)\b"
    # The author calling customer service: "Ringde Telias kundtjänst", "I called customer support".
    r"|\b(?:ringde|ringt|ringte|ringede|called|rang|phoned|mejlade|mailede|emailed|chattade|chatted|"
    r"kontaktade|contacted|kontaktet|kontaktede)\s+(?:[\w:'’-]+\s+){0,2}?(?:kundtjänst|kundservice|kundeservice|"
    r"kundtjänsten|kundservicen|kundeservicen|customer\s+(?:service|support)|support(?:en)?)\b")


def _about_my_job(sentence) -> bool:
    return not NOT_MY_JOB.search(sentence.text)


def _speaks_from_work(ctx: DraftContext) -> bool:
    for sentence in ctx.sentences:
        if not _about_my_job(sentence):
            continue
        if any(p.search(sentence.text) for p in (MY_WORK, OUR_PEOPLE, WORKS_HERE, OUR_UNIT, ON_DUTY, INSIDE_VIEW,
                                                 AT_OUR_UNIT, AS_TITLE)):
            return True
        if AT_WORK.search(sentence.text) and not sentence.text.rstrip().endswith("?"):
            return True
    return False


def _discloses(ctx: DraftContext) -> bool:
    """Does a sentence of the draft (or its signature) say the author works for the organisation?"""
    if _signed(ctx) or _speaks_from_work(ctx):
        return True
    employment = phrases("disclosure.toml", "employment", None)
    we_forms = phrases("disclosure.toml", "we_forms", None)
    roles = phrases("disclosure.toml", "roles", None)
    own_roles = _role_words(ctx.profile.role if ctx.profile else "")
    for sentence in ctx.sentences:
        if not _about_my_job(sentence):
            continue
        lower = sentence.text.lower()
        names_us = ctx.mentions_organisation(sentence.start, sentence.end, loose=True)
        there = names_us or THERE.search(sentence.text)
        says_works = (WORKS.search(sentence.text) or (employment and employment.search(lower))
                      or OPENS_WORKING.search(sentence.text) or WORK_ASIDE.search(sentence.text)
                      or (names_us and JOB_ASIDE.search(sentence.text)))
        if says_works and there:
            return True
        own_role = next((m for r in own_roles
                         if (m := re.search(rf"(?<!\w){re.escape(r)}{_ROLE_ENDINGS}(?!\w)", lower))), None)
        has_role = own_role is not None or (roles is not None and roles.search(lower))
        if has_role and there:
            return True
        if TENURE.search(sentence.text) and (there or has_role):
            return True
        if own_role is not None and _AT_A_NAME.match(sentence.text, own_role.end()):
            return True  # "As international coordinator at Sjöhagen University": an employer by any name
        if own_role is not None and _AS_MY_ROLE.search(lower, 0, own_role.start()):
            return True  # "Som CFO vill jag lyfta …": the author's own role, in a draft that names us
        if names_us and POINTS_TO_SELF.search(sentence.text):
            return True
        if names_us and _our_colleague_at(ctx, sentence):
            return True
        if names_us and (MAKES.search(sentence.text) or _introduces(ctx, sentence)):
            return True
        if names_us and (_right_before_us(ctx, sentence, I_DO_AT, 70) or SOMEONE_WHO_WORKS.search(sentence.text)
                         or _title_line(ctx, sentence)):
            return True
        if names_us and _right_before_us(ctx, sentence, WORK_TIES, 80, unless=AS_A_CUSTOMER):
            return True
        if names_us and _right_before_us(ctx, sentence, WE_STAFF_AT, 60):
            return True
        if names_us and (_right_before_us(ctx, sentence, FROM_A_TITLE, 60)
                         or _right_before_us(ctx, sentence, _BEFORE_UNIT, 12, then=_UNIT_AFTER_US)):
            return True
        if we_forms is not None:
            for match in we_forms.finditer(lower):
                # "Vi på Exempel AB …", "oss i receptionen på Exempel": the organisation's name
                # must follow within a few words.
                at = sentence.start + match.end()
                mention = ctx.mentions_organisation(at, at + 40 + len(ctx.employer), loose=True)
                gap = ctx.text[at:mention.start()].split() if mention is not None else []
                if mention is not None and (not gap or (len(gap) <= 3 and gap[-1].lower() in _PLACE_WORDS)):
                    return True
    return False


# Swedish, Norwegian and Danish endings of a role word: "arbetsmiljöingenjören på Bergvik".
_ROLE_ENDINGS = r"(?:en|n|et|t|a|na|er|ar|or|erna|arna|orna|e)?"
# "Som CFO", "As head of marketing", "i min roll som": the author's role introduced as theirs.
_AS_MY_ROLE = re.compile(r"(?:^|\W)(?:som|as|i\s+min\s+roll\s+som|in\s+my\s+role\s+as|i\s+min\s+rolle\s+som|"
                         # "Stolt VD!", "proud head nurse": the author's pride in their own post.
                         r"stolt|stolta|stolte|proud|nybliven|nyanställd|newly\s+appointed)\s+"
                         r"(?:an?\s+|en\s+|ett\s+|ei\s+)?$")
_AT_A_NAME = re.compile(r"\s+(?:at|på|hos|vid|ved|for|för|i|in)\s+(?:the\s+)?[A-ZÅÄÖÆØ]")
# The author pointing at themselves beside the employer's name: "Nordvåg's sustainability lead
# (that's me)", "arbetsmiljöingenjören på Bergvik, alltså jag".
POINTS_TO_SELF = re.compile(
    r"(?i)\(\s*(?:that'?s\s+me|it'?s\s+me|me|jag|det\s+är\s+jag|det\s+e\s+jag|meg|mig|det\s+er\s+meg|"
    r"det\s+er\s+mig)\s*[!.]?\s*\)|\b(?:alltså|dvs\.?|det\s+vill\s+säga|altså|nemlig)\s+(?:jag|jeg|meg|mig)\b"
    r"|\b(?:yours\s+truly|undertecknad|undertegnede)\b")
# "our caretaker at Lindängsskolan": a colleague, unless the word is family ("our kids at …").
_OUR_SOMEONE_AT = re.compile(
    r"(?i)\b(?:our|vår|vårt|våra|vores|våre)\s+(?!(?:kids?|children|child|son|sons|daughters?|barn|ungar|"
    r"unger|børn|söner|döttrar|grandchildren|barnbarn|family|familj|familie|home|house|hus|flat|lägenhet)\b)"
    r"(?:[\w-]+\s+){1,2}(?:at|på|hos|vid|ved|i)\s+$")


def _our_colleague_at(ctx: DraftContext, sentence) -> bool:
    return _right_before_us(ctx, sentence, _OUR_SOMEONE_AT, 50)


def _right_before_us(ctx: DraftContext, sentence, pattern: re.Pattern[str], reach: int,
                     unless: re.Pattern[str] | None = None, then: re.Pattern[str] | None = None) -> bool:
    """Does ``pattern`` end right before one of the employer's names in the sentence (looking back
    ``reach`` characters), with nothing there that ``unless`` finds, and (if given) ``then`` matching
    right after the name?"""
    start = sentence.start
    while (mention := ctx.mentions_organisation(start, sentence.end, loose=True)) is not None:
        before = ctx.text[max(sentence.start, mention.start() - reach):mention.start()]
        if (pattern.search(before) and (unless is None or not unless.search(before))
                and (then is None or then.match(ctx.text, mention.end(), sentence.end))):
            return True
        start = mention.end()
    return False


def _role_words(role: str) -> list[str]:
    """"Sjuksköterska, akutmottagningen" → ["sjuksköterska, akutmottagningen", "sjuksköterska"]."""
    role = role.lower().strip()
    if not role:
        return []
    first = re.split(r"\s*[,;(]\s*|\s+(?:på|at|i|in|vid|hos|for|för)\s+", role)[0].strip()
    # "sopbilschaufför/renhållare": either title is the author's.
    either = [part.strip() for part in first.split("/")]
    return [r for r in dict.fromkeys((role, first, *either)) if len(r) > 2]


def _introduces(ctx: DraftContext, sentence) -> bool:
    """A self-introduction ending right before one of the employer's names, or naming it a few
    words after its "at"."""
    for head in INTRO_HEAD.finditer(ctx.text, sentence.start, sentence.end):
        if ctx.mentions_organisation(head.end(), min(sentence.end, head.end() + 60), loose=True):
            return True
    return _right_before_us(ctx, sentence, SELF_INTRO, 60)
