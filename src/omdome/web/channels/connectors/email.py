"""E-mail: a mailbox read over IMAP (new messages since the last UID), replies sent over SMTP as
answers in the same conversation (In-Reply-To and References)."""

from __future__ import annotations

import contextlib
import email
import email.policy
import imaplib
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid, parseaddr, parsedate_to_datetime

from django.utils.translation import gettext_lazy as _

from omdome.web.channels.connectors.base import Batch, Capabilities, Connector, ConnectorError, Field, Item, Posted
from omdome.web.channels.connectors.text import plain

PER_SYNC = 200  # messages read at most in one sync; the rest next time
RAW_LIMIT = 200_000  # characters of the message source kept with the item


class Email(Connector):
    platform = "email"
    label = _("E-mail")
    capabilities = Capabilities(fetch=True, push=False, reply=True, hide=False, reply_as_person=False)
    fields = (Field("address", _("The mailbox's address, e.g. kontakt@sundby.se")),
              Field("imap_host", _("IMAP server")), Field("imap_port", _("IMAP port (993 with TLS)")),
              Field("smtp_host", _("SMTP server")), Field("smtp_port", _("SMTP port (587 with STARTTLS)")),
              Field("username", _("User name")),
              Field("security", _("Security: tls (IMAP on TLS, SMTP with STARTTLS) or none (this machine only)"),
                    required=False),
              Field("password", _("Password or app password"), secret=True))
    limits = _("Only the inbox folder is read, and messages are left unread and in place. Replies are sent from "
               "the mailbox's address and signed with the staff member's name.")

    @property
    def _tls(self) -> bool:
        return (self.options.get("security") or "tls") != "none"

    def _imap(self) -> imaplib.IMAP4:
        host, port = self.options["imap_host"], int(self.options.get("imap_port") or (993 if self._tls else 143))
        try:
            box = (imaplib.IMAP4_SSL(host, port, ssl_context=ssl.create_default_context(), timeout=30)
                   if self._tls else imaplib.IMAP4(host, port, timeout=30))
            box.login(self.options["username"], self.credentials["password"])
        except (imaplib.IMAP4.error, OSError) as error:
            raise ConnectorError(f"IMAP {host}:{port}: {error}",
                                 permanent=isinstance(error, imaplib.IMAP4.error)) from None
        return box

    def check(self) -> str:
        box = self._imap()
        try:
            status, _data = box.select("INBOX", readonly=True)
            if status != "OK":
                raise ConnectorError("IMAP: the inbox folder cannot be opened")
        finally:
            box.logout()
        return self.options["address"]

    def fetch(self, cursor: str | None) -> Batch:
        """Messages with a UID after the cursor (``<uidvalidity>:<last uid>``). A new UIDVALIDITY means
        the server renumbered the folder: everything is read again, and the Message-IDs keep it once."""
        box = self._imap()
        try:
            if box.select("INBOX", readonly=True)[0] != "OK":
                raise ConnectorError("IMAP: the inbox folder cannot be opened")
            validity = (box.response("UIDVALIDITY")[1] or [b"0"])[0].decode()
            known_validity, _sep, last = (cursor or "").partition(":")
            after = int(last) if known_validity == validity and last.isdigit() else 0
            status, data = box.uid("SEARCH", None, f"UID {after + 1}:*")
            if status != "OK":
                raise ConnectorError("IMAP: the search failed")
            # "n:*" always matches the last message, even one at or below n.
            uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > after)[:PER_SYNC]
            items = []
            for uid in uids:
                status, parts = box.uid("FETCH", str(uid), "(BODY.PEEK[])")
                source = next((p[1] for p in parts if isinstance(p, tuple)), None)
                if status != "OK" or source is None:
                    raise ConnectorError(f"IMAP: message {uid} could not be read")
                items.append(_item(uid, source))
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                box.logout()
        return Batch(items, f"{validity}:{uids[-1]}" if uids else None)

    def reply(self, item: Item, text: str) -> Posted:
        message = EmailMessage()
        message["From"] = self.options["address"]
        message["To"] = item.author_handle
        subject = str(item.raw.get("subject") or "")
        message["Subject"] = subject if subject.lower().startswith(("re:", "sv:")) else f"Re: {subject}".strip()
        message["In-Reply-To"] = item.external_id
        message["References"] = " ".join(filter(None, [str(item.raw.get("references") or ""), item.external_id]))
        message["Message-ID"] = make_msgid(domain=self.options["address"].rpartition("@")[2] or None)
        message.set_content(text)
        host, port = self.options["smtp_host"], int(self.options.get("smtp_port") or (587 if self._tls else 25))
        try:
            with smtplib.SMTP(host, port, timeout=30) as smtp:
                if self._tls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.credentials.get("password") and (self._tls or smtp.has_extn("auth")):
                    smtp.login(self.options["username"], self.credentials["password"])
                smtp.send_message(message)
        except smtplib.SMTPException as error:
            raise ConnectorError(f"SMTP {host}:{port}: {error}",
                                 permanent=isinstance(error, smtplib.SMTPRecipientsRefused)) from None
        except OSError as error:
            raise ConnectorError(f"SMTP {host}:{port}: {error}") from None
        return Posted(message["Message-ID"])


def _item(uid: int, source: bytes) -> Item:
    parsed = email.message_from_bytes(source, policy=email.policy.default)
    name, address = parseaddr(str(parsed.get("From") or ""))
    body = parsed.get_body(preferencelist=("plain", "html"))
    text = ""
    if body is not None:
        content = body.get_content()
        text = plain(content) if body.get_content_subtype() == "html" else content
    try:
        sent = parsedate_to_datetime(str(parsed["Date"])) if parsed["Date"] else None
    except (TypeError, ValueError):
        sent = None
    message_id = str(parsed.get("Message-ID") or "").strip() or f"<uid-{uid}@imap>"
    return Item(external_id=message_id, text=_without_quote(text), author=name or address, author_handle=address,
                published_at=sent, parent_external_id=str(parsed.get("In-Reply-To") or "").strip(),
                raw={"uid": uid, "subject": str(parsed.get("Subject") or ""),
                     "references": str(parsed.get("References") or ""),
                     "source": source.decode("utf-8", "replace")[:RAW_LIMIT]})


def _without_quote(text: str) -> str:
    """The writer's own words: the quoted earlier message ("> …" lines at the end) left out."""
    lines = text.strip().splitlines()
    while lines and (lines[-1].startswith(">") or not lines[-1].strip()):
        lines.pop()
    if lines and lines[-1].rstrip().endswith(("wrote:", "skrev:")):
        lines.pop()
    return "\n".join(lines).strip()
