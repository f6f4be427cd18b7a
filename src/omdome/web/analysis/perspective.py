"""Perspective's request and response formats (v1alpha1), read and written without the database.

A client built for Google's Perspective API — Coral, a forum plugin, a moderation bot — sends the
same JSON here and reads the same JSON back; only the address changes. Errors come in the shape
Google's APIs use (``{"error": {"code", "message", "status", "details"}}``) with Perspective's
own error types, so a client's error handling keeps working too.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import nh3

from omdome.triage.attributes import ATTRIBUTES, LANGUAGES, language_code

# Perspective refuses comments over 20 KB of UTF-8.
MAX_COMMENT_BYTES = 20_480
SCORE_TYPE = "PROBABILITY"
_ERROR_TYPE = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error"


class PerspectiveError(Exception):
    """A refused request, answered in Google's error format."""

    def __init__(self, message: str, *, error_type: str = "INVALID_REQUEST", code: int = 400,
                 status: str = "INVALID_ARGUMENT", detail: dict[str, object] | None = None):
        super().__init__(message)
        self.message, self.error_type, self.code, self.status = message, error_type, code, status
        self.detail = detail or {}

    def to_dict(self) -> dict[str, object]:
        details = [{"@type": _ERROR_TYPE, "errorType": self.error_type, **self.detail}] if self.error_type else []
        return {"error": {"code": self.code, "message": self.message, "status": self.status, "details": details}}


@dataclass
class AnalyzeRequest:
    text: str
    attributes: dict[str, float | None]  # name → scoreThreshold
    languages: list[str]  # as the client sent them
    span_annotations: bool = False
    do_not_store: bool = False
    drop_unsupported: bool = False
    client_token: str | None = None
    session_id: str | None = None
    community_id: str | None = None
    unsupported: list[str] = field(default_factory=list)  # requested languages no attribute reads


def parse_analyze(body: bytes) -> AnalyzeRequest:
    """The request, checked as Perspective checks it; PerspectiveError says what is wrong."""
    data = _json_object(body)
    text = _comment_text(data.get("comment"))
    requested = data.get("requestedAttributes")
    if requested is None or requested == {}:
        raise PerspectiveError("No requested attributes: give requestedAttributes, e.g. {\"TOXICITY\": {}}.",
                               error_type="NO_REQUESTED_ATTRIBUTES")
    if not isinstance(requested, dict):
        raise PerspectiveError("requestedAttributes must be an object of attribute names.")
    attributes = {str(name): _threshold(name, options) for name, options in requested.items()}
    languages = data.get("languages") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) and x.strip() for x in languages):
        raise PerspectiveError("languages must be a list of language codes such as \"sv\" or \"en\".")
    return AnalyzeRequest(
        text=text, attributes=attributes, languages=[x.strip() for x in languages],
        span_annotations=_flag(data, "spanAnnotations"), do_not_store=_flag(data, "doNotStore"),
        drop_unsupported=_flag(data, "dropUnsupportedAttributes"),
        client_token=_optional_text(data, "clientToken"), session_id=_optional_text(data, "sessionId"),
        community_id=_optional_text(data, "communityId"),
        unsupported=[x for x in languages if language_code(x) not in LANGUAGES])


def parse_suggest(body: bytes) -> tuple[str, dict[str, float], str | None]:
    """SuggestCommentScore: the text, the scores the client says it should have, its token."""
    data = _json_object(body)
    text = _comment_text(data.get("comment"))
    given = data.get("attributeScores")
    if not isinstance(given, dict) or not given:
        raise PerspectiveError("attributeScores must name at least one attribute with a summaryScore.")
    scores = {}
    for name, value in given.items():
        summary = value.get("summaryScore") if isinstance(value, dict) else None
        score = summary.get("value") if isinstance(summary, dict) else None
        if not isinstance(score, int | float) or isinstance(score, bool) or not 0 <= score <= 1:
            raise PerspectiveError(f"attributeScores.{name}.summaryScore.value must be a number from 0 to 1.")
        scores[str(name)[:40]] = float(score)
    return text, scores, _optional_text(data, "clientToken")


def check_languages(request: AnalyzeRequest) -> list[str]:
    """The attributes to score: all requested ones, or none when the comment's languages are ones
    no attribute reads and the client asked to drop what is unsupported (an error otherwise)."""
    if not request.unsupported:
        return list(request.attributes)
    if request.drop_unsupported:
        return []
    first = next(iter(request.attributes))
    raise PerspectiveError(
        f"Attribute {first} does not support request languages: {','.join(request.unsupported)}",
        error_type="LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
        detail={"languageNotSupportedByAttributeError": {"requestedLanguages": request.languages,
                                                         "attribute": first}})


def score(value: float) -> dict[str, object]:
    return {"value": value, "type": SCORE_TYPE}


def analyze_response(request: AnalyzeRequest, attributes: list[str], scores: dict[str, float],
                     spans: list[tuple[int, int, dict[str, float]]], detected: list[str]) -> dict[str, object]:
    """Perspective's AnalyzeCommentResponse: a score per attribute that reaches its threshold."""
    attribute_scores: dict[str, object] = {}
    for name in attributes:
        threshold = request.attributes[name] or 0.0
        if scores[name] < threshold:
            continue
        entry: dict[str, object] = {"summaryScore": score(scores[name])}
        if request.span_annotations:
            entry["spanScores"] = [{"begin": begin, "end": end, "score": score(values[name])}
                                   for begin, end, values in spans if values[name] >= threshold]
        attribute_scores[name] = entry
    answer: dict[str, object] = {"attributeScores": attribute_scores,
                                 "languages": request.languages or detected, "detectedLanguages": detected}
    if request.client_token is not None:
        answer["clientToken"] = request.client_token
    return answer


def _json_object(body: bytes) -> dict[str, object]:
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise PerspectiveError("Invalid JSON payload received: the body is not JSON.") from None
    if not isinstance(data, dict):
        raise PerspectiveError("Invalid JSON payload received: the body must be a JSON object.")
    return data


def _comment_text(comment: object) -> str:
    if not isinstance(comment, dict) or "text" not in comment:
        raise PerspectiveError("comment.text is required.", error_type="COMMENT_EMPTY")
    text, kind = comment.get("text"), comment.get("type") or "PLAIN_TEXT"
    if not isinstance(text, str):
        raise PerspectiveError("comment.text must be a string.")
    if kind == "HTML":  # what a reader sees: the text without its tags, entities as characters
        text = html.unescape(nh3.clean(text, tags=set()))
    elif kind != "PLAIN_TEXT":
        raise PerspectiveError(f"Unknown text type: {str(kind)[:40]} (PLAIN_TEXT or HTML).")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_COMMENT_BYTES:
        raise PerspectiveError(f"Comment text too long: at most {MAX_COMMENT_BYTES} bytes of UTF-8.",
                               error_type="COMMENT_TOO_LONG")
    if "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise PerspectiveError("comment.text holds characters that are not text (NUL or a lone surrogate).")
    if not text.strip():
        raise PerspectiveError("Comment must be non-empty.", error_type="COMMENT_EMPTY")
    return text


def _threshold(name: object, options: object) -> float | None:
    if name not in ATTRIBUTES:
        raise PerspectiveError(f"Unknown requested attribute: {str(name)[:60]}")
    if options is None:
        return None
    if not isinstance(options, dict):
        raise PerspectiveError(f"requestedAttributes.{name} must be an object, e.g. {{}}.")
    kind = options.get("scoreType") or SCORE_TYPE
    if kind != SCORE_TYPE:
        raise PerspectiveError(f"requestedAttributes.{name}.scoreType: only PROBABILITY is supported.")
    threshold = options.get("scoreThreshold")
    if threshold is None:
        return None
    if not isinstance(threshold, int | float) or isinstance(threshold, bool) or not 0 <= threshold <= 1:
        raise PerspectiveError(f"requestedAttributes.{name}.scoreThreshold must be a number from 0 to 1.")
    return float(threshold)


def _flag(data: dict[str, object], name: str) -> bool:
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise PerspectiveError(f"{name} must be true or false.")
    return value


def _optional_text(data: dict[str, object], name: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 500 or "\x00" in value:
        raise PerspectiveError(f"{name} must be a string of at most 500 characters.")
    return value
