"""The Perspective-compatible endpoint: requests as Perspective's documentation writes them, answers
as its clients read them, errors in Google's format, keys an administrator issues and revokes."""

from __future__ import annotations

import json
import time

import pytest

from omdome.web.analysis import services
from omdome.web.analysis.models import AnalysisKey
from omdome.web.core.models import AuditEntry
from omdome.web.messages.models import Message, Source
from web.factories import PASSWORD, make_organisation, make_user

pytestmark = pytest.mark.django_db

ANALYZE = "/v1alpha1/comments:analyze"
# Perspective's own documentation: the example of its "get started" page and of its methods page.
GET_STARTED = {"comment": {"text": "What kind of idiot name is foo?"}, "languages": ["en"],
               "requestedAttributes": {"TOXICITY": {}}}
METHODS_EXAMPLE = {"comment": {"text": "What kind of idiot name is foo? Sorry, I like your name."},
                   "languages": ["en"], "requestedAttributes": {"TOXICITY": {}, "UNSUBSTANTIAL": {}}}


@pytest.fixture
def key():
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    _key, secret = services.issue_key(by=admin, organisation=make_organisation(), name="Coral på nyhetssidan")
    return secret


def post(client, body, key: str | None, path: str = ANALYZE):  # type: ignore[no-untyped-def]
    address = f"{path}?key={key}" if key else path
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(address, data=data, content_type="application/json")


def perspective_client_reads(answer: dict, requested: list[str]) -> dict[str, float]:
    """What a client written for Perspective reads, checked against the response format its
    documentation gives: a summary score per attribute, spans if asked for, languages."""
    assert set(answer) <= {"attributeScores", "languages", "detectedLanguages", "clientToken", "omdomeTriage"}
    scores = {}
    for name, entry in answer["attributeScores"].items():
        assert name in requested and set(entry) <= {"summaryScore", "spanScores"}
        summary = entry["summaryScore"]
        assert set(summary) == {"value", "type"} and summary["type"] == "PROBABILITY"
        assert isinstance(summary["value"], float | int) and 0 <= summary["value"] <= 1
        for span in entry.get("spanScores", []):
            assert isinstance(span["begin"], int) and isinstance(span["end"], int) and span["begin"] < span["end"]
            assert span["score"]["type"] == "PROBABILITY" and 0 <= span["score"]["value"] <= 1
        scores[name] = float(summary["value"])
    assert all(isinstance(x, str) for x in answer["languages"] + answer.get("detectedLanguages", []))
    return scores


def test_the_documented_request_is_answered_as_a_perspective_client_expects(client, key):
    answer = post(client, GET_STARTED, key)
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/json")
    body = answer.json()
    scores = perspective_client_reads(body, ["TOXICITY"])
    assert scores["TOXICITY"] > 0.5  # "idiot": more toxic than not
    assert body["languages"] == ["en"] and body["detectedLanguages"] == ["en"]
    # Coral reads exactly this path of the answer.
    assert body["attributeScores"]["TOXICITY"]["summaryScore"]["value"] == scores["TOXICITY"]


def test_a_polite_swedish_comment_scores_low_and_its_language_is_detected(client, key):
    body = post(client, {"comment": {"text": "Tack för att ni plogade vår gata så tidigt i morse!"},
                         "requestedAttributes": {a: {} for a in ("TOXICITY", "SEVERE_TOXICITY", "INSULT", "THREAT",
                                                                  "PROFANITY", "IDENTITY_ATTACK", "SPAM")}},
                key).json()
    scores = perspective_client_reads(body, list(body["attributeScores"]))
    assert len(scores) == 7 and max(scores.values()) < 0.3
    assert body["languages"] == ["sv"] and body["detectedLanguages"] == ["sv"]


def test_threats_spam_and_swearing_score_on_their_own_attributes(client, key):
    def scores(text: str) -> dict[str, float]:
        body = post(client, {"comment": {"text": text},
                             "requestedAttributes": {"THREAT": {}, "SPAM": {}, "PROFANITY": {}}}, key).json()
        return perspective_client_reads(body, ["THREAT", "SPAM", "PROFANITY"])

    threat = scores("Jag vet var du bor, akta dig.")
    spam = scores("KÖP BILLIGA SOLGLASÖGON på www.sunnyshades.xyz, bara idag!")
    swearing = scores("Helvete vad bra det blev med nya lekplatsen, tack!")
    assert threat["THREAT"] > 0.9 > spam["THREAT"]
    assert spam["SPAM"] > 0.9 > threat["SPAM"]
    assert swearing["PROFANITY"] >= 0.9 > threat["PROFANITY"]


def test_span_annotations_thresholds_and_the_client_token(client, key):
    body = post(client, {**METHODS_EXAMPLE, "requestedAttributes": {"TOXICITY": {"scoreThreshold": 0.0},
                                                                   "SPAM": {"scoreThreshold": 0.9}},
                         "spanAnnotations": True, "clientToken": "comment-53922", "sessionId": "s1"}, key).json()
    perspective_client_reads(body, ["TOXICITY", "SPAM"])
    assert "SPAM" not in body["attributeScores"]  # below its threshold: left out, as Perspective does
    spans = body["attributeScores"]["TOXICITY"]["spanScores"]
    assert [(s["begin"], s["end"]) for s in spans] == [(0, 31), (32, 56)]
    insult, apology = (span["score"]["value"] for span in spans)
    assert insult >= 0.7 and insult > apology
    assert body["clientToken"] == "comment-53922"


def test_omdomes_own_attributes_give_the_rule_5_category_action_and_urgency(client, key):
    body = post(client, {"comment": {"text": "Varför har ingen tömt soptunnorna på Ekvägen på tre veckor?"},
                         "requestedAttributes": {"OMDOME_TRIAGE": {}, "OMDOME_COMPLAINT": {}}}, key).json()
    perspective_client_reads(body, ["OMDOME_TRIAGE", "OMDOME_COMPLAINT"])
    triage = body["omdomeTriage"]
    assert triage["category"] == "complaint" and triage["action"] == "follow_up"
    assert triage["urgency"] in ("normal", "high") and isinstance(triage["reasons"], list)
    assert body["attributeScores"]["OMDOME_COMPLAINT"]["summaryScore"]["value"] > 0.5


@pytest.mark.parametrize(("body", "status", "error_type", "words"), [
    (METHODS_EXAMPLE, 400, "INVALID_REQUEST", "Unknown requested attribute: UNSUBSTANTIAL"),
    ({**GET_STARTED, "languages": ["fr"]}, 400, "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
     "does not support request languages: fr"),
    ({**GET_STARTED, "requestedAttributes": {}}, 400, "NO_REQUESTED_ATTRIBUTES", "requestedAttributes"),
    ({**GET_STARTED, "comment": {"text": "   "}}, 400, "COMMENT_EMPTY", "non-empty"),
    ({**GET_STARTED, "comment": {"text": "å" * 10_241}}, 400, "COMMENT_TOO_LONG", "20480 bytes"),
    ({**GET_STARTED, "comment": {"text": "hej", "type": "MARKDOWN"}}, 400, "INVALID_REQUEST", "Unknown text type"),
    ({**GET_STARTED, "requestedAttributes": {"TOXICITY": {"scoreThreshold": 2}}}, 400, "INVALID_REQUEST",
     "scoreThreshold"),
    ({**GET_STARTED, "doNotStore": "yes"}, 400, "INVALID_REQUEST", "doNotStore"),
    (b"{not json", 400, "INVALID_REQUEST", "not JSON"),
    (b"[1, 2]", 400, "INVALID_REQUEST", "JSON object"),
    ({"comment": {"text": "a\x00b"}, "requestedAttributes": {"TOXICITY": {}}}, 400, "INVALID_REQUEST", "NUL"),
])
def test_bad_requests_get_perspectives_error_types(client, key, body, status, error_type, words):
    answer = post(client, body, key)
    error = answer.json()["error"]
    assert answer.status_code == status == error["code"] and error["status"] == "INVALID_ARGUMENT"
    assert error["details"][0]["errorType"] == error_type and words in error["message"]


def test_unsupported_languages_can_be_dropped_instead_of_refused(client, key):
    body = post(client, {**GET_STARTED, "languages": ["de"], "dropUnsupportedAttributes": True}, key).json()
    assert body["attributeScores"] == {} and body["languages"] == ["de"]
    # Tags as clients write them are understood: Norwegian as "no", Swedish with a region.
    for tag in ("no", "sv-SE", "da", "en-GB", "nb"):
        assert post(client, {**GET_STARTED, "languages": [tag]}, key).status_code == 200


def test_html_comments_are_read_as_their_text(client, key):
    body = post(client, {"comment": {"text": "<p>Ni är <b>idioter</b> &amp; lögnare</p>", "type": "HTML"},
                         "requestedAttributes": {"INSULT": {}}, "spanAnnotations": True}, key).json()
    assert perspective_client_reads(body, ["INSULT"])["INSULT"] > 0.7


def test_keys_are_required_checked_limited_and_counted(client, key, settings, caplog):
    # Limits count per clock minute: a minute that turned between the header request and the four
    # after it would start a new count, so the test starts early in a minute.
    if time.time() % 60 > 45:
        time.sleep(60.5 - time.time() % 60)
    missing = post(client, GET_STARTED, None)
    assert missing.status_code == 403 and missing.json()["error"]["status"] == "PERMISSION_DENIED"
    wrong = post(client, GET_STARTED, "omdAnot-a-key-at-all")
    assert wrong.status_code == 400 and "API key not valid" in wrong.json()["error"]["message"]
    assert "unknown or revoked key omdAnot-" in caplog.text
    header = client.post(ANALYZE, data=json.dumps(GET_STARTED), content_type="application/json",
                         headers={"X-Goog-Api-Key": key})
    assert header.status_code == 200
    stored = AnalysisKey.objects.get()
    stored.per_minute = 3
    stored.save()
    answers = [post(client, GET_STARTED, key).status_code for _ in range(4)]
    assert answers == [200, 200, 429, 429]  # 1 by header + 2 here, then the limit
    refused = post(client, GET_STARTED, key)
    assert refused.json()["error"]["status"] == "RESOURCE_EXHAUSTED" and int(refused["Retry-After"]) <= 60
    services.usage.flush()
    stored.refresh_from_db()
    assert stored.requests == 3 and stored.last_used is not None  # the answered ones; refused ones are not


def test_do_not_store_is_honoured_and_otherwise_the_comment_reaches_the_inbox(client):
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    organisation = make_organisation()
    _k, secret = services.issue_key(by=admin, organisation=organisation, name="Forumet", keep_in_inbox=True)
    text = "Ingen har svarat på mitt mejl om bygglovet på tre veckor."
    post(client, {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}, "doNotStore": True}, secret)
    assert not Message.objects.exists()
    for _ in range(2):  # delivered twice with the same client token: kept once
        post(client, {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}},
                      "clientToken": "forum-post-77", "communityId": "forum/bygglov"}, secret)
    message = Message.objects.get()
    assert (message.source, message.organisation, message.author, message.text) == (
        Source.API, organisation, "Forumet", text)
    assert message.category == "complaint" and message.action == "follow_up"
    assert AuditEntry.objects.filter(action="message.received").count() == 1
    admin_client = client
    admin_client.login(username="ulla", password=PASSWORD)
    inbox = admin_client.get("/inbox/")
    assert text[:40] in inbox.content.decode()


def test_a_key_that_keeps_nothing_stores_nothing_even_without_do_not_store(client, key):
    post(client, {"comment": {"text": "Ingen har svarat på mitt mejl på tre veckor."},
                  "requestedAttributes": {"TOXICITY": {}}}, key)
    assert not Message.objects.exists()


def test_suggested_scores_are_taken_and_logged(client, key):
    body = {"comment": {"text": "I guess it comes down a simple choice: Get busy living, or get busy dying."},
            "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0}}}, "communityId": "/forum/movies",
            "clientToken": "comment-53922"}
    answer = post(client, body, key, path="/v1alpha1/comments:suggestscore")
    assert answer.status_code == 200 and answer.json() == {"clientToken": "comment-53922"}
    entry = AuditEntry.objects.get(action="analysis.suggested")
    assert entry.data["scores"] == {"TOXICITY": 0.0} and entry.data["text"] == ""  # this key keeps no text


def test_only_post_is_answered(client, key):
    answer = client.get(f"{ANALYZE}?key={key}")
    assert answer.status_code == 405 and answer.json()["error"]["code"] == 405


def test_an_administrator_issues_sees_and_revokes_keys(client):
    make_user("ulla", "admin", real_name="Ulla Berg")
    client.login(username="ulla", password=PASSWORD)
    page = client.post("/analysis-keys/", {"name": "Coral", "per_minute": "120", "keep_in_inbox": "on"})
    secret = page.context["secret"]
    assert secret and secret in page.content.decode() and len(secret) == 39
    stored = AnalysisKey.objects.get()
    assert stored.digest != secret and stored.per_minute == 120 and stored.keep_in_inbox
    assert post(client, GET_STARTED, secret).status_code == 200
    assert AuditEntry.objects.filter(action="analysis_key.issued").exists()
    listed = client.get("/analysis-keys/").content.decode()
    assert secret not in listed and stored.prefix in listed and ">1<" in listed  # one request counted
    client.post(f"/analysis-keys/{stored.pk}/revoke/")
    assert post(client, GET_STARTED, secret).status_code == 400  # revoked: refused at once in this process
    assert AuditEntry.objects.filter(action="analysis_key.revoked").exists()


def test_only_an_administrator_manages_keys(client):
    make_user("karin", "communicator")
    client.login(username="karin", password=PASSWORD)
    assert client.get("/analysis-keys/").status_code == 403
    assert client.post("/analysis-keys/", {"name": "x", "per_minute": "5"}).status_code == 403
    assert not AnalysisKey.objects.exists()
