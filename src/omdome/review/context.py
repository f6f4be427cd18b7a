"""Everything the checks share about one draft, computed once and only when asked for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from omdome.detect.base import Span
from omdome.detect.terms import compile_terms
from omdome.policy.schema import Policy
from omdome.review.profile import AuthorProfile
from omdome.text.normalize import Normalized, normalize
from omdome.text.segment import Sentence, sentences

FIRST_PERSON_PLURAL = ("vi", "vår", "vårt", "våra", "oss", "we", "our", "us", "ours", "våre",
                       "vores")


@dataclass(frozen=True, slots=True)
class Hit:
    """A check's raw result, before the policy gives it a severity and words."""

    code: str
    start: int
    end: int
    fields: dict[str, str] = field(default_factory=dict)
    explanation: str = ""


class DraftContext:
    """One draft with its author, policy and language, and the analyses the checks share."""

    def __init__(self, text: str, policy: Policy, profile: AuthorProfile | None, language: str,
                 message_language: str):
        self.text = text
        self.policy = policy
        self.profile = profile
        self.language = language
        self.message_language = message_language

    @cached_property
    def norm(self) -> Normalized:
        return normalize(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.text)

    @cached_property
    def personal_data(self) -> list[Span]:
        from omdome.detect.personal_data import find_personal_data

        return find_personal_data(self.text, language=self.language)

    @cached_property
    def employer(self) -> str:
        if self.profile and self.profile.employer:
            return self.profile.employer
        return self.policy.organisation.name

    @cached_property
    def organisation_terms(self) -> tuple[str, ...]:
        """Names by which the draft can refer to the organisation or its products."""
        words = self.policy.words.company
        names = {self.policy.organisation.name, self.employer, *self.policy.products}
        names |= {_short_name(n) for n in names}
        forms = {words.definite, words.definite_plural}
        return tuple(sorted(n for n in names | forms if n and len(n) > 2))

    @cached_property
    def organisation_pattern(self) -> re.Pattern[str] | None:
        return compile_terms(self.organisation_terms)

    def mentions_organisation(self, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first mention of the organisation or its products in ``text[start:end]``."""
        pattern = self.organisation_pattern
        if pattern is None:
            return None
        return pattern.search(self.text, start, len(self.text) if end is None else end)

    def sentence_of(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


_LEGAL_FORMS = re.compile(r"\s+(?:ab|ab \(publ\)|aktiebolag|hb|kb|ek\.? ?för\.?|inc\.?|ltd\.?|as|a/s|aps|asa)$",
                          re.IGNORECASE)


def _short_name(name: str) -> str:
    """"Exempel AB" is also called "Exempel" in running text."""
    return _LEGAL_FORMS.sub("", name).strip()
