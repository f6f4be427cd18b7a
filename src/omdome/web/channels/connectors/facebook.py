"""Facebook Pages (Graph API): comments on the page's posts arrive by webhook (the ``feed`` field),
replies and hiding go back through the Graph API with the page's access token."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from omdome.web.channels.connectors.base import Capabilities, Connector, Field, Item, Posted

GRAPH_VERSION = "v21.0"


class Facebook(Connector):
    platform = "facebook"
    label = "Facebook"
    capabilities = Capabilities(fetch=False, push=True, reply=True, hide=True, reply_as_person=False)
    fields = (Field("page_id", _("The page's id")),
              Field("page_token", _("Page access token (pages_manage_engagement, pages_read_user_content)"),
                    secret=True),
              Field("app_secret", _("The app's secret (signs the webhook)"), secret=True),
              Field("verify_token", _("Verify token (any long random text; give Meta the same)"), secret=True))
    limits = _("Comments arrive by webhook only: subscribe the app to the page's “feed” field. Replies are "
               "posted as the page, not as the staff member; the reply is signed with the staff member's name.")

    def _graph(self, path: str) -> str:
        base = getattr(settings, "OMDOME_GRAPH_URL", "") or "https://graph.facebook.com"
        return f"{base.rstrip('/')}/{GRAPH_VERSION}/{path.lstrip('/')}"

    def check(self) -> str:
        page = self.http.request("GET", self._graph(self.options["page_id"]),
                                 params={"fields": "name", "access_token": self.credentials["page_token"]}).json()
        return str(page.get("name") or self.options["page_id"])

    def handshake(self, params: dict[str, str]) -> str | None:
        """Meta's subscription check: hub.mode=subscribe with our verify token, answered with hub.challenge."""
        token = params.get("hub.verify_token", "")
        if params.get("hub.mode") == "subscribe" and hmac.compare_digest(
                token.encode(), self.credentials["verify_token"].encode()):
            return params.get("hub.challenge", "")
        return None

    def verify_push(self, headers: dict[str, str], body: bytes) -> bool:
        """``X-Hub-Signature-256: sha256=<hex>``, the HMAC-SHA256 of the raw body with the app secret."""
        given = headers.get("X-Hub-Signature-256", "").removeprefix("sha256=")
        expected = hmac.new(self.credentials["app_secret"].encode(), body, hashlib.sha256).hexdigest()
        return bool(given) and hmac.compare_digest(given.encode(), expected.encode())

    def parse_push(self, body: bytes) -> list[Item]:
        """New comments on the page's posts; the page's own comments, edits and removals are left out."""
        data = json.loads(body)
        items = []
        for entry in data.get("entry") or []:
            for change in entry.get("changes") or []:
                value = change.get("value") or {}
                if change.get("field") != "feed" or value.get("item") != "comment" or value.get("verb") != "add":
                    continue
                author = value.get("from") or {}
                if str(author.get("id")) == str(self.options["page_id"]):
                    continue  # the page's own comment: one of ours
                created = value.get("created_time")
                items.append(Item(
                    external_id=str(value["comment_id"]), text=str(value.get("message") or ""),
                    author=str(author.get("name") or ""), author_handle=str(author.get("id") or ""),
                    permalink=f"https://www.facebook.com/{value['comment_id']}",
                    published_at=datetime.fromtimestamp(created, UTC) if isinstance(created, int | float) else None,
                    parent_external_id=str(value.get("parent_id") or value.get("post_id") or ""), raw=change))
        return items

    def reply(self, item: Item, text: str) -> Posted:
        posted = self.http.request("POST", self._graph(f"{item.external_id}/comments"),
                                   form={"message": text, "access_token": self.credentials["page_token"]}).json()
        return Posted(str(posted["id"]), f"https://www.facebook.com/{posted['id']}")

    def hide(self, item: Item, hidden: bool) -> None:
        self.http.request("POST", self._graph(item.external_id), form={
            "is_hidden": "true" if hidden else "false", "access_token": self.credentials["page_token"]})
