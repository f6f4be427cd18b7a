"""Every platform Omdöme can connect to, by its stable name."""

from __future__ import annotations

from omdome.web.channels.connectors.base import Connector
from omdome.web.channels.connectors.email import Email
from omdome.web.channels.connectors.facebook import Facebook
from omdome.web.channels.connectors.mastodon import Mastodon

CONNECTORS: dict[str, type[Connector]] = {c.platform: c for c in (Facebook, Mastodon, Email)}
