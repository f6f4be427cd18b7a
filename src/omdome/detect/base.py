"""The value every detector returns: a span of text with a kind, a score and a reason."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text a detector found, with why it thinks so.

    ``start`` and ``end`` are character offsets into the text the detector was given.
    ``score`` is the detector's confidence (0–1); ``explanation`` says which evidence
    decided, in plain English, for logs and reviewers.
    """

    kind: str
    start: int
    end: int
    text: str
    score: float = 1.0
    explanation: str = ""
    details: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 3),
            "explanation": self.explanation,
        }
        if self.details:
            data["details"] = dict(self.details)
        return data


def drop_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the earliest-registered span where spans overlap; return them in text order.

    Detectors run in priority order (identity numbers before phone numbers), so a span
    found first wins a conflict.
    """
    kept: list[Span] = []
    for span in spans:
        if not any(span.overlaps(k) for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end))
