"""The shape of a policy file, validated once when it is loaded."""

from __future__ import annotations

import string
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from omdome.policy.checks import CHECKS

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Severity = Literal["block", "warn", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Localized(_Strict):
    """A text in Swedish and English."""

    sv: Text
    en: Text

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.sv


class Organisation(_Strict):
    name: Text
    sector: Literal["private", "public"]
    language: Literal["sv", "en"]
    version: Text
    adopted: str = ""
    approved_by: str = ""


class Word(_Strict):
    """Every form of a word standing for "customer" or "company" in the policy text."""

    singular: Text
    definite: Text
    plural: Text
    definite_plural: Text
    gender: Literal["common", "neuter"] = "common"


class Words(_Strict):
    customer: Word
    company: Word


class Document(_Strict):
    title: Text
    introduction: Text
    closing: str = ""


class Check(_Strict):
    """One check that enforces a rule, with its severity and what it tells the writer."""

    code: Text
    severity: Severity
    message: Localized
    suggestion: Localized

    @field_validator("code")
    @classmethod
    def _known_code(cls, code: str) -> str:
        if code not in CHECKS:
            raise ValueError(f"unknown check code {code!r}; known codes: {', '.join(sorted(CHECKS))}")
        return code

    @model_validator(mode="after")
    def _placeholders(self) -> Check:
        allowed = CHECKS[self.code].placeholders
        for text in (self.message.sv, self.message.en, self.suggestion.sv, self.suggestion.en):
            for _, field, _, _ in string.Formatter().parse(text):
                if field is not None and field not in allowed:
                    names = ", ".join("{" + a + "}" for a in sorted(allowed)) or "none"
                    raise ValueError(f"placeholder {{{field}}} is not available for "
                                     f"{self.code} (available: {names})")
        return self


class Rule(_Strict):
    number: int = Field(ge=1, le=5)
    title: Text
    text: Text
    addendum: str = ""
    checks: list[Check] = []

    @model_validator(mode="after")
    def _checks_belong_here(self) -> Rule:
        for check in self.checks:
            owner = CHECKS[check.code].rule
            if owner != self.number:
                raise ValueError(f"check {check.code} enforces rule {owner}, not rule {self.number}")
        return self


class Confidential(_Strict):
    terms: list[Text] = []

    @field_validator("terms")
    @classmethod
    def _real_terms(cls, terms: list[str]) -> list[str]:
        for term in terms:
            if sum(c.isalnum() for c in term) < 2:
                raise ValueError(f"the term {term!r} would match almost anything; give at least two letters")
        return terms


class Contact(_Strict):
    """Contact details the organisation publishes itself; they may always be posted."""

    phones: list[Text] = []
    emails: list[Text] = []
    bankgiro: list[Text] = []
    plusgiro: list[Text] = []
    addresses: list[Text] = []


class Topic(_Strict):
    name: Text
    keywords: list[Text] = Field(min_length=1)


class Position(_Strict):
    """An official position and the contrary claims that would contradict it."""

    topic: Text
    position: Text
    keywords: list[Text] = Field(min_length=1)
    contrary: list[Text] = Field(min_length=1)


class Settings(_Strict):
    lix_limit: int = Field(default=50, ge=10, le=100)
    lix_min_words: int = Field(default=50, ge=1)
    long_sentence_words: int = Field(default=35, ge=10)


class Policy(_Strict):
    """A whole policy: the document employees read and the checks that enforce it."""

    schema_version: Literal[1] = Field(alias="schema")
    organisation: Organisation
    words: Words
    document: Document
    rules: list[Rule]
    confidential: Confidential = Confidential()
    contact: Contact = Contact()
    products: list[Text] = []
    topics: list[Topic] = []
    positions: list[Position] = []
    settings: Settings = Settings()

    @field_validator("rules")
    @classmethod
    def _five_rules(cls, rules: list[Rule]) -> list[Rule]:
        numbers = [r.number for r in rules]
        if sorted(numbers) != [1, 2, 3, 4, 5]:
            raise ValueError(f"a policy has rules 1 to 5 once each (found {numbers})")
        return sorted(rules, key=lambda r: r.number)

    @model_validator(mode="after")
    def _checks_fit_sector(self) -> Policy:
        seen: set[str] = set()
        for rule in self.rules:
            for check in rule.checks:
                if check.code in seen:
                    raise ValueError(f"check {check.code} is listed twice")
                seen.add(check.code)
                if CHECKS[check.code].public_only and self.organisation.sector != "public":
                    raise ValueError(f'check {check.code} applies only when sector = "public"')
        return self

    def rule(self, number: int) -> Rule:
        return self.rules[number - 1]

    def check(self, code: str) -> tuple[Rule, Check] | None:
        """The rule and check configured for ``code``, or None when the policy leaves it out."""
        for rule in self.rules:
            for check in rule.checks:
                if check.code == code:
                    return rule, check
        return None
