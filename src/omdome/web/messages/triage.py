"""The one place where a triage result becomes a message's state.

The comment pipeline, the background re-score and the importers all call ``apply_triage``;
nothing else writes the triage fields.
"""

from __future__ import annotations

from omdome.triage.classifier import ReasonCode, TriageResult
from omdome.web.messages.models import Message

TRIAGE_FIELDS = ["category", "action", "confidence", "toxicity", "urgency", "needs_review", "possibly_unlawful",
                 "language", "triage"]


def _fields(result: TriageResult, *, was_unlawful: bool = False) -> dict[str, object]:
    """The message fields a triage result sets. Once flagged as possibly unlawful, always flagged."""
    return {"category": result.category, "action": result.action, "confidence": result.confidence,
            "toxicity": result.toxicity, "urgency": result.urgency, "needs_review": result.needs_review,
            "possibly_unlawful": was_unlawful or result.moderation == "report",
            "language": (result.language or "")[:8], "triage": result.to_dict()}


def apply_triage(message: Message, result: TriageResult) -> list[str]:
    """Set ``message``'s triage fields from ``result`` (not saved); returns the fields changed."""
    for name, value in _fields(result, was_unlawful=message.possibly_unlawful).items():
        setattr(message, name, value)
    return list(TRIAGE_FIELDS)


def stored_reason_codes(message: Message) -> set[str]:
    """The reason codes of the stored triage result."""
    return {r.get("code", "") for r in message.triage.get("reasons", []) if isinstance(r, dict)}


def decided_by_rule(message: Message, *codes: str) -> bool:
    wanted = set(codes) or ReasonCode.BY_RULE
    return bool(stored_reason_codes(message) & wanted)


def should_withhold(result: TriageResult) -> bool:
    """Triage's advice to keep the text from readers until a moderator has looked."""
    return result.moderation in ("hide", "report")
