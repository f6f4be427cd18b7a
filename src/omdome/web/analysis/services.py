"""Analysis keys and the analysis itself: the rules the endpoint, the admin page and tests call."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.triage.attributes import attribute_scores, sentence_spans
from omdome.triage.classifier import Triager
from omdome.web.analysis import perspective
from omdome.web.analysis.models import AnalysisKey
from omdome.web.core import audit, ratelimit
from omdome.web.core.errors import NotFound, ServiceError
from omdome.web.core.memo import Memo
from omdome.web.core.models import Organisation


@dataclass(frozen=True)
class ActiveKey:
    id: int
    name: str
    organisation_id: int
    per_minute: int
    keep_in_inbox: bool


# A revoked key stops working in every web process within this many seconds (at once in the
# process that revoked it); a key is looked up once per process and window, not per request.
KEY_SECONDS = 10
_keys: Memo[ActiveKey | None] = Memo(KEY_SECONDS)


def issue_key(*, by, organisation: Organisation, name: str, per_minute: int = 600,  # type: ignore[no-untyped-def]
              keep_in_inbox: bool = False) -> tuple[AnalysisKey, str]:
    """A new key for one client system; the secret is returned once and only its hash is kept."""
    name = " ".join(name.split())[:80]
    if not name:
        raise ServiceError("invalid", _("Name the system that will use the key, e.g. “Coral on the news site”."),
                           field="name")
    if not 1 <= per_minute <= 100_000:
        raise ServiceError("invalid", _("Requests per minute must be from 1 to 100,000."), field="per_minute")
    secret = AnalysisKey.new_secret()
    with transaction.atomic():
        key = AnalysisKey.objects.create(organisation=organisation, name=name, prefix=secret[:8],
                                         digest=AnalysisKey.digest_of(secret), per_minute=per_minute,
                                         keep_in_inbox=keep_in_inbox, created_by=by)
        audit.record("analysis_key.issued", actor=by, target=key, name=name, per_minute=per_minute,
                     keep_in_inbox=keep_in_inbox)
    return key, secret


def revoke_key(*, by, organisation: Organisation, key_id: int) -> AnalysisKey:  # type: ignore[no-untyped-def]
    key = AnalysisKey.objects.filter(pk=key_id, organisation=organisation, revoked__isnull=True).first()
    if key is None:
        raise NotFound("not_found", _("There is no such key."))
    with transaction.atomic():
        key.revoked = timezone.now()
        key.save(update_fields=["revoked"])
        audit.record("analysis_key.revoked", actor=by, target=key, name=key.name)
    return key


def forget_keys(**kwargs) -> None:  # type: ignore[no-untyped-def]
    """A saved key (revoked, renamed, its limit changed) is read again at once in this process."""
    _keys.forget()


def active_key(secret: str) -> ActiveKey | None:
    digest = AnalysisKey.digest_of(secret)
    return _keys.get(digest, lambda: _load_key(digest))


def _load_key(digest: str) -> ActiveKey | None:
    key = AnalysisKey.objects.filter(digest=digest, revoked__isnull=True).first()
    if key is None:
        return None
    return ActiveKey(key.pk, key.name, key.organisation_id, key.per_minute, key.keep_in_inbox)


def check_rate(key: ActiveKey) -> None:
    """Count the request against the key's own limit per minute (429 past it)."""
    ratelimit.hit("analyze", str(key.id), _("Too many requests for this key in a minute."),
                  limit=(key.per_minute, 60))


class Usage:
    """Requests per key, written to the database in batches: a row update per request would cost
    more than the analysis. At most ``seconds`` or ``batch`` requests of a process go uncounted
    if it is killed."""

    def __init__(self, seconds: float = 5.0, batch: int = 200):
        self.seconds, self.batch = seconds, batch
        self._pending: dict[int, int] = {}
        self._last = 0.0
        self._lock = threading.Lock()

    def count(self, key_id: int) -> None:
        with self._lock:
            self._pending[key_id] = self._pending.get(key_id, 0) + 1
            due = sum(self._pending.values()) >= self.batch or time.monotonic() - self._last >= self.seconds
        if due:
            self.flush()

    def discard(self) -> None:
        """Forget what is not yet written (tests: the database it was counted for is gone)."""
        with self._lock:
            self._pending, self._last = {}, 0.0

    def flush(self) -> None:
        with self._lock:
            pending, self._pending, self._last = self._pending, {}, time.monotonic()
        now = timezone.now()
        for key_id, n in pending.items():
            AnalysisKey.objects.filter(pk=key_id).update(requests=F("requests") + n, last_used=now)


usage = Usage()


def triager_for(organisation_id: int) -> Triager:
    """The fast path with the organisation's facts and own web domains, as its comments get."""
    from omdome.web.comments.pipeline import _triager
    from omdome.web.policies.services import current_facts

    organisation = _organisations.get(organisation_id, lambda: Organisation.objects.get(pk=organisation_id))
    domains = tuple(sorted(set(organisation.domain_list) - {"", "localhost", "127.0.0.1"}))
    return _triager(current_facts(organisation), domains, True)


_organisations: Memo[Organisation] = Memo(KEY_SECONDS)


def analyze(key: ActiveKey, request: perspective.AnalyzeRequest) -> dict[str, object]:
    """Perspective's answer for one comment; kept in the inbox when the key says so and the client
    did not send doNotStore."""
    attributes = perspective.check_languages(request)
    triager = triager_for(key.organisation_id)
    result = triager.triage(request.text)
    scores = attribute_scores(result, request.text)
    spans = sentence_spans(triager, request.text) if request.span_annotations and attributes else []
    detected = [result.language]
    answer = perspective.analyze_response(request, attributes, scores, spans, detected)
    if "OMDOME_TRIAGE" in attributes:
        answer["omdomeTriage"] = {"category": result.category, "action": result.action,
                                  "moderation": result.moderation, "urgency": result.urgency,
                                  "needsReview": result.needs_review, "confidence": result.confidence,
                                  "reasons": result.reason_codes}
    if key.keep_in_inbox and not request.do_not_store:
        keep(key, request, result)
    return answer


def keep(key: ActiveKey, request: perspective.AnalyzeRequest, result) -> None:  # type: ignore[no-untyped-def]
    """The analysed comment as a message in the inbox; a client token sent again adds nothing."""
    from omdome.web.core.cleaning import BadText, clean_text, normalise, without_control
    from omdome.web.messages.models import Message, Source
    from omdome.web.messages.triage import apply_triage

    external_id = f"key{key.id}:{request.client_token}" if request.client_token else ""
    handle = normalise(without_control(request.community_id or ""))[:200]
    try:
        text = clean_text(request.text, max_length=perspective.MAX_COMMENT_BYTES, multiline=True,
                          strip_control=True)
    except BadText:
        return  # scored, but nothing a reader could see is left to keep
    if not text.strip():
        return
    message = Message(organisation_id=key.organisation_id, source=Source.API, external_id=external_id[:200],
                      author=key.name, author_handle=handle, text=text)
    apply_triage(message, result)
    try:
        with transaction.atomic():
            message.save(force_insert=True)
            audit.record("message.received", target=message, via=f"analysis key {key.id}")
    except IntegrityError:
        if not external_id:
            raise


def suggest(key: ActiveKey, text: str, scores: dict[str, float], client_token: str | None) -> dict[str, object]:
    """SuggestCommentScore: the client's view of what the scores should have been, in the audit log
    (where a communicator can find disagreements) without the text when the key keeps nothing."""
    with transaction.atomic():
        audit.record("analysis.suggested", via=f"analysis key {key.id}", scores=scores,
                     text=text[:500] if key.keep_in_inbox else "")
    return {"clientToken": client_token} if client_token is not None else {}
