"""RSS and Atom comment feeds of any other site (WordPress, Disqus, a forum): read only."""

from __future__ import annotations

from email.utils import parsedate_to_datetime

from defusedxml import ElementTree
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from omdome.web.channels.connectors.base import Batch, Capabilities, Connector, ConnectorError, Field, Item
from omdome.web.channels.connectors.text import plain

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


class Feed(Connector):
    platform = "feed"
    label = _("RSS or Atom feed")
    capabilities = Capabilities(fetch=True, push=False, reply=False, hide=False, reply_as_person=False)
    fields = (Field("url", _("The comment feed's address, e.g. https://example.se/comments/feed/")),)
    limits = _("Read only: a feed cannot take a reply or hide a comment. Answer on the site itself.")

    def _read(self):  # type: ignore[no-untyped-def]
        answer = self.http.request("GET", self.options["url"])
        try:
            return ElementTree.fromstring(answer.body)
        except ElementTree.ParseError as error:
            raise ConnectorError(f"the feed is not XML: {error}", permanent=True) from None

    def check(self) -> str:
        root = self._read()
        title = root.findtext("channel/title") or root.findtext(f"{ATOM}title") or self.options["url"]
        return title.strip()

    def fetch(self, cursor: str | None) -> Batch:
        """Every entry the feed holds now; those stored before are recognised by their id."""
        root = self._read()
        entries = root.findall("channel/item") or root.findall(f"{ATOM}entry")
        items = [self._rss(e) if e.tag == "item" else self._atom(e) for e in entries]
        return Batch([i for i in items if i.external_id], None)

    def _rss(self, entry) -> Item:  # type: ignore[no-untyped-def]
        link = (entry.findtext("link") or "").strip()
        body = entry.findtext(CONTENT) or entry.findtext("description") or ""
        when = entry.findtext("pubDate")
        try:
            published = parsedate_to_datetime(when) if when else None
        except (TypeError, ValueError):
            published = None
        author = (entry.findtext(CREATOR) or entry.findtext("author") or "").strip()
        return Item(external_id=(entry.findtext("guid") or link).strip(), text=plain(body), author=author,
                    permalink=link, published_at=published,
                    raw={"title": entry.findtext("title") or "", "link": link, "body": body[:20_000]})

    def _atom(self, entry) -> Item:  # type: ignore[no-untyped-def]
        link_element = entry.find(f"{ATOM}link[@rel='alternate']")
        if link_element is None:  # (an element without children is false: compare with None)
            link_element = entry.find(f"{ATOM}link")
        link = link_element.get("href", "") if link_element is not None else ""
        body = entry.findtext(f"{ATOM}content") or entry.findtext(f"{ATOM}summary") or ""
        published = parse_datetime((entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")
                                    or "").strip())
        return Item(external_id=(entry.findtext(f"{ATOM}id") or link).strip(), text=plain(body),
                    author=(entry.findtext(f"{ATOM}author/{ATOM}name") or "").strip(), permalink=link,
                    published_at=published, raw={"title": entry.findtext(f"{ATOM}title") or "", "link": link,
                                                 "body": body[:20_000]})
