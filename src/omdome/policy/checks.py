"""The catalogue of checks a policy can switch on: which rule each serves and what it may say.

A policy file names checks by code; this catalogue is what the loader validates them
against, so a typo in a code or a placeholder is caught when the policy is loaded, not
when a draft happens to trigger it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """What the program knows about one check code."""

    code: str
    rule: int
    placeholders: frozenset[str]
    summary: str
    public_only: bool = False


def _spec(code: str, rule: int, summary: str, *fields: str, public: bool = False) -> CheckSpec:
    return CheckSpec(code, rule, frozenset(fields), summary, public)


CHECKS: dict[str, CheckSpec] = {
    spec.code: spec
    for spec in (
        _spec("identity.profile", 1, "The author profile lacks a real name, employer or role.",
              "missing"),
        _spec("identity.undisclosed", 1, "A personal account writes about the employer or its "
              "products without saying the author works there.", "employer"),
        _spec("expertise.outside", 2, "The draft's topic lies outside the author's expertise.",
              "topic"),
        _spec("opinion.unmarked", 2, "An evaluative statement about the organisation's matters "
              "is not marked as the author's own opinion.", "term"),
        _spec("position.contradicts", 2, "The draft contradicts an official position.",
              "topic", "position"),
        _spec("tone.officialese", 3, "Stiff officialese or corporate jargon.", "term",
              "alternative"),
        _spec("tone.long_sentence", 3, "A very long sentence.", "words", "limit"),
        _spec("tone.readability", 3, "The draft's LIX readability index is above the limit.",
              "lix", "limit"),
        _spec("pii.personnummer", 4, "A Swedish personal identity number."),
        _spec("pii.samordningsnummer", 4, "A Swedish coordination number."),
        _spec("pii.fodselsnummer", 4, "A Norwegian national identity number."),
        _spec("pii.cpr", 4, "A Danish CPR number."),
        _spec("pii.payment_card", 4, "A payment card number."),
        _spec("pii.phone", 4, "A phone number that is not the organisation's or the author's."),
        _spec("pii.email", 4, "An e-mail address that is not the organisation's or the author's."),
        _spec("pii.iban", 4, "A bank account number (IBAN)."),
        _spec("pii.bankgiro", 4, "A bankgiro number that is not the organisation's."),
        _spec("pii.plusgiro", 4, "A plusgiro number that is not the organisation's."),
        _spec("pii.address", 4, "A street address that is not the organisation's."),
        _spec("confidential.term", 4, "One of the organisation's confidential terms.", "term"),
        _spec("confidential.marker", 4, "Words saying the content is confidential or not yet "
              "public.", "term"),
        _spec("respect.disparaging", 4, "Disparaging words about colleagues or the organisation.",
              "term"),
        _spec("public.register", 4, "A reply about an individual's own matter: possibly a case "
              "to register.", "term", public=True),
        _spec("public.secrecy", 4, "Information typically under secrecy about an identifiable "
              "person.", "term", public=True),
    )
}
SEVERITIES = ("block", "warn", "info")
