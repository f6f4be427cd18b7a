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
    r"\b(?:jag|i|jeg|eg)\b(?:\W+\w+){0,3}?\W+(?:jobbar|jobbat|jobba|arbetar|arbetat|är\s+anställd|"
    r"work|works|worked|working|am\s+employed|'m\s+employed|jobber|jobbet|arbeider|arbeidet|arbejder|"
    r"arbejdet|er\s+ansat|er\s+tilsett|leder|ansvarar\s+för|är\s+chef\s+för|basar\s+över|lead|head|run|"
    r"manage|am\s+responsible\s+for|'m\s+responsible\s+for|leier|har\s+ansvar\s+for|er\s+chef\s+for)\b"
    r"|\b(?:som\s+anställd|as\s+an?\s+employee|som\s+ansat|som\s+tilsett)\b", re.IGNORECASE)
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
    role = profile.role.lower() if profile.role else None
    return bool((role and role in tail.lower()) or ctx.mentions_organisation(start, len(ctx.text), loose=True))


def _discloses(ctx: DraftContext) -> bool:
    """Does a sentence of the draft (or its signature) say the author works for the organisation?"""
    if _signed(ctx):
        return True
    employment = phrases("disclosure.toml", "employment", None)
    we_forms = phrases("disclosure.toml", "we_forms", None)
    role = ctx.profile.role.lower() if ctx.profile and ctx.profile.role else None
    for sentence in ctx.sentences:
        lower = sentence.text.lower()
        names_us = ctx.mentions_organisation(sentence.start, sentence.end, loose=True)
        says_works = WORKS.search(sentence.text) or (employment and employment.search(lower))
        if says_works and (names_us or THERE.search(sentence.text)):
            return True
        if role and role in lower and (names_us or THERE.search(sentence.text)):
            return True
        if we_forms is not None:
            for match in we_forms.finditer(lower):
                # "Vi på Exempel AB …": the organisation's name must follow at once.
                at = sentence.start + match.end()
                if ctx.mentions_organisation(at, at + 2 + len(ctx.employer), loose=True):
                    return True
    return False
