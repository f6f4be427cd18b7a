"""Instagram professional accounts (Graph API): comments on the account's media arrive by webhook
(the ``comments`` field), replies and hiding go back through the Graph API."""

from __future__ import annotations

import json

from django.utils.translation import gettext_lazy as _

from omdome.web.channels.connectors.base import Capabilities, Field, Item, Posted
from omdome.web.channels.connectors.facebook import Facebook


class Instagram(Facebook):
    platform = "instagram"
    label = "Instagram"
    capabilities = Capabilities(fetch=False, push=True, reply=True, hide=True, reply_as_person=False)
    fields = (Field("ig_user_id", _("The Instagram account's id")),
              Field("page_token", _("Access token (instagram_basic, instagram_manage_comments)"), secret=True),
              Field("app_secret", _("The app's secret (signs the webhook)"), secret=True),
              Field("verify_token", _("Verify token (any long random text; give Meta the same)"), secret=True))
    limits = _("Comments arrive by webhook only (the “comments” field of the Instagram webhook); mentions in "
               "stories and direct messages are not read. Replies are posted as the account and signed with "
               "the staff member's name.")

    def check(self) -> str:
        account = self.http.request("GET", self._graph(self.options["ig_user_id"]), params={
            "fields": "username", "access_token": self.credentials["page_token"]}).json()
        return f"@{account.get('username') or self.options['ig_user_id']}"

    def parse_push(self, body: bytes) -> list[Item]:
        data = json.loads(body)
        items = []
        for entry in data.get("entry") or []:
            for change in entry.get("changes") or []:
                value = change.get("value") or {}
                if change.get("field") != "comments" or not value.get("id"):
                    continue
                author = value.get("from") or {}
                if str(author.get("id")) == str(self.options["ig_user_id"]):
                    continue  # the account's own reply
                items.append(Item(
                    external_id=str(value["id"]), text=str(value.get("text") or ""),
                    author=str(author.get("username") or ""), author_handle=f"@{author.get('username', '')}",
                    parent_external_id=str(value.get("parent_id") or (value.get("media") or {}).get("id") or ""),
                    raw=change))
        return items

    def reply(self, item: Item, text: str) -> Posted:
        posted = self.http.request("POST", self._graph(f"{item.external_id}/replies"), form={
            "message": text, "access_token": self.credentials["page_token"]}).json()
        return Posted(str(posted["id"]))

    def hide(self, item: Item, hidden: bool) -> None:
        self.http.request("POST", self._graph(item.external_id), form={
            "hide": "true" if hidden else "false", "access_token": self.credentials["page_token"]})
