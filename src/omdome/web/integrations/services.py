"""Comments from other systems: verify who sent them, triage them, keep them for the inbox, answer.

Coral asks during its moderation pipeline and waits at most its phase's timeout (a few hundred
milliseconds), so the answer is the fast path's, as for comments on Omdöme's own widget.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import logging
import secrets as random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import nh3
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from omdome.triage.classifier import TriageResult
from omdome.web.core import audit
from omdome.web.core.cleaning import BadText, clean_text, normalise, without_control
from omdome.web.core.errors import NotFound, ServiceError
from omdome.web.core.models import Organisation
from omdome.web.integrations import secrets
from omdome.web.integrations.models import Integration, Kind
from omdome.web.messages.models import Message, Source
from omdome.web.messages.triage import apply_triage

log = logging.getLogger("omdome.integrations")

# A signed request older or newer than this is refused: a recorded request cannot be sent again later.
REPLAY_SECONDS = 300
MAX_TEXT = 20_000


class Refused(Exception):
    """A request that did not prove where it came from (401)."""


def connect(*, by, organisation: Organisation, kind: str, name: str, secret: str = "",  # type: ignore[no-untyped-def]
            feature_praise: bool = False, callback_url: str = "") -> tuple[Integration, str]:
    """A new door for one system. Coral makes its own signing secret, which the administrator
    pastes here; for the generic webhook Omdöme makes one, returned once."""
    name = " ".join(name.split())[:80]
    if not name:
        raise ServiceError("invalid", _("Name the system, e.g. “Coral on the news site”."), field="name")
    if kind not in Kind.values:
        raise ServiceError("invalid", _("Choose Coral or a signed webhook."), field="kind")
    secret = secret.strip()
    if kind == Kind.CORAL and len(secret) < 16:
        raise ServiceError("invalid", _("Paste the signing secret Coral shows for the moderation phase."),
                           field="secret")
    callback_url = callback_url.strip()
    if callback_url and not callback_url.startswith(("https://", "http://127.0.0.1:", "http://localhost:")):
        raise ServiceError("invalid", _("Decisions are sent only to an https:// address."), field="callback_url")
    if kind == Kind.WEBHOOK:
        secret = "whsec_" + random.token_urlsafe(32)
    with transaction.atomic():
        integration = Integration.objects.create(organisation=organisation, kind=kind, name=name,
                                                 sealed_secret=secrets.seal(secret),
                                                 feature_praise=feature_praise, callback_url=callback_url,
                                                 created_by=by)
        audit.record("integration.connected", actor=by, target=integration, kind=kind, name=name)
    return integration, secret


def disconnect(*, by, organisation: Organisation, integration_id: int) -> Integration:  # type: ignore[no-untyped-def]
    integration = Integration.objects.filter(pk=integration_id, organisation=organisation, enabled=True).first()
    if integration is None:
        raise NotFound("not_found", _("There is no such comment system."))
    with transaction.atomic():
        integration.enabled = False
        integration.save(update_fields=["enabled"])
        audit.record("integration.disconnected", actor=by, target=integration)
    return integration


def by_token(token: str) -> Integration | None:
    return Integration.objects.select_related("organisation").filter(token=token, enabled=True).first()


# ---------------------------------------------------------------- signatures


def coral_signed(integration: Integration, body: bytes, header: str) -> bool:
    """Coral's signature: ``X-Coral-Signature: sha256=<hex>[,sha256=<hex>]``, an HMAC-SHA256 of the
    raw body with the phase's signing secret (two while Coral rolls the secret over)."""
    expected = hmac.new(secrets.unseal(integration.sealed_secret).encode(), body, hashlib.sha256).hexdigest()
    given = [part.split("=", 1)[1].strip() for part in header.split(",")
             if part.strip().startswith("sha256=")]
    return any(hmac.compare_digest(value.encode(), expected.encode()) for value in given)


def webhook_signed(integration: Integration, body: bytes, timestamp: str, header: str,
                   now: float | None = None) -> bool:
    """Omdöme's own: ``X-Omdome-Timestamp: <unix seconds>`` and ``X-Omdome-Signature: sha256=<hex>``,
    the HMAC-SHA256 of ``<timestamp>.<body>``; a timestamp more than five minutes off is refused."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    if abs((now if now is not None else time.time()) - sent) > REPLAY_SECONDS:
        return False
    signed = timestamp.encode() + b"." + body
    expected = hmac.new(secrets.unseal(integration.sealed_secret).encode(), signed, hashlib.sha256).hexdigest()
    value = header.strip().removeprefix("sha256=")
    return hmac.compare_digest(value.encode(), expected.encode())


def sign_webhook(secret: str, body: bytes, timestamp: int) -> str:
    """The signature header value a sender computes (for the docs' example and the tests)."""
    return "sha256=" + hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()


def refuse(integration: Integration, reason: str, ip: str | None) -> None:
    """A request that failed its signature: logged, counted on the system, and in the audit log."""
    log.warning("comment system %s (%s) refused a request from %s: %s", integration.pk, integration.name, ip, reason)
    with transaction.atomic():
        Integration.objects.filter(pk=integration.pk).update(refused=F("refused") + 1, last_refused=timezone.now())
        audit.record("integration.refused", target=integration, reason=reason, ip=ip or "")


# ---------------------------------------------------------------- Coral


@dataclass
class Stored:
    message: Message
    duplicate: bool


def coral_decision(integration: Integration, payload: object) -> dict[str, object]:
    """Coral's External Moderation Response for one comment ({} when Omdöme has nothing to decide),
    after keeping the comment for the inbox with the decision."""
    if not isinstance(payload, dict):
        raise ServiceError("invalid", _("The request body must be a JSON object."))
    comment, author, story = (payload.get(k) for k in ("comment", "author", "story"))
    if not (isinstance(comment, dict) and isinstance(comment.get("body"), str)):
        raise ServiceError("invalid", _("comment.body is required."), field="comment.body")
    author = author if isinstance(author, dict) else {}
    story = story if isinstance(story, dict) else {}
    text = _text(html.unescape(nh3.clean(comment["body"], tags=set())))
    result = _triage(integration, text)
    answer = _coral_answer(integration, result)
    author_id = str(author.get("id") or "")[:200]
    fingerprint = hashlib.sha256("\x00".join([str(payload.get("tenantID") or ""), str(story.get("id") or ""),
                                              author_id, text]).encode()).hexdigest()[:32]
    _store(integration, Source.CORAL, f"coral:{integration.pk}:{fingerprint}", text,
           author=_("Coral reader"), handle=author_id, permalink=str(story.get("url") or ""),
           published=None, result=result, decision=answer)
    return answer


def _coral_answer(integration: Integration, result: TriageResult) -> dict[str, object]:
    """Rule 5 in Coral's words: hateful and spam are withheld for a moderator with the matching flag
    (nothing is rejected outright), what triage is unsure of is pre-moderated, and praise it is
    sure of may be featured."""
    if result.moderation in ("hide", "report"):
        reason = "COMMENT_DETECTED_SPAM" if result.category == "spam" else "COMMENT_DETECTED_TOXIC"
        return {"actions": [{"actionType": "FLAG", "reason": reason}], "status": "SYSTEM_WITHHELD"}
    if result.needs_review:
        return {"status": "PREMOD"}
    if integration.feature_praise and result.category == "praise" and result.confidence >= 0.9:
        return {"tags": ["FEATURED"]}
    return {}


# ---------------------------------------------------------------- the generic webhook


def receive(integration: Integration, payload: object) -> dict[str, object]:
    """One comment pushed by any system: ``id`` (the system's own, so a second delivery adds
    nothing) and ``text``; ``author``, ``author_handle``, ``url`` and ``published_at`` if known."""
    if not isinstance(payload, dict):
        raise ServiceError("invalid", _("The request body must be a JSON object."))
    external = payload.get("id")
    if not isinstance(external, str | int) or isinstance(external, bool) or not str(external).strip():
        raise ServiceError("invalid", _("id: the comment's id in the sending system is required."), field="id")
    if not isinstance(payload.get("text"), str):
        raise ServiceError("invalid", _("text: the comment's text is required."), field="text")
    fields = {}
    for name in ("author", "author_handle", "url", "published_at"):
        value = payload.get(name, "")
        if not isinstance(value, str):
            raise ServiceError("invalid", _("%(field)s must be text.") % {"field": name}, field=name)
        fields[name] = value
    published = parse_datetime(fields["published_at"]) if fields["published_at"] else None
    if fields["published_at"] and published is None:
        raise ServiceError("invalid", _("published_at must be a date and time in ISO 8601."), field="published_at")
    text = _text(payload["text"])
    result = _triage(integration, text)
    decision = {"category": result.category, "action": result.action, "moderation": result.moderation,
                "urgency": result.urgency, "needs_review": result.needs_review}
    stored = _store(integration, Source.API, f"hook:{integration.pk}:{str(external).strip()}"[:200], text,
                    author=fields["author"] or integration.name, handle=fields["author_handle"],
                    permalink=fields["url"], published=published, result=result, decision=decision)
    return {"id": str(external), "message": stored.message.pk, "duplicate": stored.duplicate, **(
        decision if not stored.duplicate else _decision_of(stored.message))}


def _decision_of(message: Message) -> dict[str, object]:
    triage = message.triage or {}
    return {k: triage.get(k) for k in ("category", "action", "moderation", "urgency", "needs_review")}


# ---------------------------------------------------------------- shared


def _text(value: str) -> str:
    try:
        text = clean_text(value, max_length=MAX_TEXT, multiline=True, strip_control=True)
    except BadText as error:
        raise ServiceError("invalid", f"text: {error.message}", field="text") from None
    if not text.strip():
        raise ServiceError("invalid", _("text: the comment is empty."), field="text")
    return text


def _triage(integration: Integration, text: str) -> TriageResult:
    from omdome.web.analysis.services import triager_for

    return triager_for(integration.organisation_id).triage(text)


def _one_line(value: str, limit: int) -> str:
    """A name, handle or link as it may be stored: one line, no control characters, cut to fit."""
    return normalise(without_control(value))[:limit].strip()


def _store(integration: Integration, source: str, external_id: str, text: str, *, author: str, handle: str,
           permalink: str, published: datetime | None, result: TriageResult,
           decision: dict[str, object]) -> Stored:
    """The comment as a message in the organisation's inbox, once per id at the source."""
    earlier = Message.objects.filter(source=source, external_id=external_id).first()
    if earlier is not None:
        return Stored(earlier, True)
    link = permalink if permalink.startswith(("https://", "http://")) and len(permalink) <= 1000 else ""
    message = Message(organisation_id=integration.organisation_id, source=source, external_id=external_id,
                      author=_one_line(author, 80) or integration.name, author_handle=_one_line(handle, 200),
                      permalink=_one_line(link, 1000), text=text, published_at=published or timezone.now())
    apply_triage(message, result)
    try:
        with transaction.atomic():
            message.save(force_insert=True)
            Integration.objects.filter(pk=integration.pk).update(received=F("received") + 1,
                                                                 last_received=timezone.now())
            audit.record("message.received", target=message, via=f"{integration.kind} {integration.pk}",
                         decision=decision)
    except IntegrityError:  # the same comment, delivered twice at once
        return Stored(Message.objects.get(source=source, external_id=external_id), True)
    return Stored(message, False)


# ---------------------------------------------------------------- decisions back out

DECISION_ATTEMPTS = 8


def send_decision(integration_id: int, message_id: int, decision: str, attempt: int = 1, http=None) -> str:  # type: ignore[no-untyped-def]
    """POST a communicator's decision to the system that sent the comment, signed as its requests to
    us are (``X-Omdome-Timestamp``, ``X-Omdome-Signature``); on failure again after 2, 4, 8 …
    minutes, eight tries in all, then the failure is in the audit log."""
    import json

    from omdome.web.channels.connectors.base import ConnectorError
    from omdome.web.channels.http import Http
    from omdome.web.integrations.tasks import send_decision as task

    integration = Integration.objects.filter(pk=integration_id, enabled=True).first()
    message = Message.objects.filter(pk=message_id).first()
    if integration is None or message is None or not integration.callback_url:
        return "nothing to send"
    stamp = int(time.time())
    body = json.dumps({"id": message.external_id.split(":", 2)[2], "message": message.pk, "decision": decision,
                       "category": message.category, "action": message.action, "status": message.status,
                       "handled": message.handled, "at": timezone.now().isoformat()}).encode()
    signature = sign_webhook(secrets.unseal(integration.sealed_secret), body, stamp)
    try:
        (http or Http()).request("POST", integration.callback_url, headers={
            "Content-Type": "application/json", "X-Omdome-Timestamp": str(stamp), "X-Omdome-Signature": signature,
            "X-Omdome-Attempt": str(attempt)}, body=body)
    except ConnectorError as error:
        if attempt < DECISION_ATTEMPTS:
            log.warning("decision %s on message %s not delivered to %s (try %d): %s", decision, message.pk,
                        integration.name, attempt, error)
            task.using(run_after=timezone.now() + timedelta(minutes=2 ** attempt)).enqueue(
                integration_id, message_id, decision, attempt + 1)
            return "retrying"
        with transaction.atomic():
            audit.record("integration.decision_undelivered", target=integration, message=message.pk,
                         decision=decision, error=str(error)[:500])
        return "gave up"
    return "sent"
