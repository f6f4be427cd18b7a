"""Organisation facts: correct statements, their sources, the misconceptions they answer,
and who among the staff knows what (to route questions)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from omdome.detect.claims import Claim, parse_claim, states
from omdome.detect.terms import compile_terms
from omdome.policy.loader import load_model_file
from omdome.text.segment import sentences


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Fact(_Strict):
    """A correct statement, where it can be checked, and the wrong claims it answers."""

    topic: str = Field(min_length=1)
    statement: str = Field(min_length=1)
    source: str = Field(min_length=1)
    keywords: tuple[str, ...] = ()
    misconceptions: tuple[str, ...] = Field(min_length=1)


class Person(_Strict):
    """A staff member who answers questions in their field."""

    name: str = Field(min_length=1)
    role: str = Field(min_length=1)
    expertise: tuple[str, ...] = Field(min_length=1)


class FactsFile(_Strict):
    facts: tuple[Fact, ...] = ()
    people: tuple[Person, ...] = ()


@dataclass(frozen=True)
class FactMatch:
    fact: Fact
    misconception: str
    sentence: str


class Facts:
    """The facts of one organisation, ready to match comments against."""

    def __init__(self, data: FactsFile):
        self.data = data

    @cached_property
    def _claims(self) -> list[tuple[Fact, Claim]]:
        return [(fact, parse_claim(m)) for fact in self.data.facts for m in fact.misconceptions]

    def misconception_in(self, text: str) -> FactMatch | None:
        """The first fact whose misconception a sentence of ``text`` repeats."""
        parts = sentences(text) or []
        for fact, claim in self._claims:
            if fact.keywords:
                gate = compile_terms(fact.keywords)
                if gate is not None and not gate.search(text):
                    continue
            for sentence in parts:
                if states(sentence.text, claim, in_questions=True):
                    return FactMatch(fact, claim.text, sentence.text)
        return None

    def expert_for(self, text: str) -> Person | None:
        """The staff member whose expertise words occur most in ``text``."""
        best, best_hits = None, 0
        for person in self.data.people:
            pattern = compile_terms(tuple(person.expertise))
            hits = len(pattern.findall(text)) if pattern is not None else 0
            if hits > best_hits:
                best, best_hits = person, hits
        return best


def load_facts(path: str | Path) -> Facts:
    """Load a facts file (TOML); errors name the file, line and key."""
    return Facts(load_model_file(path, FactsFile))
