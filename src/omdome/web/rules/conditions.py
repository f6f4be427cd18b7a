"""What an automation rule looks at, and whether a message matches: plain data, no database.

A rule's conditions are a dict; every condition given must hold (and), a list means any of its
values (or). The facts about a message are gathered once (``rules.services.facts_of``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from omdome.triage.categories import CATEGORIES

ACTIONS = ("acknowledge", "answer", "follow_up", "correct", "no_reply", "none")
URGENCIES = ("high", "normal", "low")
LANGUAGES = ("sv", "en", "nb", "da")
SOURCES = ("widget", "import", "facebook", "instagram", "mastodon", "email", "api")
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


@dataclass(frozen=True)
class Facts:
    category: str
    action: str
    toxicity: float
    urgency: str
    language: str
    source: str
    text: str
    needs_review: bool
    reported: bool
    first_time_writer: bool


class BadConditions(ValueError):
    """Conditions that cannot be checked: ``field`` says which."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


CHOICES = {"category": CATEGORIES, "action": ACTIONS, "urgency": URGENCIES, "language": LANGUAGES,
           "source": SOURCES}
FLAGS = ("has_link", "needs_review", "reported", "first_time_writer")


def validate(conditions: Mapping[str, object]) -> dict[str, object]:
    """The conditions in their stored form, or BadConditions. At least one condition is needed."""
    clean: dict[str, object] = {}
    for key, value in conditions.items():
        if key in CHOICES:
            values = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
            if any(v not in CHOICES[key] for v in values):
                raise BadConditions(key, f"{key}: unknown value in {values}")
            if values:
                clean[key] = sorted(set(values))
        elif key == "toxicity_at_least":
            if value in (None, ""):
                continue
            try:
                number = float(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise BadConditions(key, "toxicity must be a number from 0 to 1") from None
            if not 0 <= number <= 1:
                raise BadConditions(key, "toxicity must be a number from 0 to 1")
            clean[key] = number
        elif key == "keywords":
            words = [w.strip().lower() for w in (value.split(",") if isinstance(value, str) else value or [])]
            if words := [w for w in words if w]:
                clean[key] = words
        elif key in FLAGS:
            if value:
                clean[key] = True
        else:
            raise BadConditions(key, f"unknown condition {key}")
    if not clean:
        raise BadConditions("conditions", "a rule needs at least one condition")
    return clean


def matches(conditions: Mapping[str, object], facts: Facts) -> bool:
    for key, value in conditions.items():
        if key in CHOICES and getattr(facts, key) not in value:  # type: ignore[operator]
            return False
        if key == "toxicity_at_least" and facts.toxicity < value:  # type: ignore[operator]
            return False
        if key == "keywords" and not any(w in facts.text.lower() for w in value):  # type: ignore[attr-defined]
            return False
        if key == "has_link" and not _LINK.search(facts.text):
            return False
        if key in ("needs_review", "reported", "first_time_writer") and not getattr(facts, key):
            return False
    return True
