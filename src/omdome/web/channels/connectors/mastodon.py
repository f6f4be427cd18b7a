"""Mastodon: mentions of the organisation's account and replies to its posts, through the
notifications API; replies posted as the account. Mastodon lets nobody hide another person's reply."""

from __future__ import annotations

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from omdome.web.channels.connectors.base import Batch, Capabilities, Connector, ConnectorError, Field, Item, Posted
from omdome.web.channels.connectors.text import plain

PAGE = 40  # the API's largest page of notifications
PAGES_PER_SYNC = 5


class Mastodon(Connector):
    platform = "mastodon"
    label = "Mastodon"
    capabilities = Capabilities(fetch=True, push=False, reply=True, hide=False, reply_as_person=False)
    fields = (Field("instance", _("Server address, e.g. https://mastodon.nu")),
              Field("access_token", _("Access token (scopes read:notifications, read:statuses, write:statuses)"),
                    secret=True))
    limits = _("Mastodon has no way to hide someone else's reply; a moderator can only report it to its "
               "server. Replies are posted as the organisation's account, signed with the staff member's name.")

    def _url(self, path: str) -> str:
        return self.options["instance"].rstrip("/") + path

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials['access_token']}"}

    def check(self) -> str:
        account = self.http.request("GET", self._url("/api/v1/accounts/verify_credentials"),
                                    headers=self._headers()).json()
        return f"@{account['acct']}"

    def fetch(self, cursor: str | None) -> Batch:
        """Mentions newer than ``cursor`` (a notification id), oldest first; at most a few pages a sync,
        the rest next time."""
        seen: list[dict] = []
        newest = cursor
        for _page in range(PAGES_PER_SYNC):
            params: dict[str, str | list[str]] = {"types[]": ["mention"], "limit": str(PAGE)}
            if newest:
                params["min_id"] = newest
            page = self.http.request("GET", self._url("/api/v1/notifications"), headers=self._headers(),
                                     params=params).json()
            if not isinstance(page, list):
                raise ConnectorError("the notifications answer is not a list")
            if not page:
                break
            page = sorted(page, key=lambda n: int(n["id"]))
            seen += page
            newest = page[-1]["id"]
            if len(page) < PAGE:
                break
        items = [self._item(n) for n in seen if n.get("type") == "mention" and n.get("status")]
        return Batch(items, newest if newest != cursor else None)

    def _item(self, notification: dict) -> Item:
        status, account = notification["status"], notification.get("account") or {}
        return Item(external_id=str(status["id"]), text=plain(status.get("content") or ""),
                    author=account.get("display_name") or account.get("acct") or "",
                    author_handle=f"@{account.get('acct', '')}", permalink=status.get("url") or "",
                    published_at=parse_datetime(status.get("created_at") or ""),
                    parent_external_id=str(status.get("in_reply_to_id") or ""), raw=notification)

    def reply(self, item: Item, text: str) -> Posted:
        mention = item.author_handle if item.author_handle.startswith("@") else ""
        visibility = (item.raw.get("status") or {}).get("visibility") or "public"
        posted = self.http.request("POST", self._url("/api/v1/statuses"), headers=self._headers(), data={
            "status": f"{mention} {text}".strip(), "in_reply_to_id": item.external_id,
            "visibility": "unlisted" if visibility == "public" else visibility}).json()
        return Posted(str(posted["id"]), posted.get("url") or "")
