"""The eight categories of a comment and what rule 5 prescribes for each."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    PRAISE = "praise"
    QUESTION = "question"
    COMPLAINT = "complaint"
    CORRECTION = "correction"
    HATEFUL = "hateful"
    TROLL = "troll"
    SPAM = "spam"
    NEUTRAL = "neutral"


@dataclass(frozen=True, slots=True)
class Prescription:
    """What to do with a comment of a category: the reply action and the moderation."""

    action: str
    moderation: str


PRESCRIPTIONS: dict[Category, Prescription] = {
    Category.PRAISE: Prescription("acknowledge", "keep"),
    Category.QUESTION: Prescription("answer", "keep"),
    Category.COMPLAINT: Prescription("follow_up", "keep"),
    Category.CORRECTION: Prescription("correct", "keep"),
    Category.HATEFUL: Prescription("no_reply", "hide"),
    Category.TROLL: Prescription("no_reply", "keep"),
    Category.SPAM: Prescription("no_reply", "hide"),
    Category.NEUTRAL: Prescription("none", "keep"),
}
CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)
