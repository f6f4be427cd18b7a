"""What a review returns: findings that each name their rule, and an overall verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Verdict = Literal["ok", "warn", "block"]
_RANK = {"info": 0, "warn": 1, "block": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing in the draft that a rule of the policy has something to say about.

    ``start``/``end`` are character offsets into the draft; a finding about the whole
    draft spans all of it, and one about the author's profile is empty at 0.
    """

    rule: int
    code: str
    severity: Literal["block", "warn", "info"]
    start: int
    end: int
    message: str
    suggestion: str
    explanation: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Review:
    """The findings for one draft, in text order, and the verdict they add up to."""

    findings: tuple[Finding, ...]
    language: str

    @property
    def verdict(self) -> Verdict:
        worst = max((_RANK[f.severity] for f in self.findings), default=0)
        return "block" if worst == 2 else "warn" if worst == 1 else "ok"

    def to_dict(self) -> dict[str, object]:
        return {
            "verdict": self.verdict,
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
        }
