"""YouTube (Data API v3): comment threads on the channel's videos, fetched newest first down to the
cursor; replies through comments.insert; hiding through comments.setModerationStatus."""

from __future__ import annotations

from django.conf import settings
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from omdome.web.channels.connectors.base import Batch, Capabilities, Connector, ConnectorError, Field, Item, Posted

PAGES_PER_SYNC = 5


class YouTube(Connector):
    platform = "youtube"
    label = "YouTube"
    capabilities = Capabilities(fetch=True, push=False, reply=True, hide=True, reply_as_person=False)
    fields = (Field("channel_id", _("The YouTube channel's id (UC…)")),
              Field("client_id", _("OAuth client id")),
              Field("client_secret", _("OAuth client secret"), secret=True),
              Field("refresh_token", _("OAuth refresh token (scope youtube.force-ssl)"), secret=True))
    limits = _("Top-level comments on the channel's videos are read; replies in threads are not. Hiding sets a "
               "comment to “held for review”. Replies are posted as the channel and signed with the staff "
               "member's name. Each request uses the project's YouTube API quota.")

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._token: str | None = None

    def _api(self, path: str) -> str:
        base = getattr(settings, "OMDOME_GOOGLE_API_URL", "") or "https://www.googleapis.com"
        return f"{base.rstrip('/')}/youtube/v3/{path}"

    def _headers(self) -> dict[str, str]:
        """An access token from the refresh token (they last an hour; one per sync is enough)."""
        if self._token is None:
            url = getattr(settings, "OMDOME_GOOGLE_TOKEN_URL", "") or "https://oauth2.googleapis.com/token"
            answer = self.http.request("POST", url, form={
                "grant_type": "refresh_token", "refresh_token": self.credentials["refresh_token"],
                "client_id": self.options["client_id"], "client_secret": self.credentials["client_secret"]}).json()
            if not isinstance(answer, dict) or "access_token" not in answer:
                raise ConnectorError("Google gave no access token for the refresh token", permanent=True)
            self._token = str(answer["access_token"])
        return {"Authorization": f"Bearer {self._token}"}

    def check(self) -> str:
        found = self.http.request("GET", self._api("channels"), headers=self._headers(), params={
            "part": "snippet", "id": self.options["channel_id"]}).json()
        items = found.get("items") or []
        if not items:
            raise ConnectorError("no YouTube channel with that id", permanent=True)
        return str(items[0]["snippet"]["title"])

    def fetch(self, cursor: str | None) -> Batch:
        """Threads newer than the cursor (the newest comment's publishedAt seen before), newest first
        from the API, handed on oldest first."""
        newest_seen = cursor or ""
        found: list[dict] = []
        page_token = None
        for _page in range(PAGES_PER_SYNC):
            params = {"part": "snippet", "allThreadsRelatedToChannelId": self.options["channel_id"],
                      "maxResults": "100", "order": "time", "textFormat": "plainText"}
            if page_token:
                params["pageToken"] = page_token
            page = self.http.request("GET", self._api("commentThreads"), headers=self._headers(),
                                     params=params).json()
            threads = page.get("items") or []
            fresh = [t for t in threads if _published(t) > newest_seen]
            found += fresh
            page_token = page.get("nextPageToken")
            if len(fresh) < len(threads) or not page_token:
                break
        found.sort(key=_published)
        items = [self._item(t) for t in found]
        return Batch(items, _published(found[-1]) if found else None)

    def _item(self, thread: dict) -> Item:
        top = thread["snippet"]["topLevelComment"]
        snippet = top["snippet"]
        video = snippet.get("videoId") or thread["snippet"].get("videoId") or ""
        return Item(external_id=str(top["id"]), text=str(snippet.get("textOriginal") or snippet.get("textDisplay")),
                    author=str(snippet.get("authorDisplayName") or ""),
                    author_handle=str((snippet.get("authorChannelId") or {}).get("value") or ""),
                    permalink=f"https://www.youtube.com/watch?v={video}&lc={top['id']}" if video else "",
                    published_at=parse_datetime(snippet.get("publishedAt") or ""), parent_external_id=video,
                    raw=thread)

    def reply(self, item: Item, text: str) -> Posted:
        posted = self.http.request("POST", self._api("comments"), headers=self._headers(), params={"part": "snippet"},
                                   data={"snippet": {"parentId": item.external_id, "textOriginal": text}}).json()
        video = item.parent_external_id
        return Posted(str(posted["id"]), f"https://www.youtube.com/watch?v={video}&lc={posted['id']}" if video else "")

    def hide(self, item: Item, hidden: bool) -> None:
        self.http.request("POST", self._api("comments/setModerationStatus"), headers=self._headers(), params={
            "id": item.external_id, "moderationStatus": "heldForReview" if hidden else "published"})


def _published(thread: dict) -> str:
    return str(thread["snippet"]["topLevelComment"]["snippet"].get("publishedAt") or "")
