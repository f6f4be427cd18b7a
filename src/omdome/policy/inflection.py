"""The forms of the words that stand for "customer" and "company", and agreement with them.

The template writes ``{customer.def}`` where Swedish needs "kunden"; swapping the word
for "invånare" then gives "invånaren" — and ``{company.g:vår|vårt}`` gives "vårt företag"
but "vår kommun", so the words around a substitute agree with its gender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Noun:
    """A noun's four forms (Swedish: indefinite/definite, singular/plural) and its gender."""

    singular: str
    definite: str
    plural: str
    definite_plural: str
    gender: str = "common"  # "common" (en-ord) or "neuter" (ett-ord); unused in English
    language: str = "sv"

    def form(self, name: str) -> str:
        forms = {
            "sg": self.singular,
            "def": self.definite,
            "pl": self.plural,
            "defpl": self.definite_plural,
            "gen": genitive(self.definite, self.language),
            "defplgen": genitive(self.definite_plural, self.language),
            "art": self.article(),
        }
        if name not in forms:
            raise KeyError(name)
        return forms[name]

    def article(self) -> str:
        if self.language == "en":
            return "an" if self.singular[:1].lower() in "aeio" else "a"
        return "ett" if self.gender == "neuter" else "en"


def genitive(word: str, language: str) -> str:
    if language == "en":
        return word + ("'" if word.endswith("s") else "'s")
    return word if word.endswith(("s", "x", "z")) else word + "s"


def _sv(sg: str, definite: str, pl: str, defpl: str, gender: str = "common") -> Noun:
    return Noun(sg, definite, pl, defpl, gender, "sv")


def _en(sg: str, pl: str) -> Noun:
    return Noun(sg, sg, pl, pl, "common", "en")


KNOWN_WORDS: dict[str, dict[str, Noun]] = {
    "sv": {n.singular: n for n in (
        _sv("kund", "kunden", "kunder", "kunderna"),
        _sv("invånare", "invånaren", "invånare", "invånarna"),
        _sv("medborgare", "medborgaren", "medborgare", "medborgarna"),
        _sv("brukare", "brukaren", "brukare", "brukarna"),
        _sv("patient", "patienten", "patienter", "patienterna"),
        _sv("elev", "eleven", "elever", "eleverna"),
        _sv("medlem", "medlemmen", "medlemmar", "medlemmarna"),
        _sv("besökare", "besökaren", "besökare", "besökarna"),
        _sv("användare", "användaren", "användare", "användarna"),
        _sv("klient", "klienten", "klienter", "klienterna"),
        _sv("student", "studenten", "studenter", "studenterna"),
        _sv("företag", "företaget", "företag", "företagen", "neuter"),
        _sv("bolag", "bolaget", "bolag", "bolagen", "neuter"),
        _sv("kommun", "kommunen", "kommuner", "kommunerna"),
        _sv("region", "regionen", "regioner", "regionerna"),
        _sv("myndighet", "myndigheten", "myndigheter", "myndigheterna"),
        _sv("förening", "föreningen", "föreningar", "föreningarna"),
        _sv("organisation", "organisationen", "organisationer", "organisationerna"),
        _sv("förvaltning", "förvaltningen", "förvaltningar", "förvaltningarna"),
        _sv("stiftelse", "stiftelsen", "stiftelser", "stiftelserna"),
        _sv("verksamhet", "verksamheten", "verksamheter", "verksamheterna"),
    )},
    "en": {n.singular: n for n in (
        _en("customer", "customers"), _en("resident", "residents"), _en("citizen", "citizens"),
        _en("patient", "patients"), _en("pupil", "pupils"), _en("student", "students"),
        _en("member", "members"), _en("visitor", "visitors"), _en("user", "users"),
        _en("client", "clients"), _en("company", "companies"), _en("business", "businesses"),
        _en("municipality", "municipalities"), _en("council", "councils"),
        _en("region", "regions"), _en("agency", "agencies"), _en("authority", "authorities"),
        _en("association", "associations"), _en("organisation", "organisations"),
        _en("organization", "organizations"), _en("administration", "administrations"),
        _en("foundation", "foundations"),
    )},
}
DEFAULT_WORDS = {"sv": ("kund", "företag"), "en": ("customer", "company")}


class InflectionError(ValueError):
    """A substitute word whose forms cannot be worked out."""


def noun_for(value: str, language: str) -> Noun:
    """A known word by its base form, or the forms given explicitly, comma-separated.

    Swedish takes four forms (``gäst,gästen,gäster,gästerna``); the gender follows from
    the definite form (``-t`` makes it neuter: ``bolaget``). English takes two
    (``guest,guests``).
    """
    forms = [f.strip() for f in value.split(",") if f.strip()]
    known = KNOWN_WORDS[language]
    if len(forms) == 1:
        if forms[0].lower() in known:
            return known[forms[0].lower()]
        expected = "four forms, e.g. \"gäst,gästen,gäster,gästerna\"" if language == "sv" \
            else "two forms, e.g. \"guest,guests\""
        raise InflectionError(
            f"{forms[0]!r} is not a word Omdöme knows the forms of; give {expected} "
            f"(known words: {', '.join(sorted(known))})"
        )
    if language == "en":
        if len(forms) != 2:
            raise InflectionError(f"give two forms (singular,plural), not {len(forms)}: {value!r}")
        return _en(*forms)
    if len(forms) != 4:
        raise InflectionError(
            f"give four forms (singular,definite,plural,definite plural), not {len(forms)}: {value!r}"
        )
    gender = "neuter" if forms[1].endswith("t") else "common"
    return _sv(*forms, gender=gender)


_MARKER = re.compile(r"\{(customer|company|Customer|Company)\.(?:(g):([^|{}]*)\|([^|{}]*)|(\w+))\}")


def substitute(text: str, customer: Noun, company: Noun) -> str:
    """Replace every ``{customer.FORM}``, ``{company.FORM}`` and ``{company.g:en|ett}`` marker."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        noun = customer if name.lower() == "customer" else company
        if match.group(2):
            value = match.group(3) if noun.gender == "common" else match.group(4)
        else:
            try:
                value = noun.form(match.group(5))
            except KeyError:
                raise InflectionError(f"unknown form in template marker {match.group()}") from None
        return value[:1].upper() + value[1:] if name[0].isupper() else value

    return _MARKER.sub(replace, text)
