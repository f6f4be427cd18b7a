"""Every platform Omdöme can connect to, by its stable name (also the messages' source)."""

from __future__ import annotations

from omdome.web.channels.connectors.base import Connector
from omdome.web.channels.connectors.email import Email
from omdome.web.channels.connectors.facebook import Facebook
from omdome.web.channels.connectors.feed import Feed
from omdome.web.channels.connectors.instagram import Instagram
from omdome.web.channels.connectors.mastodon import Mastodon
from omdome.web.channels.connectors.youtube import YouTube

CONNECTORS: dict[str, type[Connector]] = {c.platform: c for c in (Facebook, Instagram, Mastodon, YouTube, Email, Feed)}
