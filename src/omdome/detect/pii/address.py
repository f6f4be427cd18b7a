"""Swedish street addresses with a postcode."""

from __future__ import annotations

import re

from omdome.detect.pii.base import Recognizer

_UPPER = "A-ZÅÄÖÉÜ"
_LOWER = "a-zåäöéü"
STREET_SUFFIXES = (
    "gatan|gata|vägen|väg|gränd|gränden|torget|torg|plan|planen|stigen|stig|backen|backe|allén|"
    "allé|leden|led|platsen|plats|stråket|kajen|kaj|esplanaden|promenaden|slingan|höjden|liden|"
    "udden|parken|tået|vången|hagen|ängen|bron|ringen|kroken|svängen|bränningen|strand|stranden"
)

# Words that begin a two-word street name ("Lilla Nygatan"); any other word before a street
# name is running text ("Besök Storgatan 12").
STREET_PREFIXES = "Lilla|Stora|Norra|Södra|Östra|Västra|Gamla|Nya|Övre|Nedre|Sankt|S:t|Yttre|Inre"
# Suffixes written as a word of their own after a name: "Drottning Kristinas väg".
SEPARATE_SUFFIXES = "väg|gata|gränd|torg|plan|allé|stig|backe|plats|led|park|strand"
CAPITAL_SUFFIXES = "Vägen|Gatan|Torget|Gränd|Gränden|Allén|Stigen|Backen|Platsen|Leden|Parken|Stranden|Torg"
# Postal towns of two words ("Upplands Väsby", "Lilla Edet"); any other second word is text.
TOWN_FIRST_WORDS = "Upplands|Lilla|Stora|Norra|Södra|Östra|Västra|Kungens|Sankt"


class SeAddressRecognizer(Recognizer):
    """Street name and number, optional flat number, then a postcode ``NNN NN`` and a town.

    ``Storgatan 12, 123 45 Stockholm``, ``Kungsvägen 4B, 41263 Göteborg``,
    ``Lilla Nygatan 7 lgh 1102, 111 28 Stockholm``, ``Box 123, 111 22 Stockholm``.
    """

    kind = "address"
    pattern = re.compile(
        rf"(?P<value>(?:(?:(?:{STREET_PREFIXES})[ ])?[{_UPPER}][{_LOWER}]*(?:{STREET_SUFFIXES})"
        rf"|(?:{STREET_PREFIXES})[ ](?:{CAPITAL_SUFFIXES})"
        rf"|(?:[{_UPPER}][{_LOWER}]+[ ]){{1,2}}(?:{SEPARATE_SUFFIXES})|Box)"
        rf"[ ]\d{{1,4}}(?:[ ]?[A-Za-z](?![{_LOWER}]))?"
        rf"(?:,?[ ](?:(?:lgh|lägenhet|vån|tr)\.?[ ]?\d{{1,4}}|\d{{1,2}}[ ]?(?:tr|trappor|vån)\.?))?"
        rf"(?:,?[ ]|[ ]?,?\n[ ]?)(?:SE-?)?\d{{3}}[ ]?\d{{2}}[ ]+"
        rf"(?:(?:{TOWN_FIRST_WORDS})[ -][{_UPPER}][{_LOWER}]+|[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?))"
    )
    veto = None
    explanation = "A street name with a number followed by a postcode and a town."

    def details(self, match: re.Match[str]) -> dict[str, str]:
        return {"normalized": normalize_address(match["value"])}


def normalize_address(value: str) -> str:
    """Lower case, no punctuation and single spaces, so that listed addresses compare equal."""
    value = re.sub(r"[,.]", " ", value.lower())
    value = re.sub(r"\b(\d{3}) (\d{2})\b", r"\1\2", value)
    return " ".join(value.split())


# Nordic street words besides the Swedish ones, and English street types after the name.
_NORDIC_SUFFIXES = "gate|gata|gaten|veien|vei|vegen|veg|vej|vejen|gade|gaden|plass|plads|stræde|allé"
_ENGLISH_STREETS = "Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|Close|Crescent|Place|Court|Terrace"
# Words that say the address that follows is where someone lives: "bor på", "hemma hos dig på",
# "lives at", "adress:". A person's full name right before "på" counts too ("Eva Nilsson på").
HOME_CONTEXT = re.compile(
    r"(?i)(?:\b(?:bor|bodde|bur),?\s+(?:\w+\s+){0,3}(?:på|i|vid|til|till)"
    r"|(?<!öppet )\b(?:hus|huset|lägenhet|lägenheten|villa|villan|hem|hemmet|house|home|flat|bolig)"
    r"\s+(?:på|i|vid|at|on)"
    r"|\bflytta[rt]?\s+(?:de|vi|hon|han|dom|ni|du|jag)?\s*in\s+(?:på|i|vid)|\bmoving\s+in(?:to|\s+at)?"
    r"|\badress\s+på|\baddress\s+(?:on|at)"
    r"|(?-i:\b(?:[A-ZÅÄÖ]\.|[A-ZÅÄÖ][a-zåäöé]+)\s+(?:[A-ZÅÄÖ][a-zåäöé]*(?:son|sen|berg|ström|lund|gren|qvist|"
    r"kvist|blad|dahl|holm|stedt|fors|wall|sjö|by|ek)|Berg|Lund|Holm|Ek|Dahl|Ström|Blad|Wall|Sjö|Fors)),"
    r"|\b(?:farbror|farbrorn|tanten|gubben|damen|mannen|kvinnan|killen|tjejen|låntagare|låntagaren|"
    r"dam|herre|herren|herrn|kvinna|dame|damen|manden|kone|konen|kvinde|kvinden|"
    r"kund|kunden|granne|grannen|grannar|patient|patienten|elev|eleven|"
    r"hyresgäst|hyresgästen|pensionär|pensionären|familjen(?:\s+\w+)?|paret|couple|family|customer|"
    r"neighbou?r|resident|tenant|pensioner|familien(?:\s+\w+)?|naboen|nabo|"
    # "en ensamstående mamma på Granvägen 14"
    r"mamma|mamman|pappa|pappan|mamaen|pappaen|moren|faren|moderen|faderen|mother|father|mum|mom|dad)"
    r"\s+(?:\w+\s+)?(?:på|i|vid|at|on)"
    r"|\bhemma\s+(?:hos\s+\w+\s+)?(?:på|i|vid)|\bhem\s+till\s+\w+\s+(?:på|i)"
    # "hemma hos Linneas mamma Jenny, Blåbärsvägen 9", "hjemme hos Mette, …"
    r"|\b(?:hemma|hjemme)\s+hos\s+(?:[\w-]+\s+){0,3}[\w-]+,"
    # Someone called by where they live: "han på Lärkgatan 3C ringde igen", "grabben på …".
    r"|\b(?:han|hon|hen|honom|henne|ham|hende|grabben|pojken|flickan|gutten|jenta|drengen|pigen|knægten)\s+(?:på|ved)"
    r"|\b(?:hem)?adress(?:en)?\s*(?:är|:)?|\bhjemmeadresse\w*\s*:?|\bbopæl\w*\s*:?"
    r"|\b(?:lives?|living|lived|stays?|home)\s+(?:is\s+)?(?:at|on|in)|\b(?:home\s+)?address\s*(?:is|:)"
    # A full name right before: not a place's name ("Familjecentralen Björken på Torggatan 3").
    r"|(?-i:\b(?![A-ZÅÄÖ]\w*(?:centralen|skolan|gården|huset|kyrkan|biblioteket|kliniken|mottagningen|hallen|"
    r"badet|parken|torget|stationen|kontoret|butiken|caféet|kaféet|teatern|muséet|museet)\b)"
    r"[A-ZÅÄÖ][a-zåäöé]+\s+[A-ZÅÄÖ][a-zåäöé]+),?\s+(?:på|i|från|at|of|from|fra))\s*$")


class HomeAddressRecognizer(Recognizer):
    """A street and number without a postcode, where the words before say someone lives there.

    ``bor på Ekvägen 4``, ``hemma hos dig på Liljegatan 14``, ``lives at 12 Mill Road``,
    ``Eva Nilsson på Lindvägen 3 i Lomma``. Without such words a street and number is a place
    ("vi ses på Storgatan 12"), not personal data.
    """

    kind = "address"
    pattern = re.compile(
        rf"(?P<value>(?:(?:(?:{STREET_PREFIXES})[ ])?[{_UPPER}ÆØ][{_LOWER}æø]*(?:{STREET_SUFFIXES}|{_NORDIC_SUFFIXES})"
        rf"|(?:[{_UPPER}ÆØ][{_LOWER}æø]+[ ]){{1,2}}(?:{SEPARATE_SUFFIXES}|gate|vei|veg|vej|gade)"
        rf"|(?:{STREET_PREFIXES})[ ](?:{CAPITAL_SUFFIXES}|Esplanaden|Promenaden|Kajen|Strandvägen))"
        rf"(?:[ ]i[ ][{_UPPER}][{_LOWER}]+,?[ ](?:nr\.?|nummer)[ ]?)?[ ]?\d{{1,4}}(?:[A-Za-z]|[ ][A-Z])?(?!\w)"
        rf"|\d{{1,4}}[A-Za-z]?[ ](?:[{_UPPER}ÆØ][{_LOWER}æø]+[ ]){{1,2}}(?:{_ENGLISH_STREETS})\b\.?)"
        rf"(?![ ]?\d)"
    )
    veto = None
    explanation = "A street and number, with words before it saying someone lives there."

    def has_context(self, text: str, start: int, end: int) -> bool:
        return bool(HOME_CONTEXT.search(text[max(0, start - 40):start])
                    or OWNED_CONTEXT.search(text[max(0, start - 40):start])
                    or HOME_AFTER.match(text[end:end + 60]))

    def validate(self, match: re.Match[str], language: str | None) -> bool | None:
        return None  # only with the words that make it a home

    def details(self, match: re.Match[str]) -> dict[str, str]:
        return {"normalized": normalize_address(match["value"])}
# Someone's own things at the address: "min brevlåda på", "his bin at", "hos min kollega Sanna på".
OWNED_CONTEXT = re.compile(
    r"(?i)(?:\b(?:min|mitt|mina|din|ditt|dina|hans|hennes|hens|deras|sin|sitt|sina|my|your|his|her|their|"
    r"mi|dit|dine|hendes|jeres|deres)\s+(?:[\w-]+\s+){0,2}(?:på|vid|at|on|outside|utanför|ved|til|till)"
    r"|\bhos\s+(?:min|mina|din|hans|hennes|my|our|vår)?\s*(?:\w+\s+)?(?-i:[A-ZÅÄÖ][a-zåäöé]+)\s+(?:på|i|vid|at|on))\s*$")
# What follows the address says it is a home: a door code, a floor or flat, "who lives there".
HOME_AFTER = re.compile(
    r"(?i)^[\s,.;:–-]*(?:(?:\w+\s+){0,1}(?:portkod|port\s*kod|door\s*code|dørkode|dørkoden|porttelefon|lgh|lägenhet|"
    r"leilighet|lejlighed|flat|apt|\d{1,2}\s*(?:tr|trappor|vån|sal)\b)"
    r"|[^\n]{0,80}?\b(?:som\s+bor\s+där|bor\s+där|who\s+lives\s+there|lives\s+there|bor\s+der|som\s+bor\s+der)"
    # "… to Ekbacksvägen 9, the address on your letter"
    r"|(?:the\s+)?address\s+(?:on|in|from)\s+(?:your|his|her|their)|adressen\s+(?:på|i|från)\s+(?:ditt|din|hans|hennes|"
    r"deras)|(?:your|his|her|their)\s+(?:home\s+)?address|(?:din|hans|hennes|deras)\s+(?:hem)?adress)")

