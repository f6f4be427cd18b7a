"""Channels: the organisation's accounts on other platforms, fetched or pushed into the inbox.

The platforms' APIs are played back by a local server from recorded exchanges built from their
documented shapes (tests/web/replay.py); nothing here reaches the network.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from omdome.web.channels import services
from omdome.web.channels.models import Channel, ChannelItem
from omdome.web.core.errors import ServiceError
from omdome.web.core.models import AuditEntry
from omdome.web.messages.models import Message, Source
from web.factories import PASSWORD, make_organisation, make_user
from web.factories import PASSWORD as PASSWORD_WEB
from web.replay import DATA, Replay

pytestmark = pytest.mark.django_db

PAGE_ID = "104567890123456"
APP_SECRET = "fb-app-secret-0123456789abcdef"
VERIFY = "a-long-verify-token-for-meta-0001"


@pytest.fixture
def admin():
    return make_user("ulla", "admin", real_name="Ulla Berg")


@pytest.fixture
def mastodon_api():
    replay = Replay("mastodon.json")
    yield replay
    replay.close()


@pytest.fixture
def graph_api(settings):
    replay = Replay("facebook.json")
    settings.OMDOME_GRAPH_URL = replay.url
    yield replay
    replay.close()


@pytest.fixture
def facebook(admin):
    return services.add_channel(by=admin, organisation=make_organisation(), platform="facebook",
                                name="Sundby kommun på Facebook",
                                values={"page_id": PAGE_ID, "page_token": "EAAB-page-token", "app_secret": APP_SECRET,
                                        "verify_token": VERIFY})


@pytest.fixture
def mastodon(admin, mastodon_api):
    return services.add_channel(by=admin, organisation=make_organisation(), platform="mastodon",
                                name="Sundby på Mastodon",
                                values={"instance": mastodon_api.url, "access_token": "mastodon-token-123"})


def signed_push(client, channel, body: bytes, secret: str = APP_SECRET):  # type: ignore[no-untyped-def]
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return client.post(f"/channels/push/{channel.token}/", data=body, content_type="application/json",
                       headers={"X-Hub-Signature-256": signature})


def test_metas_subscription_check_is_answered_only_with_the_verify_token(client, facebook):
    ok = client.get(f"/channels/push/{facebook.token}/",
                    {"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158201444"})
    assert ok.status_code == 200 and ok.content == b"1158201444"
    wrong = client.get(f"/channels/push/{facebook.token}/",
                       {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"})
    assert wrong.status_code == 403


def test_a_signed_facebook_comment_reaches_the_inbox_triaged_with_its_channel(client, facebook, admin):
    body = (DATA / "facebook-webhook.json").read_bytes()
    answer = signed_push(client, facebook, body)
    assert answer.status_code == 200 and answer.json() == {"stored": 1}  # the page's own reply and the edit left out
    message = Message.objects.get()
    assert (message.source, message.category, message.action) == (Source.FACEBOOK, "complaint", "follow_up")
    assert (message.author, message.author_handle) == ("Karin Berg", "6300123456789")
    assert message.published_at == datetime.fromtimestamp(1764756000, UTC)
    item = ChannelItem.objects.get()
    assert item.external_id == "104567890123456_987654321_112233445566"
    assert item.parent_external_id == "104567890123456_987654321" and item.raw["value"]["verb"] == "add"
    assert signed_push(client, facebook, body).json() == {"stored": 0}  # delivered again: kept once
    assert Message.objects.count() == 1
    client.login(username="ulla", password=PASSWORD)
    inbox = client.get("/inbox/").content.decode()
    assert "Varför har ingen tömt soptunnorna" in inbox and "Facebook" in inbox


def test_a_forged_facebook_push_is_refused_and_logged(client, facebook, caplog):
    body = (DATA / "facebook-webhook.json").read_bytes()
    forged = signed_push(client, facebook, body, secret="not-the-app-secret")
    unsigned = client.post(f"/channels/push/{facebook.token}/", data=body, content_type="application/json")
    assert forged.status_code == unsigned.status_code == 401
    assert not Message.objects.exists() and "refused a push" in caplog.text
    assert AuditEntry.objects.filter(action="channel.push_refused").count() == 2


def test_mastodon_mentions_are_fetched_once_from_the_cursor_on(mastodon, mastodon_api):
    first = services.sync(mastodon.pk)
    assert (first.stored, first.seen, first.error) == (2, 2, "")  # the favourite is not a message
    mastodon.refresh_from_db()
    assert mastodon.cursor == "34975861" and mastodon.failures == 0 and mastodon.last_sync is not None
    lamp = Message.objects.get(external_id=f"{mastodon.pk}:113590021")
    assert lamp.source == Source.MASTODON and lamp.category == "complaint"
    assert lamp.text.startswith("@sundbykommun Gatlyktorna på Ekvägen") and "<" not in lamp.text
    assert (lamp.author, lamp.author_handle, lamp.permalink) == (
        "Lena Ek", "@lena@social.example", "https://social.example/@lena/113590021")
    thanks = Message.objects.get(external_id=f"{mastodon.pk}:113589650")
    assert thanks.category == "praise" and "cykelbanan så tidigt!\nBästa kommunen." in thanks.text
    again = services.sync(mastodon.pk)
    assert (again.stored, again.seen) == (0, 0) and Message.objects.count() == 2
    asked = [r for r in mastodon_api.requests if r["path"] == "/api/v1/notifications"]
    assert asked[-1]["query"]["min_id"] == ["34975861"]
    assert all(r["headers"]["Authorization"] == "Bearer mastodon-token-123" for r in asked)


def test_a_rate_limited_or_refused_sync_backs_off_and_says_why(mastodon, mastodon_api):
    mastodon_api.overrides.append({"method": "GET", "path": "/api/v1/notifications", "status": 429,
                                   "headers": {"Retry-After": "120"}, "response": {"error": "Too many requests"}})
    before = timezone.now()
    failed = services.sync(mastodon.pk, now=before)
    mastodon.refresh_from_db()
    assert "429" in failed.error and mastodon.failures == 1
    assert mastodon.next_attempt == before + timedelta(seconds=120)
    assert mastodon.pk not in services.due(before + timedelta(seconds=60))
    assert mastodon.pk in services.due(before + timedelta(seconds=121))
    for status in (401, 401):
        mastodon_api.overrides.append({"method": "GET", "path": "/api/v1/notifications", "status": status,
                                       "response": {"error": "The access token is invalid"}})
        services.sync(mastodon.pk, now=before)
    mastodon.refresh_from_db()
    assert mastodon.failures == 3 and "access token is invalid" in mastodon.last_error
    assert mastodon.next_attempt == before + timedelta(minutes=4)  # 1, 2, 4 minutes: doubling
    assert services.sync(mastodon.pk).stored == 2  # working again: everything came, nothing was lost
    mastodon.refresh_from_db()
    assert mastodon.failures == 0 and mastodon.last_error == ""


def test_credentials_are_encrypted_and_never_shown(client, admin, mastodon_api):
    client.login(username="ulla", password=PASSWORD)
    missing = client.post("/channels/", {"platform": "mastodon", "name": "Sundby på Mastodon",
                                         "mastodon__instance": mastodon_api.url})
    assert missing.status_code == 200 and missing.context["form"].errors["mastodon__access_token"]
    page = client.post("/channels/", {"platform": "mastodon", "name": "Sundby på Mastodon",
                                      "mastodon__instance": mastodon_api.url,
                                      "mastodon__access_token": "secret-token-xyz",
                                      "facebook__page_id": "ignored: not the chosen platform"}, follow=True)
    channel = Channel.objects.get()
    assert channel.options == {"instance": mastodon_api.url}
    assert "secret-token-xyz" not in channel.sealed_credentials and "secret-token-xyz" not in json.dumps(
        channel.options)
    assert "secret-token-xyz" not in page.content.decode()
    tested = client.post(f"/channels/{channel.pk}/test/", follow=True).content.decode()
    assert "@sundbykommun" in tested
    listed = client.get("/channels/").content.decode()
    assert "Mastodon" in listed and "Facebook" in listed and "secret-token-xyz" not in listed
    assert AuditEntry.objects.filter(action="channel.added").exists()


def test_a_channel_needs_what_its_platform_needs(admin):
    with pytest.raises(ServiceError) as no_token:
        services.add_channel(by=admin, organisation=make_organisation(), platform="mastodon", name="M",
                             values={"instance": "https://mastodon.example"})
    with pytest.raises(ServiceError, match="https://") as plain_http:
        services.add_channel(by=admin, organisation=make_organisation(), platform="mastodon", name="M",
                             values={"instance": "http://mastodon.example", "access_token": "t"})
    assert (no_token.value.field, plain_http.value.field) == ("access_token", "instance")


def test_only_an_administrator_manages_channels(client):
    make_user("karin", "communicator")
    client.login(username="karin", password=PASSWORD)
    assert client.get("/channels/").status_code == 403
    assert client.post("/channels/", {"platform": "mastodon", "name": "x"}).status_code == 403


def communicator():  # type: ignore[no-untyped-def]
    return make_user("karin", "communicator", real_name="Karin Ek", role="Kommunikatör",
                     permissions=("reply_as_staff",))


def test_a_reply_to_a_facebook_comment_goes_out_after_the_draft_check(client, facebook, graph_api):
    signed_push(client, facebook, (DATA / "facebook-webhook.json").read_bytes())
    message = Message.objects.get()
    communicator()
    client.login(username="karin", password=PASSWORD)
    page = client.get(f"/channels/reply/{message.pk}/?suggested=1").content.decode()
    assert "Varför har ingen tömt soptunnorna" in page and "/Karin Ek, Kommunikatör" in page
    # A reply with a personnummer in it is held back by the draft check: nothing reaches Facebook.
    held = client.post(f"/channels/reply/{message.pk}/", {"text": "Hej! Är det du som har personnummer "
                                                                   "19811218-9876? Vi kollar."})
    assert held.status_code == 200 and "think-twice" in held.content.decode()
    assert not [r for r in graph_api.requests if r["method"] == "POST"]
    sent = client.post(f"/channels/reply/{message.pk}/", {"text": "Hej Karin! Tack, vi har skickat en bil "
                                                                   "till Ekvägen i dag."})
    assert sent.status_code == 302
    posted = [r for r in graph_api.requests if r["method"] == "POST"]
    assert posted[0]["path"] == "/v21.0/104567890123456_987654321_112233445566/comments"
    assert posted[0]["form"]["message"] == ["Hej Karin! Tack, vi har skickat en bil till Ekvägen i dag.\n\n"
                                            "/Karin Ek, Kommunikatör"]
    reply = Message.objects.get(direction="out")
    assert reply.status == "published" and reply.external_id.endswith("112233449999")
    assert reply.channel_item.parent_external_id == "104567890123456_987654321_112233445566"
    assert AuditEntry.objects.filter(action="channel.replied").exists()


def test_a_reply_to_a_mastodon_mention_goes_out_as_a_reply_and_a_refusal_is_kept_out(client, mastodon, mastodon_api):
    services.sync(mastodon.pk)
    message = Message.objects.get(external_id=f"{mastodon.pk}:113590021")
    communicator()
    client.login(username="karin", password=PASSWORD)
    mastodon_api.overrides.append({"method": "POST", "path": "/api/v1/statuses", "status": 422,
                                   "response": {"error": "Validation failed: Text character limit of 500 exceeded"}})
    refused = client.post(f"/channels/reply/{message.pk}/", {"text": "Tack Lena, vi lagar lyktorna i veckan."})
    assert refused.status_code == 200 and "character limit" in refused.content.decode()
    assert not Message.objects.filter(direction="out").exists()  # nothing half-sent left behind
    assert AuditEntry.objects.filter(action="channel.reply_failed").exists()
    client.post(f"/channels/reply/{message.pk}/", {"text": "Tack Lena, vi lagar lyktorna i veckan."})
    status = json.loads([r for r in mastodon_api.requests if r["method"] == "POST"][-1]["body"])
    signed = "@lena@social.example Tack Lena, vi lagar lyktorna i veckan.\n\n/Karin Ek, Kommunikatör"
    assert status == {"status": signed, "in_reply_to_id": "113590021", "visibility": "unlisted"}
    assert Message.objects.get(direction="out").permalink == "https://mastodon.example/@sundbykommun/113590500"


def test_a_hateful_message_gets_rule_5s_advice_before_any_reply(client, facebook, graph_api):
    body = json.dumps({"object": "page", "entry": [{"id": PAGE_ID, "time": 1764756000, "changes": [{
        "field": "feed", "value": {"from": {"id": "1", "name": "Troll"}, "item": "comment", "verb": "add",
                                   "comment_id": "104567890123456_987654321_112233445566",
                                   "post_id": "104567890123456_987654321", "created_time": 1764756000,
                                   "message": "Ni är ena jävla idioter allihop på kommunen"}}]}]}).encode()
    signed_push(client, facebook, body)
    message = Message.objects.get()
    communicator()
    client.login(username="karin", password=PASSWORD)
    first = client.post(f"/channels/reply/{message.pk}/", {"text": "Vi förstår att du är arg."})
    assert first.status_code == 200 and not [r for r in graph_api.requests if r["method"] == "POST"]
    seen = first.context["form"].data["confirmed_for"]  # the writer saw the think-twice panel
    again = client.post(f"/channels/reply/{message.pk}/", {"text": "Vi förstår att du är arg.", "confirmed_for": seen})
    assert again.status_code == 302 and [r for r in graph_api.requests if r["method"] == "POST"]


@pytest.fixture
def mail_servers():
    from web.mailservers import Imap, Smtp

    imap, smtp = Imap(), Smtp()
    yield imap, smtp
    imap.stop()
    smtp.stop()


@pytest.mark.slow
def test_an_email_round_trip_through_real_imap_and_smtp_servers(client, admin, mail_servers):
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    from web.mailservers import ADDRESS, PASSWORD

    imap, smtp = mail_servers
    channel = services.add_channel(by=admin, organisation=make_organisation(), platform="email",
                                   name="Kontaktcenter", values={
                                       "address": ADDRESS, "imap_host": "127.0.0.1", "imap_port": str(imap.port),
                                       "smtp_host": "127.0.0.1", "smtp_port": str(smtp.port), "username": ADDRESS,
                                       "security": "none", "password": PASSWORD})
    assert services.test_connection(channel) == ADDRESS
    first = EmailMessage()
    first["From"], first["To"], first["Subject"] = "Lena Ek <lena@example.se>", ADDRESS, "Gatlyktorna på Ekvägen"
    first["Message-ID"], first["Date"] = "<lykta-1@example.se>", "Thu, 03 Dec 2026 09:15:00 +0100"
    first.set_content("Hej!\n\nGatlyktorna på Ekvägen har varit släckta i tre veckor. Ingen har svarat på min "
                      "felanmälan.\n\nLena\n\nOn Mon, 30 Nov 2026, Sundby kommun wrote:\n> Tack för din felanmälan.")
    imap.deliver(first)
    assert services.sync(channel.pk).stored == 1
    message = Message.objects.get()
    assert (message.source, message.category, message.author, message.author_handle) == (
        Source.EMAIL, "complaint", "Lena Ek", "lena@example.se")
    assert message.text.endswith("Lena") and "Tack för din felanmälan" not in message.text  # the quote left out
    assert message.channel_item.external_id == "<lykta-1@example.se>"
    assert "Gatlyktorna" in message.channel_item.raw["source"]
    assert services.sync(channel.pk).stored == 0  # the cursor moved on: nothing twice
    second = EmailMessage()
    second["From"], second["To"], second["Subject"] = "olle@example.se", ADDRESS, "Tack"
    second["Message-ID"] = "<tack-2@example.se>"
    second.set_content("Tack för att ni plogade så tidigt i morse!")
    imap.deliver(second)
    assert services.sync(channel.pk).stored == 1 and Message.objects.count() == 2

    communicator()
    client.login(username="karin", password=PASSWORD_WEB)
    held = client.post(f"/channels/reply/{message.pk}/", {"text": "Hej Lena, ring mig på 070-123 45 67 så "
                                                                   "tar vi det. Mitt personnummer är 19811218-9876."})
    assert held.status_code == 200 and not smtp.received  # the draft check stopped it
    sent = client.post(f"/channels/reply/{message.pk}/", {"text": "Hej Lena! Tack, vi lagar lyktorna i veckan."})
    assert sent.status_code == 302 and len(smtp.received) == 1
    sender, recipients, content = smtp.received[0]
    mail = message_from_bytes(content, policy=policy.default)
    assert (sender, recipients) == (ADDRESS, ["lena@example.se"])
    assert mail["Subject"] == "Re: Gatlyktorna på Ekvägen" and mail["In-Reply-To"] == "<lykta-1@example.se>"
    body = mail.get_content().replace("\r\n", "\n")
    assert body.startswith("Hej Lena! Tack, vi lagar lyktorna i veckan.\n\n/Karin Ek, Kommunikatör")
    reply = Message.objects.get(direction="out")
    assert reply.source == Source.EMAIL and reply.external_id.endswith(mail["Message-ID"])


def test_mail_without_tls_only_to_this_machine(admin):
    values = {"address": "kontakt@sundby.se", "imap_host": "imap.example.se", "imap_port": "143",
              "smtp_host": "smtp.example.se", "smtp_port": "25", "username": "kontakt", "security": "none",
              "password": "x"}
    with pytest.raises(ServiceError) as plain:
        services.add_channel(by=admin, organisation=make_organisation(), platform="email", name="E", values=values)
    with pytest.raises(ServiceError) as port:
        services.add_channel(by=admin, organisation=make_organisation(), platform="email", name="E",
                             values={**values, "security": "tls", "imap_port": "imap"})
    assert (plain.value.field, port.value.field) == ("security", "imap_port")


IG_USER = "17841400000000001"


def test_an_instagram_comment_by_webhook_a_reply_and_hiding(client, admin):
    replay = Replay("instagram.json")
    try:
        from django.test import override_settings

        with override_settings(OMDOME_GRAPH_URL=replay.url):
            channel = services.add_channel(by=admin, organisation=make_organisation(), platform="instagram",
                                           name="Sundby på Instagram", values={
                                               "ig_user_id": IG_USER, "page_token": "IGQ-token",
                                               "app_secret": APP_SECRET, "verify_token": VERIFY})
            answer = signed_push(client, channel, (DATA / "instagram-webhook.json").read_bytes())
            assert answer.json() == {"stored": 1}  # the account's own reply left out
            message = Message.objects.get()
            assert (message.source, message.category, message.author_handle) == (Source.INSTAGRAM, "praise",
                                                                                  "@lena.ek")
            assert services.test_connection(channel) == "@sundbykommun"
            communicator()
            client.login(username="karin", password=PASSWORD)
            assert client.post(f"/channels/reply/{message.pk}/", {"text": "Tack Lena, vad roligt!"}).status_code == 302
            connector = services.connector_for(channel)
            connector.hide(services._item_of(message.channel_item), True)
        posted = [r for r in replay.requests if r["method"] == "POST"]
        assert posted[0]["path"] == "/v21.0/17870000000000001/replies"
        assert posted[0]["form"]["message"] == ["Tack Lena, vad roligt!\n\n/Karin Ek, Kommunikatör"]
        assert posted[1]["form"]["hide"] == ["true"]
    finally:
        replay.close()


def test_youtube_comments_are_fetched_newest_first_down_to_the_cursor_and_answered(client, admin, settings):
    replay = Replay("youtube.json")
    settings.OMDOME_GOOGLE_API_URL, settings.OMDOME_GOOGLE_TOKEN_URL = replay.url, f"{replay.url}/token"
    try:
        channel = services.add_channel(by=admin, organisation=make_organisation(), platform="youtube",
                                       name="Sundby på YouTube", values={
                                           "channel_id": "UCsundby000000000000000", "client_id": "cid",
                                           "client_secret": "csecret", "refresh_token": "1//refresh"})
        assert services.test_connection(channel) == "Sundby kommun"
        first = services.sync(channel.pk)
        assert (first.stored, first.error) == (3, "")  # two pages
        channel.refresh_from_db()
        assert channel.cursor == "2026-12-03T10:00:00Z"
        question = Message.objects.get(external_id=f"{channel.pk}:UgzComment2")
        assert question.source == Source.YOUTUBE and question.category == "question"
        assert question.permalink == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzComment2"
        assert services.sync(channel.pk).stored == 0  # nothing newer than the cursor
        token_requests = [r for r in replay.requests if r["path"] == "/token"]
        assert token_requests[0]["form"]["refresh_token"] == ["1//refresh"]
        assert all(r["headers"].get("Authorization") == "Bearer ya29.a0-access"
                   for r in replay.requests if r["path"].startswith("/youtube/"))
        communicator()
        client.login(username="karin", password=PASSWORD)
        client.post(f"/channels/reply/{question.pk}/", {"text": "Hej! Biblioteket har öppet till 16 på fredagar."})
        inserted = json.loads([r for r in replay.requests if r["path"] == "/youtube/v3/comments"][0]["body"])
        assert inserted == {"snippet": {"parentId": "UgzComment2", "textOriginal":
                                        "Hej! Biblioteket har öppet till 16 på fredagar.\n\n/Karin Ek, Kommunikatör"}}
        services.connector_for(channel).hide(services._item_of(question.channel_item), True)
        assert [r for r in replay.requests if r["path"] == "/youtube/v3/comments/setModerationStatus"]
    finally:
        replay.close()


@pytest.mark.parametrize("path", ["/comments/feed/", "/comments/atom/"])
def test_a_sites_comment_feed_is_read_and_cannot_be_answered(client, admin, path):
    replay = Replay("feed.json")
    try:
        channel = services.add_channel(by=admin, organisation=make_organisation(), platform="feed",
                                       name="Sundbybladet", values={"url": f"{replay.url}{path}"})
        assert services.test_connection(channel).startswith("Kommentarer")
        assert services.sync(channel.pk).stored >= 1 and services.sync(channel.pk).stored == 0
        bus = Message.objects.get(text__startswith="Bussen kom inte")
        assert (bus.source, bus.category, bus.author) == (Source.FEED, "complaint", "Per")
        assert bus.permalink.endswith("41") and "<p>" not in bus.text
        communicator()
        client.login(username="karin", password=PASSWORD)
        refused = client.post(f"/channels/reply/{bus.pk}/", {"text": "Tack!"})
        assert refused.status_code == 200 and not [r for r in replay.requests if r["method"] == "POST"]
    finally:
        replay.close()


def test_a_communicator_hides_a_facebook_comment_and_shows_it_again(client, facebook, graph_api):
    signed_push(client, facebook, (DATA / "facebook-webhook.json").read_bytes())
    message = Message.objects.get()
    communicator()
    client.login(username="karin", password=PASSWORD)
    inbox = client.get("/inbox/").content.decode()
    assert f"/channels/hide/{message.pk}/" in inbox
    graph_api.exchanges.append({"method": "POST", "path": "/v21.0/104567890123456_987654321_112233445566",
                                "params": {"is_hidden": "false"}, "response": {"success": True}})
    client.post(f"/channels/hide/{message.pk}/", {"hidden": "1"})
    message.refresh_from_db()
    assert message.status == "hidden"
    client.post(f"/channels/hide/{message.pk}/", {"hidden": "0"})
    message.refresh_from_db()
    assert message.status == "published"
    sent = [r["form"]["is_hidden"] for r in graph_api.requests if r["method"] == "POST"]
    assert sent == [["true"], ["false"]]
    assert [e.action for e in AuditEntry.objects.filter(action__startswith="channel.h").order_by("pk")] + [
        e.action for e in AuditEntry.objects.filter(action="channel.shown")] == ["channel.hidden", "channel.shown"]


def test_mastodon_cannot_hide_and_says_so(client, mastodon):
    services.sync(mastodon.pk)
    message = Message.objects.first()
    communicator()
    client.login(username="karin", password=PASSWORD)
    answer = client.post(f"/channels/hide/{message.pk}/", {"hidden": "1"}, follow=True).content.decode()
    message.refresh_from_db()
    assert message.status == "published" and ("Mastodon" in answer)


def test_a_switched_off_channel_fetches_nothing_and_refuses_pushes_until_switched_on(client, admin, facebook,
                                                                                   mastodon, mastodon_api):
    client.login(username="ulla", password=PASSWORD)
    for channel in (facebook, mastodon):
        client.post(f"/channels/{channel.pk}/switch/", {"on": "0"})
    assert services.sync(mastodon.pk).stored == 0 and mastodon.pk not in services.due()
    assert signed_push(client, facebook, (DATA / "facebook-webhook.json").read_bytes()).status_code == 404
    assert "switched off" in client.get("/channels/").content.decode() or "avstängd" in client.get(
        "/channels/").content.decode()
    client.post(f"/channels/{mastodon.pk}/switch/", {"on": "1"})
    assert services.sync(mastodon.pk).stored == 2
    assert AuditEntry.objects.filter(action="channel.switched_off").count() == 2
    assert AuditEntry.objects.filter(action="channel.switched_on").count() == 1
