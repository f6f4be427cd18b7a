"""Threats that name no violence: knowing someone's routines, "it would be a shame if something
happened", a fire foretold for an office, "not a threat, a promise", "pay with his life".

The threat lexicon lists what people say outright ("jag vet var du bor", "I'll kill you"); the
veiled forms vary too much for a list, so each is a small construction with the words that make
it a threat rather than a worry ("det vore synd om badet stängde" is a worry, "det vore synd om
något hände ert kontor" is not). Used by triage and the draft check through ``find_threats``.
"""

from __future__ import annotations

import re

from omdome.text.lexicon import compile_substrings

# "Jag vet vilken bil som är din", "I have seen which bus you take", "vi vet när du slutar".
_KNOWS_ROUTINE = re.compile(
    r"(?i)\b(?:jag|vi|i|we|jeg|eg)\s+(?:\w+\s+){0,1}(?:vet|veit|ved|know|knows|har\s+sett|have\s+seen|"
    r"kan\s+se|har\s+koll\s+på|know\s+exactly|vet\s+precis|ved\s+præcis|vet\s+nøyaktig)\s+"
    r"(?:\w+\s+){0,1}(?:var|vart|where|hvor|vilken|vilket|vilka|which|hvilken|hvilket|hvilke|när|when|hvornår|når|"
    r"what\s+time|vad\s+tid)\b(?=[^.!?\n]{0,50}\b(?:bor|bodde|lives?|living|bur|jobbar|works?|jobber|arbejder|"
    r"parkerar|parks?|parkerer|bil|bilen|car|bilen\s+din|buss|bus|bussen|tar|takes?|tager|tek|barn|barnen|kids|"
    r"children|børn|barna|ungar|skola|skolan|school|skole|skolen|hem|home|hjem|hjemme|hus|huset|house|adress|"
    r"address|adresse|promenerar|walks?|går\s+ut|hund|dog|familj|family|familie|fru|wife|kone|man|husband|"
    r"mand|slutar|finish(?:es)?|shift|skift|vakt|passet|pendlar|commute|tåg|train|tog)\b)")
# The same with the verb first, as Scandinavian word order has it after an opening clause:
# "… så vet jag var överläkaren bor", "så ved jeg hvor du bor".
_KNOWS_ROUTINE_INVERTED = re.compile(
    r"(?i)\b(?:vet|veit|ved)\s+(?:jag|vi|jeg|eg)\s+(?:\w+\s+){0,1}(?:var|vart|hvor|vilken|vilket|hvilken|när|hvornår|når)\b"
    r"(?=[^.!?\n]{0,40}\b(?:bor|bur|jobbar|jobber|arbejder|parkerar|parkerer|bil|bilen|buss|bussen|barn|barnen|børn|"
    r"barna|skola|skolan|skole|hem|hjem|hus|huset|slutar|slutter)\b)")
# Calls for a person, a family or a group to die, burn or be driven out of the country.
_CALLS_FOR_HARM = re.compile(
    r"(?i)\b(?:borde|bör|ska|skulle|should|ought\s+to|burde|bør|skal|må)\s+(?:\w+\s+){0,2}?"
    r"(?:dö|dø|die|brinna\s+upp|brännas|burn|br(?:æ|ae)nde\s+op|brenne\s+opp|utrotas|exterminated|wiped\s+out|"
    r"udryddes|utryddes|skjutas|be\s+shot|skytes|skydes|hängas|be\s+hanged|henges|hænges|"
    r"(?:jagas|kastas|slängas|drivas|sparkas)\s+ut\s+ur\s+landet|be\s+(?:driven|thrown|kicked)\s+out\s+of\s+(?:the|this|our)\s+country|"
    r"(?:jages|kastes|smides)\s+ut\s+av\s+landet|(?:jages|smides)\s+ud\s+af\s+landet|"
    # Run over: a person after it, or the person named before ("tiggarna borde man köra över med
    # snöplogen"), not a place ("må vi kjøre over fjellet").
    r"(?:köra|köras|run|kjøre|kjøres|køre|køres)\s+över(?=\s+(?:dem|dom|honom|henne|them|him|her|ham|hende|de|med|with)\b|"
    r"\s*[,.!?]|\s*$)|(?:köra|run|kjøre|køre)\s+over(?=\s+(?:dem|them|him|her|ham|hende|med|with)\b|\s*[,.!?]|\s*$)|"
    r"mejas\s+ner)\b"
    # "the keeper should be shot for that save 😂": hyperbole about a feat, not a wish.
    r"(?!\s+(?:for|för|fordi|because)\b)")
# "Your kids go to Ekskolan, right?", "dina barn går på Ekskolan, eller hur?".
_KIDS_SCHOOL = re.compile(
    r"(?i)\b(?:dina|era|your|dine|jeres|deres|din|ditt)\s+(?:\w+\s+)?(?:barn|ungar|kids|children|børn|unger|"
    r"dotter|son|daughter|sønn|søn|datter|grandchildren|barnbarn)\s+(?:går|go|goes|attend|attends|gå|går\s+i)\s+"
    r"(?:på|to|i|at)\b")
# "Det vore synd om något hände ert kontor", "would be a shame if something happened to".
_SHAME_IF = re.compile(
    r"(?i)(?:\b(?:vore|skulle\s+vara|would\s+be|it'?d\s+be|ville\s+være|hadde\s+vært|vil\s+være)\s+(?:\w+\s+){0,2}|"
    # "Shame if something happened to your new sports hall": the same, said short.
    r"(?:^|(?<=[.!?]\s)|(?<=\n)))(?:synd|tråkigt|trist|a\s+shame|a\s+pity|shame|leit|ærgerligt|ærgerlig|skam|en\s+skam)\s+(?:om|if|hvis|dersom)\s+"
    r"(?:\w+\s+){0,4}?(?:något|nåt|something|noe|noget|anything|ngt)\s+(?:\w+\s+)?(?:hände|händer|happened|happens|"
    r"skjedde|skjer|skete|sker|råkade|went\s+wrong|gick\s+sönder|were\s+to\s+happen)"
    # "Synd om någon tände på båthuset", "if it caught fire one night": the fire said outright.
    r"|\b(?:om|if|hvis|dersom)\s+(?:\w+\s+){0,4}?(?:tok\s+fyr|tog\s+ild|tog\s+eld|caught\s+fire|brann\s+ned|"
    r"burned\s+down|brant\s+ned|satte\s+fyr|satte\s+eld|set\s+fire|tände\s+på|sprängdes|blew\s+up)\b")
# "Det är inget hot, det är ett löfte", "not a threat, it's a promise".
_PROMISE = re.compile(
    r"(?i)\b(?:inget|inte\s+ett|not\s+a|no|ikke\s+en|ingen)\s+hot(?:\w*)?\W+(?:\w+\s+){0,3}(?:ett\s+)?löfte\b"
    r"|\bnot\s+a\s+threat\W+(?:\w+\s+){0,3}(?:a\s+)?promise\b"
    r"|\bikke\s+en\s+trussel\W+(?:\w+\s+){0,3}(?:et\s+)?løfte\b")
# "… få betala. Med sitt eget liv", "pay with his life".
_WITH_LIFE = re.compile(
    r"(?i)\b(?:med\s+sitt\s+(?:eget\s+)?liv|med\s+livet|with\s+(?:his|her|their|your)\s+(?:own\s+)?li(?:fe|ves)|"
    r"med\s+(?:sitt|sit|livet\s+sitt)\s+(?:eget\s+|egne\s+)?liv)\b")
# "I'll wait for that gate agent after her shift", "väntar på dig utanför jobbet".
_WAITS_FOR = re.compile(
    r"(?i)\b(?:vänta|väntar|wait|waiting|venter|vente|vent)\s+(?:\w+\s+){0,1}(?:på|for|til)\s+"
    r"(?:dig|henne|honom|er|you|her|him|them|deg|dere|ham|hende|jer|that\s+\w+|den\s+där\s+\w+|han|hon|\w+en)\s+"
    r"(?:\w+\s+){0,4}?(?:efter|after|etter|utanför|outside|utenfor|udenfor)\s+(?:\w+\s+){0,1}"
    r"(?:jobbet|skiftet|passet|work|shift|jobben|arbeid|arbejde|vakten|kontoret|office|huset|hemma|home)\b")
# "… kansliet kommer att brinna", "the depot will burn one night", "hoppas stadshuset brinner".
_FIRE_FORETOLD = re.compile(
    r"(?i)\b(?:kansli\w*|kontor\w*|office|offices|depå\w*|depot|stadshus\w*|kommunhus\w*|town\s+hall|city\s+hall|"
    r"rådhus\w*|butik\w*|shop|store|skolan|school|huset\s+ert|your\s+house|ert\s+hus|lagret|warehouse|"
    r"lokaler\w*|premises|bygget|byggnaden|building|hallen|stationen|station)\b[^.!?\n]{0,40}?"
    r"\b(?:kommer\s+(?:att\s+)?brinna|ska\s+brinna|brinner\s+ner|brinner\s+upp|will\s+burn|gonna\s+burn|going\s+to\s+burn|"
    r"skal\s+brenne|kommer\s+til\s+å\s+brenne|vil\s+brænde|kommer\s+til\s+at\s+brænde|går\s+upp\s+i\s+(?:rök|lågor)|"
    r"goes\s+up\s+in\s+flames|go\s+up\s+in\s+flames|flyger\s+i\s+luften|blows?\s+up)"
    r"|\b(?:hoppas|hope|håber|håper)\s+(?:att\s+|that\s+|at\s+)?(?:\w+\s+){0,3}(?:brinner|burns|brenner|brænder|"
    r"sprängs|blows\s+up|sprenges|sprænges)\b")

# A group called vermin or a disease, then to be cut out or rounded up: "… en cancer skär man bort".
_ELIMINATE = re.compile(
    r"(?i)\b(?:skär\s+man\s+bort|ska\s+skäras\s+bort|måste\s+skäras\s+bort|rensa\s+ut\s+dem|rensas\s+ut|"
    r"round\s+them\s+(?:all\s+)?up|cut\s+them\s+out|wipe\s+them\s+out|skjær\s+man\s+bort|skærer\s+man\s+væk|"
    r"samla\s+ihop\s+dem|fjern\s+dem|man\s+sprejar|man\s+sprayar|spraya\s+bort|spray\s+them|sprøjte\s+dem|"
    r"gasa\s+dem|gas\s+them)\b")
_VERMIN = re.compile(r"(?i)\b(?:cancer|kræft|kreft|parasit\w*|ohyra|vermin|skadedjur|råttor|rats|snylt\w*|pest|"
                     r"leeches|kackerlackor|cockroaches|utøy|utøj)\b")
# The children's school or daycare named with a tag question: "… har to små piger i børnehaven
# på Møllevej, ikke?"
_KIDS_PLACE = re.compile(
    r"(?i)\b(?:har|has|have)\s+(?:\w+\s+){0,3}?(?:barn|børn|piger|drenge|döttrar|söner|kids|children|daughters|sons|"
    r"jenter|gutter|unger|ungar|pojkar|flickor)\s+(?:i|på|at|in)\s+(?:\w+\s+)?(?:børnehave\w*|förskola\w*|skola\w*|"
    r"school|barnehage\w*|daycare|dagis|vuggestue\w*|skole\w*|kindergarten|nursery)\b[^.!?\n]{0,40}?"
    r"(?:ikke|eller\s+hur|right|va|ikkje|inte\s+sant|eller\s+hva|ikke\s+sandt|isn'?t\s+it|don'?t\s+they)\s*\?")
# "You never know who you'll meet" after naming someone's walk or way home.
_NEVER_KNOW = re.compile(
    r"(?i)\b(?:man\s+vet\s+aldrig|you\s+never\s+know|man\s+ved\s+aldrig|en\s+vet\s+aldri|man\s+vet\s+aldri)\s+"
    r"(?:vem|who|hvem)\s+(?:man|you|en)\s+(?:'ll\s+)?(?:möter|meet|møder|møter|stöter\s+på|run\s+into|bump\s+into)")
_ROUTINE = re.compile(r"(?i)\b(?:\w*promenad\w*|walk\w*|gåtur\w*|løbetur\w*|joggingtur\w*|joggar|jogging|"
                      r"springrunda\w*|väg\s+hem|way\s+home|vej\s+hjem|vei\s+hjem|route)\b")
# Weapon emoji with "you have been warned": "🔫🔫 kundtjänst imorgon kl 9. ni har blivit varnade".
WARNED = re.compile(r"(?i)\b(?:ni\s+har\s+blivit\s+varnade|du\s+har\s+blivit\s+varnad|you'?ve\s+been\s+warned|"
                     r"you\s+have\s+been\s+warned|i\s+er\s+advaret|du\s+er\s+advaret|dere\s+er\s+advart|"
                     r"du\s+er\s+advart|consider\s+yourselves?\s+warned|ni\s+är\s+varnade)\b")
_WEAPON_EMOJI = re.compile("[\U0001F52B\U0001F4A3\U0001F52A\U0001F9E8]")
# Damage said to be easy: "fire dæk er hurtigt stukket, og lakken ridser nemt", "däck punkteras lätt".
_DAMAGED = (r"(?:stukket|stukne|punkter\w*|sönderstuckna|slashed|ridse[rs]?|ripe[rs]?|repas|repad\w*|scratched|"
            r"krossade?|knust|smadret|smashed|skärs\s+sönder)\b")
_EASILY = r"(?:lätt|latt|nemt|lett|easily|quickly|hurtigt|hurtig|fort|snabbt|fast)\b"
_EASY_DAMAGE = re.compile(
    r"(?i)\b(?:däck\w*|dæk\w*|dekk\w*|tyres?|tires?|lack\w*|lak\w*|paint|rutor\w*|ruder\w*|ruter\w*|windows?|"
    r"vindrut\w*|forrud\w*|frontrut\w*|windscreen|windshield)\s+(?:\w+\s+){0,2}?"
    r"(?:(?:är|blir|er|bliver|are|get|gets)\s+)?(?:(?:(?:så|so|ganske|ret)\s+)?" + _EASILY + r"\s+" + _DAMAGED
    + r"|" + _DAMAGED + r"[^.!?\n]{0,12}?\b" + _EASILY + ")")
# … and whose: a car or a house of someone named, not a product in a shop.
_SOMEONES_PROPERTY = re.compile(
    r"(?i)\b(?:\w+(?:s|'s)\s+(?:bil|car|hus|house|villa)|din\s+bil|bilen\s+din|your\s+car|his\s+car|"
    r"her\s+car|hans\s+bil|hennes\s+bil|hendes\s+bil|hennes\s+hus|bilen\s+hans|bilen\s+hennar|bilen\s+til|"
    r"bil(?:en)?\s+(?:holder|står|parkerar|parkerer))\b")
# An official's home named with a tag question: "Saksbehandleren har den gule eneboligen ved kirka,
# ikke sant?", "Rektorn bor i den röda villan vid sjön, eller hur?" The home and the tag question are
# the pattern; who lives there (an official, or "he"/"she" about one) is looked for around it.
_HOME_TAGGED = re.compile(
    r"(?i)\b(?:bor|bur|lives|har|has|äger|eier|ejer|owns)\s+(?:\w+\s+){0,4}?"
    r"(?:hus|huset|villa|villan|enebolig\w*|house|lägenhet\w*|leilighet\w*|lejlighed\w*|radhus\w*|rekkehus\w*|"
    r"rækkehus\w*|hjem|home|place)\b[^.!?\n]{0,40}?"
    r"(?:ikke|eller\s+hur|right|va|ikkje|inte\s+sant|eller\s+hva|ikke\s+sandt|isn'?t\s+it|doesn'?t\s+(?:he|she)|"
    r"ikke\s+sant)\s*\?")
# People in a role the writer may be angry with, compounds included ("skadereglerare", "busschauffören").
_ROLES = (r"\w*(?:handläggar|behandler|behandlar|chef|sjef|rektor|lärar|lærer|vicevärd|vicevært|vaktmästar|"
          r"direktör|direktør|ordförande|formann|formand|politiker|domar|dommer|förar|sjåfør|chauffør|inspektör|"
          r"kontrollör|kontrollør|kommunalråd|ordfører|borgmester|tränar|træner|trener|redaktör|journalist|läkar|"
          r"lege|læge|manager|caseworker|councillor|inspector|principal|teacher|driver)\w*")
_OFFICIAL = re.compile(r"(?i)\b" + _ROLES + r"\b")
_BUILDINGS = (r"(?:\w*kontor\w*|\w*hus(?:et)?|office|offices|building|house|butik\w*|shop|store|lokal\w*|"
              r"bil(?:en)?|car|depå\w*|depot|skola\w*|school|kirke\w*|kyrka\w*)\b")
# Setting fire to a building, said as what the writer will do: "I'll torch your office", "vi
# sätter eld på hela kontoret".
_SETS_ALIGHT = re.compile(
    r"(?i)\b(?:jag|vi|I|I'?ll|we|we'?ll|jeg|eg)\s+(?:\w+\s+){0,2}?(?:torch|torches|sätter\s+eld\s+på|"
    r"setter\s+fyr\s+på|sætter\s+ild\s+på)\s+(?:\w+\s+){0,3}?" + _BUILDINGS)
# "Tända på" someone's building is that too ("nästa video blir när jag tänder på Söderslätt Energis
# kontor"), but it is also being keen on something ("jag tänder på kommunens nya kontor"): a
# threat only with a night, a revenge or a fire beside it.
_LIGHTS_UP = re.compile(
    r"(?i)\b(?:(?:jag|vi)\s+(?:\w+\s+){0,2}?(?:tänder|tända)|tänder\s+(?:jag|vi))\s+på\s+(?:\w+\s+){0,2}?(?:hela|ert|era|deras|hans|"
    r"hennes|\w+s)\s+(?:\w+\s+)?" + _BUILDINGS)
_FIRE_CONTEXT = re.compile("(?i)\U0001F525|\\b(?:i\\s+natt|inatt|ikväll|i\\s+kväll|snart|hämnd\\w*|håll\\s+utkik|"
                           "bensin|eld|brinn\\w*|nästa\\s+vecka|imorgon|i\\s+morgon)\\b")
# A bomb said to be somewhere, or to go off: "det ligger en bomb på hållplatsen", "there's a bomb in
# your lobby", "den går av 17.00".
_BOMB_PLACED = re.compile(
    r"(?i)\b(?:ligger|finns|står|har\s+placerat|har\s+lagt|there'?s|there\s+is|i'?ve\s+(?:put|placed|planted)|"
    r"ligger\s+der|er\s+der|ligg|har\s+plassert|har\s+placeret)\s+(?:\w+\s+){0,2}?(?:en|a|ei|et)\s+bomb[e]?\b"
    r"|\bbomb(?:en|e)?\s+(?:\w+\s+){0,3}?(?:går\s+av|goes\s+off|will\s+go\s+off|smäller|detonerar|går\s+af)\b")
# A call on someone else to wreck a building: "borde nån spränga ert lager", "someone should burn
# your office down".
_SOMEONE_SHOULD = re.compile(
    r"(?i)\b(?:borde|bör|ska|skulle|should|ought\s+to|burde|bør|skal|må)\s+(?:\w+\s+)?(?:nån|någon|folk|someone|"
    r"somebody|people|noen|nogen)\s+(?:\w+\s+)?(?:spränga|bränna\s+ner|bränna|sätta\s+eld\s+på|tända\s+på|"
    r"blow\s+up|burn(?:\s+down)?|torch|sprenge|brenne\s+ned|brenne|sprænge|brænde\s+ned|brænde|sette\s+fyr\s+på|"
    r"sætte\s+ild\s+på)\b")
# A visit with a weapon: "gonna pay ur office a visit tmrw w a bat", "vi kommer förbi med ett basebollträ".
_VISIT_ARMED = re.compile(
    r"(?i)\b(?:visit|besök\w*|hälsa\s+på|komma?\s+förbi|kommer\s+förbi|drop\s+by|come\s+by|swing\s+by|besøk\w*|"
    r"kigge\s+forbi|komme\s+innom|stikke\s+innom|kommer\s+dit|kmr\s+dit|come\s+round|komma\s+ner|kommer\s+ner|"
    r"kmr\s+ner|coming\s+down|come\s+down|komme\s+ned|kommer\s+ned|show\s+up|dyka\s+upp|dukker\s+opp|"
    # "kommer vi några stycken ner till kontoret": the verb and its particle apart.
    r"(?:kommer|kmr)\s+(?:\w+\s+){1,3}?(?:ner|dit|förbi)|"
    r"møder\s+op)\b[^.!?\n]{0,40}?"
    r"\b(?:with|w|med|m|me)\s+(?:a\s+|an\s+|en\s+|ett\s+|et\s+|ei\s+|min\s+|my\s+)?(?:bat|baseball\s+bat|basebollträ\w*|"
    r"baseballkølle\w*|knife|kniv\w*|gun|pistol\w*|gevär\w*|gevær\w*|hagelbössa\w*|bössa\w*|shotgun|rifle|machete|"
    r"yxa\w*|axe|øks\w*|økse|"
    r"hammer|hammare|slägga|balltre|järnrör|jernrør|crowbar|kofot)\b")
# "See how long your depot stays standing", "får se hur länge kontoret står kvar".
_STAYS_STANDING = re.compile(
    r"(?i)\b(?:see\s+how\s+long\s+(?:your|the|that)\s+(?:\w+\s+){0,2}?(?:stays|keeps|will\s+stay|remains)\s+standing|"
    r"hur\s+länge\s+(?:\w+\s+){0,3}?(?:står\s+kvar|får\s+stå\s+kvar)|hvor\s+lenge\s+(?:\w+\s+){0,3}?(?:står|blir\s+stående)|"
    r"hvor\s+længe\s+(?:\w+\s+){0,3}?(?:står|bliver\s+stående))\b")
# A routine watched: "jag har sett dig hämta dina barn på förskolan", "I've seen you walk your dog"
# (not "… gå hem från träningen", said as praise of a runner).
_SEEN_YOU = re.compile(
    r"(?i)\b(?:jag|vi|I|I'?ve|we|we'?ve|jeg|eg)\s+(?:har\s+|have\s+)?(?:sett|seen|saw|såg|set|så)\s+"
    r"(?:dig|er|you|deg|dere|jer|henne|honom|him|her|ham|hende|han|hun)\s+(?:\w+\s+){0,2}?"
    r"(?:hämta|lämna|gå|går|walk|walking|pick|picking|drop|dropping|hente|henter|levere|følge|følger|aflevere|"
    r"afleverer|jogga|jog|jogging|promenera|lufte|rasta)\w*\s+(?:\w+\s+){0,3}?(?:barn\w*|kids|children|børn\w*|"
    r"unger|ungar|dotter|døtre|son|sønn|søn|daughter|datter|hund\w*|dog|förskola\w*|skola\w*|school|"
    r"barnehage\w*|børnehave\w*|daycare)\b")
# A conditional blast: "om ni lägger ner förskolan kommer det smälla i kommunhuset".
_BLAST_IF = re.compile(
    r"(?i)\b(?:kommer\s+det\s+(?:att\s+)?smälla|det\s+(?:kommer\s+(?:att\s+)?)?smäller|så\s+smäller\s+det|"
    r"it'?ll\s+go\s+bang|det\s+kommer\s+til\s+at\s+brage|så\s+smeller\s+det|kommer\s+det\s+til\s+å\s+smelle)\s+"
    r"(?:i|på|hos|vid|at|in|ved)\s+(?:\w+\s+){0,2}?(?:\w*hus\w*|\w*kontor\w*|office|building|stadshus\w*|"
    r"rådhus\w*|\w*hallen|skola\w*|school|lokal\w*)\b")
_IF_YOU = re.compile(r"(?i)\b(?:om\s+ni|om\s+du|if\s+you|hvis\s+dere|hvis\s+du|hvis\s+I|dersom\s+dere)\b")
# A weapon emoji beside a person and "soon": "rektorn på solviks förskola 🔪🔪🔪 snart", "@lina.berg 🔪🏠 snart"
# (in triage's normalised text a mention is the word "mentiontoken").
_WEAPON_SOON = re.compile("[\U0001F52B\U0001F4A3\U0001F52A\U0001F9E8][^.!?\\n]{0,12}?\\b(?:snart|soon|i\\s+natt|inatt|"
                          "tonight|ikväll|i\\s+kväll|imorgon|tomorrow|tmrw|i\\s+morgen|i\\s+aften|snart\\s+nu)\\b"
                          "|\\b(?:snart|soon)\\b[^.!?\\n]{0,12}?[\U0001F52B\U0001F4A3\U0001F52A\U0001F9E8]")
_PERSON_NAMED = re.compile(r"(?i)@\w|\bmentiontoken\b|\b(?:" + _ROLES + r"|du|dig|ni|er|you|deg|dere|jer)\b")
# An address given with a call to go there: "… bor på Vallmogatan 12. Åk dit och visa honom …".
_ADDRESS_GIVEN = re.compile(
    r"(?i)\b(?:bor|lives|living|bur|bor\s+nu)\s+(?:på|at|on|in|i|på\s+adressen)\s+[A-ZÅÄÖÆØ]?\w+\s+\d+\w?\b")
_GO_THERE = re.compile(
    r"(?i)\b(?:åk\s+dit|gå\s+dit|dra\s+dit|kör\s+dit|go\s+there|pay\s+(?:him|her|them)\s+a\s+visit|visit\s+(?:him|her)|"
    r"visa\s+(?:honom|henne|dem)\s+vad|show\s+(?:him|her|them)\s+what|kjør\s+dit|dra\s+hjem\s+til|"
    r"kør\s+derhen|tag\s+derhen|besøk\s+(?:ham|henne)|besøg\s+(?:ham|hende)|knacka\s+på|knock\s+on\s+(?:his|her)|"
    r"hälsar\s+på|hälsa\s+på|pays?\s+(?:him|her|them)\s+a\s+visit|drop\s+by)\b")
# A fire check urged on officials: "hoppas politikerna i nämnden har brandvarnare som funkar hemma",
# "check the smoke alarm in your newsroom 😉". A fire service's reminder to everyone is not one.
_ALARM = re.compile(r"(?i)\b(?:brandvarnar\w*|brandlarm\w*|smoke\s+alarms?|smoke\s+detectors?|fire\s+alarms?|"
                    r"røykvarsl\w*|brannalarm\w*|brandalarm\w*|røgalarm\w*)\b")
_OFFICIALS = re.compile(r"(?i)\b(?:\w*nämnd\w*|styrelse\w*|ledning\w*|redaktion\w*|newsroom|the\s+board|"
                        r"councillors?|politiker\w*|politicians?|\w*styre[t]?|bestyrelse\w*)\b")
# Their property said to burn well: "gamla pallar brinner fint", "that shed would burn nicely".
_BURNS_WELL = re.compile(r"(?i)\b(?:brinner|brann|burns?|brenner|brænder)\s+(?:\w+\s+)?(?:bra|fint|lätt|well|"
                         r"nicely|easily|godt|fint|lett|let)\b")
_PROPERTY = re.compile(r"(?i)\b(?:lager\w*|warehouse|kontor\w*|office|depå\w*|depot|\w*hus(?:et)?|building|"
                       r"butik\w*|shop|store|lokal\w*|premises|ert|era|your|deres|jeres)\b")
# A bad day foretold for a building: "your branch will have a very bad Friday".
_BAD_DAY = re.compile(
    r"(?i)\b(?:office|kontor\w*|depot|depå\w*|warehouse|lager\w*|\w*hus(?:et)?|building|branch|filial\w*)\b"
    r"[^.!?\n]{0,30}?\b(?:is\s+going\s+to\s+have|is\s+gonna\s+have|will\s+have|kommer\s+(?:att\s+)?få|ska\s+få|"
    r"kommer\s+til\s+å\s+få|skal\s+få|kommer\s+til\s+at\s+få)\s+(?:a\s+|en\s+|ei\s+|et\s+)?(?:very\s+|really\s+|"
    r"riktigt\s+|jävligt\s+|skikkelig\s+|rigtig\s+)?(?:bad|rough|dålig|tuff|jobbig|dårlig|hard)\s+(?:day|morning|"
    r"night|week|monday|tuesday|wednesday|thursday|friday|dag|morgon|natt|vecka|måndag|tisdag|onsdag|torsdag|"
    r"fredag|morgen|uke|uge|mandag|tirsdag)\b")
# Harm to someone there said as certain: "someone at that clinic is getting hurt", "nån på kontoret
# kommer att få ont". Not a worry ("before someone gets hurt").
_GETS_HURT = re.compile(
    r"(?i)\b(?:someone|somebody|någon|nån|noen|nogen)\s+(?:at|from|in|på|i|hos|fra|från)\s+(?:\w+\s+){0,3}?"
    r"(?:is\s+getting\s+hurt|is\s+gonna\s+get\s+hurt|is\s+going\s+to\s+get\s+hurt|kommer\s+(?:att\s+)?få\s+ont|"
    r"kommer\s+(?:att\s+)?bli\s+skadad|kommer\s+til\s+å\s+bli\s+skadet|kommer\s+til\s+skade)\b")
# A call on readers to hit someone: "ge honom en smocka från mig", "give him a slap from me".
_HIT_HER = re.compile(
    r"(?i)\b(?:ge|giv|gi|give)\s+(?:henne|honom|hen|dem|dom|han|hun|ham|hende|him|her|them)\s+"
    r"(?:en|ett|et|ei|a)\s+(?:\w+\s+)?(?:smäll|snyting|käftsmäll|örfil|smocka|kok\s+stryk|slap|punch|beating|smack|"
    r"kicking|smell|ørefik|juling|lussing|tæsk|knytnæve)\b")
# A smashing promised to the staff too: "slår jag sönder automaten och den som sitter bredvid".
_SMASH_AND_STAFF = re.compile(
    r"(?i)\b(?:sl[åa]r|sl[åa]|smash|smashes|knuser|smadrer)\s+(?:jag\s+|ja\s+|i\s+|jeg\s+)?(?:\w+\s+){0,3}?"
    r"(?:s[öo]nder|in|up|i\s+stykker|i\s+filler)\b[^.!?\n]{0,40}?\b(?:och|and|og)\s+(?:den|the\s+one|whoever|"
    r"han|hon|personen|the\s+guy|den\s+person|dem|them)\s+(?:som|who|der)\b")
# A threat to their cars: "ingen i personalen har en hel bil kvar sen".
_NO_CAR_LEFT = re.compile(r"(?i)\b(?:en\s+hel\s+bil\s+kvar|hela\s+bilar\s+kvar|a\s+car\s+left\s+in\s+one\s+piece|"
                          r"en\s+hel\s+bil\s+igjen|en\s+hel\s+bil\s+tilbage)\b")
# "The plant won't be standing by midsummer, I promise": an end foretold, with a promise.
_WONT_STAND = re.compile(
    r"(?i)\b(?:kommer\s+inte\s+(?:att\s+)?stå\s+kvar|ska\s+inte\s+stå\s+kvar|won'?t\s+be\s+standing|"
    r"will\s+not\s+be\s+standing|kommer\s+ikke\s+til\s+å\s+stå|skal\s+ikke\s+stå|kommer\s+ikke\s+til\s+at\s+stå)\b")
_PROMISED = re.compile(r"(?i)\b(?:lova\w*|lover|lofter|promise\w*|garanter\w*|guarantee\w*|tro\s+mig|believe\s+me|"
                       r"mark\s+my\s+words|det\s+kan\s+jag\s+svära)\b")
# A routine timed and then the dark or an accident: "Rektorn går alltid hem genom parken vid halv sex.
# Väldigt mörkt där nu", "she walks the dog along the river every evening. Easy to slip".
_ROUTINE_TIMED = re.compile(
    # Someone named mid-sentence ("… att Maria"), "he"/"she" about them, or someone by their post.
    r"(?:(?<=[a-zåäöæø,]\s)(?-i:[A-ZÅÄÖÆØ])[a-zåäöæø]+\s+|\b(?i:han|hon|hen|he|she|him|her|hun|henne|honom)\s+|"
    r"(?i:\b" + _ROLES + r")\s+)"
    r"(?:\w+\s+){0,5}?"
    r"(?i:slutar|slutter|leaves|finishes|parkerar|parks|walks?|walking|(?:går|tar|kommer)\s+(?:ju\s+|alltid\s+|"
    r"oftast\s+|jo\s+|altid\s+)?(?:hem|hjem|ut|sin|till\s+\w+|längs|langs))\b[^.!?\n]{0,60}?"
    r"(?i:\d{1,2}[.:]\d{2}|kl\.?\s*\d|kvart\s+(?:över|i)|halv\s+\w+|\w+dag(?:ar|ene|e)?\b|every\s+(?:day|week|"
    r"morning|evening|night|sunday|monday|tuesday|wednesday|thursday|friday|saturday)|varje\s+\w+|efter\s+\w+|"
    r"after\s+\w+|etter\s+\w+)(?![^.!\n]*\?)")
_DARK = re.compile(r"(?i)\b(?:mörkt|mørkt|dark|ensamt|ödsligt|deserted|lonely|lätt\s+hänt|lett\s+gjort|let\s+sket|"
                   r"accidents\s+happen|olyckor\s+händer|ulykker\s+skjer|rutiner\s+är\s+bra|routines\s+are\s+good|"
                   r"rutiner\s+er\s+(?:bra|gode)|halkar|slips|glir|glider)\b")
# Someone's home or car described with what breaks: "Cute townhouse, @lena. Lots of glass", "the blue
# estate car, plate ending 204, parked in a dark corner".
_FRAGILE = re.compile(r"(?i)\b(?:lots\s+of\s+glass|mycket\s+glas|mye\s+glass|meget\s+glas|hard\s+on\s+cars|"
                      r"dark\s+corners|mörka\s+hörn|mørke\s+hjørner|plate\s+ending|regnummer\s+som\s+slutar|"
                      r"registreringsnummer\s+som\s+slutar|skiltet\s+som\s+slutter|nummerplade\s+der\s+ender)\b")
_THEIR_PLACE = re.compile(r"(?i)@\w|\bmentiontoken\b|\b(?:flat|lägenhet\w*|leilighet\w*|lejlighed\w*|villa\w*|"
                          r"hatchback|bil(?:en)?|car|house|hus(?:et)?|staff\s+car\s+park|personalparkering\w*)\b")
# "he gonna see me after practice 🔫": a meeting promised beside a weapon.
_SEE_ME = re.compile(r"(?i)\b(?:gon|gonna|going\s+to|will|'ll)\s+see\s+me\b"
                     r"|\b(?:ska|kommer\s+att|skal|kommer\s+til\s+å)\s+få\s+(?:se|träffa|möta|møte|møde)\s+mig\b"
                     r"|\bfår\s+(?:se|träffa|möta)\s+mig\b")

# A beating said to be deserved, with a call to join: "… förtjänar stryk efter matchen. Någon med?"
_DESERVES_BEATING = re.compile(
    r"(?i)\b(?:förtjänar|fortjener|deserves?|förtjänade)\s+(?:\w+\s+)?(?:stryk|juling|bank|tæsk|a\s+beating|"
    r"a\s+kicking|en\s+omgång|en\s+omgang|ett\s+kok\s+stryk|et\s+kjak)\b")
_JOIN_ME = re.compile(r"(?i)\b(?:blir\s+med|hänger\s+med|är\s+med|er\s+med|bliver\s+med|kommer\s+med|who'?s\s+in|"
                      r"who'?s\s+with\s+me|join\s+me|anyone\s+in|någon\s+med|nån\s+med)\b[^.!\n]{0,30}\?")
# Coming to take someone: "jag kommer dit och tar chefen".
_COMES_FOR = re.compile(r"(?i)\b(?:kommer|kmr|komma)\s+dit\s+(?:och|o|å)\s+tar\s+(?:\w+\s+)?(?:" + _ROLES
                        + r"|honom|henne|dig|er|han|hon|hen)\b")
# "vi kommer till mötet i morgon, och då blir det inte mer snack": no more talking, in person.
_NO_MORE_TALK = re.compile(r"(?i)\b(?:blir\s+det\s+inte\s+(?:mer\s+|mera\s+)?snack|no\s+more\s+talking|"
                           r"det\s+blir\s+ikke\s+mer\s+prat|så\s+blir\s+det\s+ikke\s+mere\s+snak)\b")
_COMING = re.compile(r"(?i)\b(?:kommer|kmr|komma|coming|we'?ll\s+be\s+(?:at|there)|ses\s+på|see\s+you\s+at|"
                     r"kommer\s+til|møder\s+op)\b")
# Knowing the family's routine: "jag vet att din man hämtar barnen på fredagar".
_KNOWS_FAMILY = re.compile(
    r"(?i)\b(?:jag|vi|I|we|jeg|eg)\s+(?:\w+\s+)?(?:vet|know|ved|veit)\s+(?:att|that|at)\s+(?:er|din|ditt|dina|your|"
    r"hans|hennes|his|her|deres|jeres|dine)\s+(?:fru|man|make|maka|barn|ungar|kids|children|wife|husband|kone|"
    r"mand|børn|unger|dotter|son|daughter|datter|sønn|søn|familj|family|familie)\b"
    # "Jag noterar också att ni lämnar er son vid fritids varje morgon": the drop-off watched.
    r"|\b(?:noterar|vet|know|notice[ds]?|ser|see|ved|veit)\s+(?:även\s+|också\s+|also\s+|også\s+)?(?:att|that|at)\s+"
    r"(?:ni|du|you|dere|I)\s+(?:\w+\s+)?(?:hämtar|lämnar|picks?\s+up|drops?\s+off|henter|afleverer|leverer)\b")

# Bringing a gun or a club: "bringing a bat to the depot tomorrow", "tar med bössan".
_BRINGS_WEAPON = re.compile(
    r"(?i)\b(?:bringing|bring|brings|tar\s+med|tek\s+med|tager\s+med|tar\s+jag\s+med|tar\s+vi\s+med)\s+(?:\w+\s+){0,3}?"
    r"(?:rifle|gun|guns|shotgun|gevär\w*|gevær\w*|hagelbössa\w*|bössa\w*|pistol\w*|balltre\w*|basebollträ\w*|"
    r"baseball\s+bat|järnrör\w*|jernrør\w*)\b")
# Burning the building down as the writer's answer: "så brenner vi klubbhuset ned".
_WE_BURN_DOWN = re.compile(
    r"(?i)\b(?:brænder|bränner|brenner|burn)\s+(?:vi|jeg|jag|eg|we|I'?ll)\s+(?:\w+\s+){0,2}?(?:ned|ner|down)\b")
# "vet ni vad som väntar", "you know what's coming": an unnamed consequence, with a weapon or an "if".
_WHAT_AWAITS = re.compile(r"(?i)\b(?:vet\s+(?:ni|du)\s+vad\s+som\s+väntar|you\s+know\s+what'?s\s+coming|"
                          r"vet\s+(?:dere|du)\s+hva\s+som\s+venter|ved\s+(?:I|du)\s+hvad\s+der\s+venter)\b")
_IF_OR_WEAPON = re.compile("(?i)[\U0001F52B\U0001F4A3\U0001F52A\U0001F9E8]|\\b(?:om\\s+ni|om\\s+du|if\\s+you|"
                           "hvis\\s+dere|hvis\\s+du|hvis\\s+I|röstar\\s+ni|votes?)\\b")
# Others who "can arrange that", after a wish for someone's harm: "Hoppas kommunalrådet kör av vägen.
# Annars finns det folk här som kan ordna det."
_PEOPLE_CAN = re.compile(r"(?i)\b(?:finns\s+det\s+folk|there\s+are\s+people|det\s+finnes\s+folk|der\s+er\s+folk)\s+"
                         r"(?:\w+\s+){0,3}?(?:som|who|der)\s+(?:kan|can)\s+(?:ordna|fixa|take\s+care\s+of|sort|"
                         r"fikse|ordne|klare|arrange)\b")
_HOPES_HARM = re.compile(r"(?i)\b(?:hoppas|hope|håper|håber)\b[^.!?\n]{0,60}?\b(?:kör\s+av\s+vägen|drives?\s+off|"
                         r"dör|dies|die|drunknar|drowns|halkar|slips|bryter\s+nacken|kjører\s+av\s+veien|"
                         r"kører\s+af\s+vejen|dør|dø)\b")
# "… och då ska ni få förstå hur det känns": pain promised to the readers.
_FEEL_IT = re.compile(r"(?i)\bska\s+(?:ni|du)\s+(?:\w+\s+){0,5}?få\s+(?:förstå|känna\s+på|känna)\s+hur\s+det\s+känns\b"
                      r"|\b(?:you'?ll|you\s+will)\s+(?:\w+\s+){0,3}?(?:find\s+out|learn|feel)\s+how\s+it\s+feels\b")

# Constructions that need a second thing elsewhere in the comment to be a threat, each with the
# word stems it cannot match without (as CONSTRUCTIONS below).
WITH_CONTEXT: tuple[tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]], ...] = (
    (_ELIMINATE, _VERMIN, ("bort", "rensa", "round", "cut", "wipe", "væk", "samla", "fjern", "spr", "gas")),
    (_EASY_DAMAGE, _SOMEONES_PROPERTY, ("stukket", "stukne", "punkter", "sönderstuck", "slashed", "ridse", "ripe",
                                        "repas", "repad", "scratched", "krossa", "knust", "smadret", "smashed",
                                        "skärs sönder")),
    (_NEVER_KNOW, _ROUTINE, ("aldri", "never")),
    (WARNED, _WEAPON_EMOJI, ("varna", "warned", "advar")),
    (_LIGHTS_UP, _FIRE_CONTEXT, ("tänd", "tända")),
    (_BLAST_IF, _IF_YOU, ("smäll", "bang", "brage", "smell")),
    (_WEAPON_SOON, _PERSON_NAMED, ("\U0001F52B", "\U0001F4A3", "\U0001F52A", "\U0001F9E8")),
    (_GO_THERE, _ADDRESS_GIVEN, ("dit", "go there", "visit", "visa honom", "visa henne", "visa dem", "show him",
                                 "show her", "show them", "hjem til", "derhen", "besøk", "besøg", "knacka", "knock",
                                 "hälsa", "drop by", "a visit")),
    (_HOME_TAGGED, _OFFICIAL, ("ikke", "eller hur", "right", "va?", "va ?", "ikkje", "inte sant", "eller hva", "isn't",
                               "isnt", "doesn't", "doesnt")),
    (_ALARM, _OFFICIALS, ("brandvarn", "brandlarm", "smoke", "fire alarm", "røykvarsl", "brannalarm", "brandalarm",
                          "røgalarm")),
    (_BURNS_WELL, _PROPERTY, ("brinner", "brann", "burn", "brenner", "brænder")),
    (_WONT_STAND, _PROMISED, ("stå", "standing")),
    (_ROUTINE_TIMED, _DARK, ("slutar", "går", "walk", "tar ", "leaves", "finishes", "kommer ut", "slutter", "parke",
                             "parks")),
    (_FRAGILE, _THEIR_PLACE, ("glass", "glas", "hard on cars", "dark corners", "mörka hörn", "mørke hjørner",
                              "plate ending", "regnummer", "registreringsnummer", "skiltet", "nummerplade")),
    (_SEE_ME, _WEAPON_EMOJI, ("see me", "se mig", "träffa mig", "möta mig", "møte mig", "møde mig")),
    (_DESERVES_BEATING, _JOIN_ME, ("förtjäna", "fortjen", "deserve")),
    (_NO_MORE_TALK, _COMING, ("snack", "talking", "prat", "snak")),
    (_WHAT_AWAITS, _IF_OR_WEAPON, ("väntar", "coming", "venter")),
    (_PEOPLE_CAN, _HOPES_HARM, ("folk", "people")))

# Each construction with the word stems it cannot match without: most comments hold none of them,
# and a substring test costs a fraction of running the pattern (every comment is triaged as it is
# posted). tests/detect/test_detect_veiled_threats.py checks that no match is lost.
CONSTRUCTIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_KNOWS_ROUTINE, ("vet", "veit", "ved", "know", "sett", "seen", "kan se", "koll")),
    (_KNOWS_ROUTINE_INVERTED, ("vet", "veit", "ved")),
    (_CALLS_FOR_HARM, ("dö", "dø", "die", "brinna", "brännas", "burn", "brænde", "braende", "brenne", "utrot",
                       "extermin", "wiped", "udrydd", "utrydd", "skjut", "shot", "skyte", "skyde", "häng", "hang",
                       "heng", "hæng", "landet", "country", "över", "over", "mejas")),
    (_KIDS_PLACE, ("barn", "børn", "piger", "drenge", "döttrar", "söner", "kids", "children", "daughters", "sons",
                   "jenter", "gutter", "unger", "ungar", "pojkar", "flickor")),
    (_KIDS_SCHOOL, ("barn", "ungar", "kids", "children", "børn", "unger", "dotter", "son", "daughter", "sønn", "søn",
                    "datter")),
    (_SHAME_IF, ("synd", "tråkigt", "trist", "shame", "pity", "leit", "ærgerlig", "skam")),
    (_PROMISE, ("löfte", "løfte", "promise")),
    (_WITH_LIFE, ("liv", "life", "lives")),
    (_WAITS_FOR, ("vänta", "wait", "vent")),
    (_FIRE_FORETOLD, ("brinn", "burn", "brenn", "brænd", "rök", "lågor", "flames", "luften", "blow", "spräng",
                      "spreng", "spræng")),
    (_SETS_ALIGHT, ("torch", "sätter eld", "setter fyr", "sætter ild")),
    (_BOMB_PLACED, ("bomb",)),
    (_SOMEONE_SHOULD, ("spräng", "bränn", "sätta eld", "tända", "blow", "burn", "torch", "spreng", "brenn", "spræng",
                       "brænd", "sette fyr", "sætte ild")),
    (_VISIT_ARMED, ("visit", "besök", "hälsa på", "förbi", "drop by", "come by", "swing by", "besøk", "forbi",
                    "innom", "dit", "come round", "komma ner", "kommer ", "kmr ", "coming down", "come down",
                    "komme ned", "kommer ned", "show up", "dyka upp", "dukker opp", "møder op")),
    (_BAD_DAY, ("bad", "rough", "dålig", "tuff", "jobbig", "dårlig", "hard")),
    (_GETS_HURT, ("hurt", "få ont", "skadad", "skadet", "skade")),
    (_HIT_HER, ("ge ", "giv ", "gi ", "give ")),
    (_SMASH_AND_STAFF, ("slår", "slar", "slå", "sla ", "smash", "knuser", "smadrer")),
    (_NO_CAR_LEFT, ("hel bil", "hela bilar", "car left")),
    (_COMES_FOR, ("dit",)),
    (_BRINGS_WEAPON, ("bring", "tar med", "tek med", "tager med", "tar jag med", "tar vi med")),
    (_WE_BURN_DOWN, ("brænder", "bränner", "brenner", "burn")),
    (_FEEL_IT, ("känns", "feels")),
    (_KNOWS_FAMILY, ("vet", "know", "ved", "veit", "noterar", "notice", "ser ", "see")),
    (_STAYS_STANDING, ("standing", "står", "stående")),
    (_SEEN_YOU, ("sett", "seen", "saw", "såg", "set ", "så dig", "så deg", "så dere", "så jer", "så ham", "så hende",
                 "så henne", "så han", "så hun")),
)
PATTERNS = tuple(pattern for pattern, _stems in CONSTRUCTIONS)
# Every stem of every construction in one trie pattern, tried at every position of the comment (a
# lookahead finds overlapping stems): the longest stem that starts at each position, and with it every
# stem that is a prefix of it, is every stem the comment holds. One scan in C tells which
# constructions can match, instead of a scan per construction; most comments hold no stem at all.
_STEMS = [stems for _pattern, stems in CONSTRUCTIONS] + [stems for _pattern, _context, stems in WITH_CONTEXT]
_ALL_STEMS = sorted({stem for stems in _STEMS for stem in stems})
_ANY_STEM = compile_substrings(_ALL_STEMS)
_STEMS_AT = re.compile(f"(?=({_ANY_STEM.pattern}))")
# For each stem: the numbers of the constructions (CONSTRUCTIONS, then WITH_CONTEXT) that a comment
# holding it, or a longer stem it begins, may match.
_RUNS: dict[str, frozenset[int]] = {
    found: frozenset(k for k, stems in enumerate(_STEMS) for stem in stems if found.startswith(stem))
    for found in _ALL_STEMS}


def find_veiled_threats(text: str) -> list[tuple[int, int]]:
    """Spans of veiled threats in ``text`` (original or normalised; matching is case-insensitive)."""
    lowered = text.lower()
    if _ANY_STEM.search(lowered) is None:
        return []
    runs: set[int] = set()
    for found in {match.group(1) for match in _STEMS_AT.finditer(lowered)}:
        runs |= _RUNS[found]
    spans = []
    for k in sorted(runs):
        if k < len(CONSTRUCTIONS):
            spans += [m.span() for m in CONSTRUCTIONS[k][0].finditer(text)]
        else:
            pattern, context, _stems = WITH_CONTEXT[k - len(CONSTRUCTIONS)]
            spans += [m.span() for m in pattern.finditer(text) if context.search(text)]
    return sorted(spans)
