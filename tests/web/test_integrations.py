"""Other comment systems: Coral's external moderation phase and the generic signed webhook, with
requests as their documentation writes them, signatures checked, comments kept once in the inbox."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest

from omdome.web.core.models import AuditEntry
from omdome.web.integrations import services
from omdome.web.integrations.models import Integration, Kind
from omdome.web.messages.models import Message, Source
from web.factories import PASSWORD, make_organisation, make_user

pytestmark = pytest.mark.django_db

CORAL_SECRET = "whsec_coral-made-this-secret-0123456789"
# Coral's documentation (EXTERNAL_MODERATION_PHASES.md): a new comment on a story, as sent.
CORAL_NEW = {
    "action": "NEW",
    "comment": {"body": "Here's a comment!", "parentID": None},
    "author": {"id": "baf4e943-3594-4fcc-b2ba-3e8de7a76352", "role": "COMMENTER"},
    "story": {"id": "245b3856-b0a0-4d2f-a6bb-58c71f18d6a6", "url": "http://localhost:1313/posts/a-story-url/"},
    "site": {"id": "a4bede88-2d2c-4424-bc18-4322a9e285a6"},
    "tenantID": "19ba5794-7eeb-4d46-a81b-c00c61672501",
    "tenantDomain": "localhost",
}


def with_body(text: str) -> dict:
    return {**CORAL_NEW, "comment": {"body": text, "parentID": None}}


@pytest.fixture
def admin():
    return make_user("ulla", "admin", real_name="Ulla Berg")


@pytest.fixture
def coral(admin):
    integration, _secret = services.connect(by=admin, organisation=make_organisation(), kind=Kind.CORAL,
                                            name="Coral på nyhetssidan", secret=CORAL_SECRET)
    return integration


def coral_post(client, integration, payload, secret: str = CORAL_SECRET, header: str | None = None):  # type: ignore[no-untyped-def]
    body = json.dumps(payload).encode()
    signature = header or "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return client.post(f"/hooks/coral/{integration.token}/", data=body, content_type="application/json",
                       headers={"X-Coral-Signature": signature})


def test_coral_gets_a_signed_checked_decision_and_the_comment_reaches_the_inbox(client, coral):
    answer = coral_post(client, coral, with_body("<p>Ni är ena jävla idioter allihop på redaktionen</p>"))
    assert answer.status_code == 200  # how fast: bench/bench_analyze.py (Coral waits its phase's timeout)
    assert answer.json() == {"actions": [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"}],
                             "status": "SYSTEM_WITHHELD"}
    message = Message.objects.get()
    assert (message.source, message.category, message.text) == (
        Source.CORAL, "hateful", "Ni är ena jävla idioter allihop på redaktionen")
    assert message.author_handle == CORAL_NEW["author"]["id"] and message.permalink == CORAL_NEW["story"]["url"]
    entry = AuditEntry.objects.get(action="message.received")
    assert entry.data["decision"]["status"] == "SYSTEM_WITHHELD"


def test_coral_spam_is_flagged_as_spam_and_a_plain_comment_gets_no_decision(client, coral):
    spam = coral_post(client, coral, with_body("KÖP BILLIGA SOLGLASÖGON på www.sunnyshades.xyz, bara idag!"))
    assert spam.json()["actions"][0]["reason"] == "COMMENT_DETECTED_SPAM"
    plain = coral_post(client, coral, with_body("Tack för en bra och tydlig artikel om vägarbetet!"))
    assert plain.status_code == 204 and plain.content == b""  # Coral goes on with its own phases
    assert Message.objects.count() == 2


def test_a_forged_or_missing_coral_signature_is_refused_and_logged(client, coral, caplog):
    forged = coral_post(client, coral, CORAL_NEW, secret="not-the-secret-at-all-0000")
    missing = client.post(f"/hooks/coral/{coral.token}/", data=json.dumps(CORAL_NEW),
                          content_type="application/json")
    assert forged.status_code == missing.status_code == 401 and forged.json()["code"] == "unsigned"
    assert not Message.objects.exists()
    assert "refused a request" in caplog.text
    coral.refresh_from_db()
    assert coral.refused == 2 and AuditEntry.objects.filter(action="integration.refused").count() == 2


def test_coral_rolling_its_secret_sends_two_signatures_and_either_will_do(client, coral):
    body = json.dumps(CORAL_NEW).encode()
    good = hmac.new(CORAL_SECRET.encode(), body, hashlib.sha256).hexdigest()
    answer = client.post(f"/hooks/coral/{coral.token}/", data=body, content_type="application/json",
                         headers={"X-Coral-Signature": f"sha256={'0' * 64},sha256={good}"})
    assert answer.status_code in (200, 204)


def test_the_same_coral_comment_delivered_twice_is_kept_once(client, coral):
    for _ in range(2):
        coral_post(client, coral, with_body("Varför stängs biblioteket på fredagar?"))
    assert Message.objects.count() == 1
    coral.refresh_from_db()
    assert coral.received == 1


def test_praise_is_featured_only_when_asked_for(client, admin):
    organisation = make_organisation()
    plain, _s = services.connect(by=admin, organisation=organisation, kind=Kind.CORAL, name="A", secret=CORAL_SECRET)
    featuring, _s = services.connect(by=admin, organisation=organisation, kind=Kind.CORAL, name="B",
                                     secret=CORAL_SECRET, feature_praise=True)
    praise = with_body("Stort tack till alla som jobbade med den nya lekplatsen, den blev fantastisk!")
    assert coral_post(client, plain, praise).status_code == 204
    assert coral_post(client, featuring, praise).json() == {"tags": ["FEATURED"]}


def hook_post(client, integration, secret: str, payload, timestamp: int | None = None):  # type: ignore[no-untyped-def]
    body = json.dumps(payload).encode()
    at = int(time.time()) if timestamp is None else timestamp
    return client.post(f"/hooks/in/{integration.token}/", data=body, content_type="application/json",
                       headers={"X-Omdome-Timestamp": str(at),
                                "X-Omdome-Signature": services.sign_webhook(secret, body, at)})


def test_a_signed_webhook_pushes_a_comment_once_and_gets_the_decision(client, admin):
    hook, secret = services.connect(by=admin, organisation=make_organisation(), kind=Kind.WEBHOOK, name="Forumet")
    assert secret.startswith("whsec_") and secret not in hook.sealed_secret  # kept encrypted
    comment = {"id": "forum-991", "text": "Ingen har svarat på mitt mejl om bygglovet på tre veckor.",
               "author": "Per Persson", "author_handle": "@per", "url": "https://forum.example/t/991",
               "published_at": "2026-12-01T08:30:00+01:00"}
    first = hook_post(client, hook, secret, comment).json()
    again = hook_post(client, hook, secret, comment).json()
    assert first["category"] == "complaint" and first["action"] == "follow_up" and not first["duplicate"]
    assert again["duplicate"] and again["message"] == first["message"] and again["category"] == "complaint"
    message = Message.objects.get()
    assert (message.author, message.author_handle, message.permalink) == (
        "Per Persson", "@per", "https://forum.example/t/991")
    assert message.published_at.isoformat().startswith("2026-12-01T07:30")


def test_the_webhook_refuses_old_replayed_forged_and_malformed_requests(client, admin):
    hook, secret = services.connect(by=admin, organisation=make_organisation(), kind=Kind.WEBHOOK, name="Forumet")
    comment = {"id": "1", "text": "Hej"}
    assert hook_post(client, hook, secret, comment, timestamp=int(time.time()) - 600).status_code == 401
    assert hook_post(client, hook, "whsec_wrong", comment).status_code == 401
    bad = hook_post(client, hook, secret, {"text": "utan id"})
    assert bad.status_code == 400 and bad.json()["field"] == "id"
    empty = hook_post(client, hook, secret, {"id": "2", "text": "\x01\x02  "})
    assert empty.status_code == 400 and empty.json()["field"] == "text"
    when = hook_post(client, hook, secret, {"id": "3", "text": "Hej", "published_at": "igår"})
    assert when.status_code == 400 and when.json()["field"] == "published_at"
    assert not Message.objects.exists()
    # A Coral address does not take the generic webhook's requests, nor the other way round.
    assert client.post(f"/hooks/coral/{hook.token}/", data=b"{}", content_type="application/json").status_code == 404


def test_a_secret_stored_under_another_key_cannot_be_read(admin, monkeypatch):
    from cryptography.fernet import Fernet

    from omdome.web.integrations import secrets

    hook, _secret = services.connect(by=admin, organisation=make_organisation(), kind=Kind.WEBHOOK, name="F")
    monkeypatch.setenv("OMDOME_CREDENTIALS_KEY", Fernet.generate_key().decode())
    with pytest.raises(secrets.UnreadableCredential):
        secrets.unseal(hook.sealed_secret)


def test_an_administrator_connects_sees_and_disconnects_systems(client):
    make_user("ulla", "admin", real_name="Ulla Berg")
    client.login(username="ulla", password=PASSWORD)
    page = client.post("/comment-systems/", {"kind": "webhook", "name": "Forumet"})
    secret = page.context["secret"]
    integration = Integration.objects.get()
    assert secret.startswith("whsec_") and f"/hooks/in/{integration.token}/" in page.content.decode()
    coral = client.post("/comment-systems/", {"kind": "coral", "name": "Coral", "secret": CORAL_SECRET})
    assert coral.context["secret"] is None and CORAL_SECRET not in coral.content.decode()
    too_short = client.post("/comment-systems/", {"kind": "coral", "name": "Coral 2", "secret": "kort"})
    assert "signing secret" in too_short.content.decode() or "signeringsnyckel" in too_short.content.decode()
    client.post(f"/comment-systems/{integration.pk}/disconnect/")
    assert hook_post(client, Integration.objects.get(pk=integration.pk), secret, {"id": "1", "text": "Hej"}
                     ).status_code == 404
    assert AuditEntry.objects.filter(action__in=["integration.connected", "integration.disconnected"]).count() == 3


def test_a_busy_coral_is_not_limited_but_a_forger_is(client, coral, settings):
    settings.OMDOME_RATE_LIMITS = {**settings.OMDOME_RATE_LIMITS, "attempt": (3, 60)}
    answers = [coral_post(client, coral, with_body(f"Tack för artikel nummer {n}, mycket läsvärd!")).status_code
               for n in range(5)]
    assert all(status in (200, 204) for status in answers)  # five signed comments, limit three: all taken
    forged = [coral_post(client, coral, CORAL_NEW, secret="x" * 20).status_code for _ in range(5)]
    assert forged == [401, 401, 401, 429, 429]
    coral.refresh_from_db()
    assert coral.refused == 3  # past the limit, refused without a log entry each


def test_a_communicators_decision_goes_back_to_the_system_signed_and_retried(client, admin,
                                                                             django_capture_on_commit_callbacks):
    from omdome.web.inbox import services as inbox
    from omdome.web.integrations.tasks import send_decision
    from web.replay import Replay

    receiver = Replay(exchanges=[{"method": "POST", "path": "/omdome/decisions", "response": {"ok": True}}])
    try:
        hook, secret = services.connect(by=admin, organisation=make_organisation(), kind=Kind.WEBHOOK,
                                        name="Forumet", callback_url=f"{receiver.url}/omdome/decisions")
        comment = {"id": "forum-991", "text": "Ingen har svarat på mitt mejl om bygglovet på tre veckor."}
        hook_post(client, hook, secret, comment)
        message = Message.objects.get()
        karin = make_user("karin", "communicator")
        from django_tasks import default_task_backend

        default_task_backend.clear()
        with django_capture_on_commit_callbacks(execute=True):
            inbox.relabel(user=karin, message=message, category="question")
            inbox.mark_done(user=karin, message=message)
        queued = [(r.args, r.task.name) for r in default_task_backend.results]
        assert [args[2] for args, _name in queued] == ["relabelled", "handled"]
        for args, _name in queued:
            assert send_decision.call(*args) == "sent"
        got = receiver.requests
        first = json.loads(got[0]["body"])
        assert (first["id"], first["decision"], first["category"], first["action"]) == (
            "forum-991", "relabelled", "question", "answer")
        assert json.loads(got[1]["body"])["handled"] is True
        stamp, signature = got[0]["headers"]["X-Omdome-Timestamp"], got[0]["headers"]["X-Omdome-Signature"]
        assert signature == services.sign_webhook(secret, got[0]["body"].encode(), int(stamp))
        # The system is down: tried again later, then given up on in the audit log.
        receiver.exchanges.clear()
        default_task_backend.clear()
        assert send_decision.call(hook.pk, message.pk, "handled") == "retrying"
        retry = default_task_backend.results[-1]
        assert list(retry.args) == [hook.pk, message.pk, "handled", 2] and retry.task.run_after is not None
        assert send_decision.call(hook.pk, message.pk, "handled", services.DECISION_ATTEMPTS) == "gave up"
        assert AuditEntry.objects.filter(action="integration.decision_undelivered").exists()
    finally:
        receiver.close()

