"""Channels: add an account, test it, fetch or receive its items into the inbox, back off on errors.

Items are stored with the cursor that follows them in one transaction: a sync that is killed half
way leaves the cursor where it was and nothing half-stored, and the next sync fetches the same
items again, which the platform's own ids make harmless.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.web.channels.connectors import CONNECTORS
from omdome.web.channels.connectors.base import Batch, Connector, ConnectorError, Item
from omdome.web.channels.http import Http
from omdome.web.channels.models import Channel, ChannelItem
from omdome.web.core import audit
from omdome.web.core.cleaning import BadText, clean_text, normalise, without_control
from omdome.web.core.errors import ServiceError
from omdome.web.core.models import Organisation
from omdome.web.integrations import secrets
from omdome.web.messages.models import Message
from omdome.web.messages.signals import message_decided, message_received
from omdome.web.messages.triage import apply_triage

log = logging.getLogger("omdome.channels")

SYNC_EVERY = timedelta(minutes=1)
# Plain HTTP only to this machine (a server under test, a tunnel); anything else must be HTTPS.
_LOCAL = ("http://127.0.0.1:", "http://localhost:")
BACK_OFF_MAX = timedelta(hours=1)


def add_channel(*, by, organisation: Organisation, platform: str, name: str,  # type: ignore[no-untyped-def]
                values: dict[str, str]) -> Channel:
    connector = CONNECTORS.get(platform)
    if connector is None:
        raise ServiceError("invalid", _("Choose a platform."), field="platform")
    name = " ".join(name.split())[:80]
    if not name:
        raise ServiceError("invalid", _("Name the channel, e.g. “Sundby kommun on Facebook”."), field="name")
    options, credentials = {}, {}
    for f in connector.fields:
        value = (values.get(f.name) or "").strip()
        if f.required and not value:
            raise ServiceError("invalid", _("%(field)s is needed for %(platform)s.") % {
                "field": f.label, "platform": connector.label}, field=f.name)
        (credentials if f.secret else options)[f.name] = value
    if "instance" in options and not options["instance"].startswith(("https://", *_LOCAL)):
        raise ServiceError("invalid", _("The server address must begin with https://."), field="instance")
    if options.get("security", "tls") not in ("", "tls", "none"):
        raise ServiceError("invalid", _("Security is tls or none."), field="security")
    if options.get("security") == "none" and not all(
            options.get(host) in ("127.0.0.1", "localhost") for host in ("imap_host", "smtp_host")):
        raise ServiceError("invalid", _("Mail without TLS only to servers on this machine."), field="security")
    for port in ("imap_port", "smtp_port"):
        if port in options and not (options[port].isdigit() and 0 < int(options[port]) < 65536):
            raise ServiceError("invalid", _("A port is a number from 1 to 65535."), field=port)
    with transaction.atomic():
        channel = Channel.objects.create(organisation=organisation, platform=platform, name=name, options=options,
                                         sealed_credentials=secrets.seal(json.dumps(credentials)), created_by=by)
        audit.record("channel.added", actor=by, target=channel, platform=platform, name=name)
    return channel


def connector_for(channel: Channel, http: Http | None = None) -> Connector:
    credentials = json.loads(secrets.unseal(channel.sealed_credentials))
    return CONNECTORS[channel.platform](dict(channel.options), credentials, http)


def test_connection(channel: Channel) -> str:
    """The account's name as the platform gives it; ServiceError says what failed."""
    try:
        return connector_for(channel).check()
    except (ConnectorError, secrets.UnreadableCredential, KeyError, ValueError) as error:
        raise ServiceError("channel_failed", str(error)) from None


# ---------------------------------------------------------------- incoming


@dataclass
class SyncResult:
    stored: int
    seen: int
    error: str = ""


def sync(channel_id: int, now: datetime | None = None) -> SyncResult:
    """Fetch what is new since the cursor and store it; on failure, wait longer before the next try."""
    now = now or timezone.now()
    channel = Channel.objects.select_related("organisation").get(pk=channel_id)
    if not channel.enabled or not CONNECTORS[channel.platform].capabilities.fetch:
        return SyncResult(0, 0)
    try:
        batch = connector_for(channel).fetch(channel.cursor or None)
    except (ConnectorError, secrets.UnreadableCredential) as error:
        _failed(channel, error, now)
        return SyncResult(0, 0, str(error))
    stored = store(channel, batch, now)
    return SyncResult(stored, len(batch.items))


def _failed(channel: Channel, error: Exception, now: datetime) -> None:
    failures = channel.failures + 1
    wait = timedelta(seconds=getattr(error, "retry_after", None) or 0) or min(
        BACK_OFF_MAX, SYNC_EVERY * 2 ** (failures - 1))
    log.warning("channel %s (%s) failed %d times in a row, next try in %s: %s", channel.pk, channel.platform,
                failures, wait, error)
    Channel.objects.filter(pk=channel.pk).update(failures=failures, last_error=str(error)[:1000],
                                                 next_attempt=now + wait)


def store(channel: Channel, batch: Batch, now: datetime | None = None) -> int:
    """The batch's new items as messages, and the cursor after them, together."""
    now = now or timezone.now()
    stored = 0
    with transaction.atomic():
        for item in batch.items:
            stored += _store_item(channel, item)
        fields = {"last_sync": now, "failures": 0, "last_error": "", "next_attempt": now + SYNC_EVERY}
        if batch.cursor is not None:
            fields["cursor"] = batch.cursor[:200]
        Channel.objects.filter(pk=channel.pk).update(**fields)
    return stored


def receive_push(channel: Channel, items: list[Item]) -> int:
    return store(channel, Batch(items, None))


def _store_item(channel: Channel, item: Item) -> bool:
    from omdome.web.analysis.services import triager_for

    external_id = item.external_id[:200]
    if ChannelItem.objects.filter(channel=channel, external_id=external_id).exists():
        return False
    try:
        text = clean_text(item.text, max_length=20_000, multiline=True, strip_control=True)
    except BadText:
        text = ""
    if not text.strip():
        return False  # a picture or a sticker without words: nothing for triage or a reply to read
    message = Message(organisation_id=channel.organisation_id, source=channel.platform,
                      external_id=f"{channel.pk}:{external_id}"[:200],
                      author=_line(item.author, 80) or _("unknown"), author_handle=_line(item.author_handle, 200),
                      permalink=_line(item.permalink, 1000) if item.permalink.startswith("https://") else "",
                      text=text, published_at=item.published_at or timezone.now())
    apply_triage(message, triager_for(channel.organisation_id).triage(text))
    try:
        with transaction.atomic():
            message.save(force_insert=True)
            ChannelItem.objects.create(channel=channel, message=message, external_id=external_id,
                                       parent_external_id=item.parent_external_id[:200], raw=item.raw)
            audit.record("message.received", target=message, via=f"channel {channel.pk}")
            message_received.send(sender=Message, message=message,
                                  conversation=f"{channel.platform}:{item.parent_external_id or external_id}",
                                  writer=f"{channel.platform}:{item.author_handle or item.author}")
    except IntegrityError:  # stored a moment ago by a push or another sync
        return False
    return True


def refused_push(channel: Channel, ip: str | None) -> None:
    log.warning("channel %s (%s) refused a push from %s: signature", channel.pk, channel.platform, ip)
    with transaction.atomic():
        audit.record("channel.push_refused", target=channel, ip=ip or "")


def _line(value: str, limit: int) -> str:
    return normalise(without_control(value))[:limit].strip()


def due(now: datetime | None = None) -> list[int]:
    """Channels whose platform can be fetched from and whose next attempt has come."""
    now = now or timezone.now()
    fetching = [p for p, c in CONNECTORS.items() if c.capabilities.fetch]
    return list(Channel.objects.filter(enabled=True, platform__in=fetching).exclude(next_attempt__gt=now)
                .values_list("pk", flat=True))


# ---------------------------------------------------------------- replies


def reply(*, user, message: Message, text: str, override_reason: str = "",  # type: ignore[no-untyped-def]
          confirmed: bool = False, http: Http | None = None) -> Message:
    """A staff reply posted through the message's channel, after the draft check (rules 1–4) and
    rule 5's advice, exactly as a reply on the organisation's own pages.

    The reply is recorded as "sending" before the platform is asked, and as sent after, so that a
    reply that reached the platform is never missing here; one the platform refused is removed
    again and the refusal logged.
    """
    from omdome.review.reviewer import review_draft
    from omdome.web.comments.services import NO_REPLY_CATEGORIES, DraftBlocked, ReplyNeedsConfirmation
    from omdome.web.core.errors import NotAllowed
    from omdome.web.messages.models import Direction, Status
    from omdome.web.messages.signals import reply_sent
    from omdome.web.policies.services import current_policy

    item = ChannelItem.objects.select_related("channel__organisation").filter(message=message).first()
    if item is None:
        raise ServiceError("invalid", _("This message did not come through a channel."))
    channel = item.channel
    connector = connector_for(channel, http)
    if not connector.capabilities.reply:
        raise ServiceError("cannot_reply", _("%(platform)s does not take replies from Omdöme.") % {
            "platform": connector.label})
    profile = getattr(user, "staff_profile", None)
    if not user.has_perm("comments.reply_as_staff") or profile is None or not profile.can_reply_publicly:
        raise NotAllowed("not_verified", _("Only staff with a real name and role in their profile can reply."))
    text = text.strip()
    if not text:
        raise ServiceError("invalid", _("Write the reply first."), field="text")
    review = review_draft(text, profile=profile.author_profile(), policy=current_policy(channel.organisation),
                          meaning=True)
    if review.verdict == "block" and not override_reason.strip():
        raise DraftBlocked(review)
    advice = ["rule5.no_reply"] if message.category in NO_REPLY_CATEGORIES else []
    if (review.findings or advice) and not confirmed and review.verdict != "block":
        raise ReplyNeedsConfirmation(review, advice)
    # Rule 1: who answers. Where the platform posts as the organisation's account, the reply says it.
    signed = text if connector.capabilities.reply_as_person else f"{text}\n\n/{profile.real_name}, {profile.role}"
    codes = [f.code for f in review.findings] + advice
    with transaction.atomic():
        out = Message.objects.create(
            organisation_id=channel.organisation_id, source=channel.platform, direction=Direction.OUTGOING,
            author=profile.real_name, text=signed, status=Status.PENDING, published_at=timezone.now(),
            triage={"review": review.to_dict(), "in_reply_to": message.pk})
        audit.record("channel.reply_sending", actor=user, target=out, in_reply_to=message.pk, findings=codes,
                     override_reason=override_reason.strip())
    try:
        posted = connector.reply(_item_of(item), signed)
    except ConnectorError as error:
        with transaction.atomic():
            audit.record("channel.reply_failed", actor=user, target=message, error=str(error)[:500])
            out.delete()
        raise ServiceError("channel_failed", _("%(platform)s did not take the reply: %(error)s") % {
            "platform": connector.label, "error": error}) from None
    with transaction.atomic():
        Message.objects.filter(pk=out.pk).update(
            status=Status.PUBLISHED, external_id=f"{channel.pk}:{posted.external_id}"[:200],
            permalink=posted.permalink[:1000] if posted.permalink.startswith("https://") else "")
        out.refresh_from_db()
        ChannelItem.objects.create(channel=channel, message=out, external_id=posted.external_id[:200],
                                   parent_external_id=item.external_id, raw={"posted_id": posted.external_id})
        audit.record("channel.replied", actor=user, target=out, in_reply_to=message.pk, platform=channel.platform)
        reply_sent.send(sender=Message, reply=out, in_reply_to=message)
    return out


def _item_of(item: ChannelItem) -> Item:
    message = item.message
    return Item(external_id=item.external_id, text=message.text, author=message.author,
                author_handle=message.author_handle, permalink=message.permalink,
                parent_external_id=item.parent_external_id, raw=item.raw)


def hide(*, user, message: Message, hidden: bool, http: Http | None = None) -> Message:  # type: ignore[no-untyped-def]
    """Hide a message on its platform, or show it again, where the platform allows it (never deleted)."""
    from omdome.web.core.roles import Role, require_role
    from omdome.web.messages.models import Status

    require_role(user, Role.COMMUNICATOR)
    item = ChannelItem.objects.select_related("channel").filter(message=message).first()
    if item is None:
        raise ServiceError("invalid", _("This message did not come through a channel."))
    connector = connector_for(item.channel, http)
    if not connector.capabilities.hide:
        raise ServiceError("cannot_hide", _("%(platform)s does not let anyone hide this.") % {
            "platform": connector.label})
    try:
        connector.hide(_item_of(item), hidden)
    except ConnectorError as error:
        raise ServiceError("channel_failed", _("%(platform)s did not do it: %(error)s") % {
            "platform": connector.label, "error": error}) from None
    before = message.status
    with transaction.atomic():
        message.status = Status.HIDDEN if hidden else Status.PUBLISHED
        message.save(update_fields=["status"])
        audit.record("channel.hidden" if hidden else "channel.shown", actor=user, target=message,
                     from_status=before, platform=item.channel.platform)
        message_decided.send(sender=Message, message=message, decision="hidden" if hidden else "shown", by=user)
    return message


def switch(*, by, channel: Channel, on: bool) -> Channel:  # type: ignore[no-untyped-def]
    """Switch a channel off (nothing fetched, pushes refused, its messages kept) or on again."""
    with transaction.atomic():
        channel.enabled = on
        fields = ["enabled"]
        if on:  # a fresh start: no waiting out an old back-off
            channel.failures, channel.next_attempt, channel.last_error = 0, None, ""
            fields += ["failures", "next_attempt", "last_error"]
        channel.save(update_fields=fields)
        audit.record("channel.switched_on" if on else "channel.switched_off", actor=by, target=channel)
    return channel
