"""The connector interface: one small class per platform, each in a module of its own.

A connector knows one platform's API and nothing about Omdöme's database. It turns the platform's
answers into ``Item``s (the platform's own ids, text, author, link, time and the raw payload), and
a reply into the platform's request. The channel service stores items, keeps the cursor, backs off
on errors, and runs the draft check before anything is posted.

To add a platform: subclass ``Connector``, set ``platform``, ``label``, ``capabilities`` and the
options and credentials it needs, implement what the capabilities promise, and add the class to
``omdome.web.channels.connectors.CONNECTORS``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from omdome.web.channels.http import Http


@dataclass(frozen=True)
class Capabilities:
    """What a platform lets a connector do; shown in the channel page and the docs."""

    fetch: bool  # new items can be fetched since a cursor
    push: bool  # the platform can push items to Omdöme (a webhook)
    reply: bool  # a reply can be posted back
    hide: bool  # an item can be hidden from others and shown again
    reply_as_person: bool  # replies carry the staff member's own name, not only the account's

    @property
    def as_row(self) -> tuple[bool, bool, bool, bool]:
        """Fetched, pushed, replies, hiding: the columns of the capability table."""
        return (self.fetch, self.push, self.reply, self.hide)


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    secret: bool = False  # a credential: stored encrypted, never shown again, never logged
    required: bool = True


@dataclass(frozen=True)
class Item:
    """One incoming text, as the platform gave it."""

    external_id: str
    text: str
    author: str
    author_handle: str = ""
    permalink: str = ""
    published_at: datetime | None = None
    parent_external_id: str = ""  # the post or message it answers, on the platform
    raw: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Batch:
    items: list[Item]
    cursor: str | None  # where the next fetch begins; None: unchanged


@dataclass(frozen=True)
class Posted:
    external_id: str
    permalink: str = ""


class ConnectorError(Exception):
    """The platform refused or failed. ``retry_after``: seconds the platform asked us to wait;
    ``permanent``: retrying cannot help (credentials refused, the item is gone)."""

    def __init__(self, message: str, *, retry_after: float | None = None, permanent: bool = False):
        super().__init__(message)
        self.retry_after, self.permanent = retry_after, permanent


class Connector(ABC):
    do_not_call_in_templates = True  # the class itself is listed in the channel page
    platform: ClassVar[str]
    label: ClassVar[str]
    capabilities: ClassVar[Capabilities]
    fields: ClassVar[tuple[Field, ...]] = ()
    # Said plainly in the channel page and the docs: what the platform does not allow.
    limits: ClassVar[str] = ""

    def __init__(self, options: dict[str, str], credentials: dict[str, str], http: Http | None = None):
        self.options, self.credentials = options, credentials
        self.http = http or Http()

    @abstractmethod
    def check(self) -> str:
        """Test the connection: the account's name on the platform, or ConnectorError."""

    def fetch(self, cursor: str | None) -> Batch:
        raise ConnectorError(f"{self.label} items cannot be fetched", permanent=True)

    def handshake(self, params: dict[str, str]) -> str | None:
        """The answer to the platform's subscription check (a GET), or None when it does not match."""
        return None

    def verify_push(self, headers: dict[str, str], body: bytes) -> bool:
        return False

    def parse_push(self, body: bytes) -> list[Item]:
        return []

    def reply(self, item: Item, text: str) -> Posted:
        raise ConnectorError(f"{self.label} does not take replies from Omdöme", permanent=True)

    def hide(self, item: Item, hidden: bool) -> None:
        raise ConnectorError(f"{self.label} cannot hide an item", permanent=True)
