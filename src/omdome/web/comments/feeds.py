"""Atom feeds of published comments, per thread and per site."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from omdome.web.comments.models import Comment, Site, Status, Thread
from omdome.web.core.cleaning import printable

LATEST = 50


class _CommentFeed(Feed):
    feed_type = Atom1Feed

    # Every text goes through printable(): XML cannot hold control characters, and a page title
    # stored before they were refused must not take the feed down.
    def item_title(self, item: Comment) -> str:
        return printable(_("%(author)s on %(page)s") % {"author": item.author, "page": item.thread})

    def item_description(self, item: Comment) -> str:
        # Feed readers render HTML their own way; plain text is the safe common ground.
        return printable(strip_tags(item.html))

    def item_link(self, item: Comment) -> str:
        return printable(f"{item.thread.url}#omdome-comment-{item.pk}")

    def item_author_name(self, item: Comment) -> str:
        return printable(item.author)

    def item_pubdate(self, item: Comment):
        return item.created

    def item_updateddate(self, item: Comment):
        return item.edited or item.created


class ThreadFeed(_CommentFeed):
    def get_object(self, request, thread_id: int) -> Thread:
        return get_object_or_404(Thread, pk=thread_id)

    def title(self, obj: Thread) -> str:
        return printable(_("Comments on %(page)s") % {"page": obj})

    def link(self, obj: Thread) -> str:
        return printable(obj.url)

    def items(self, obj: Thread):
        return obj.comments.filter(status=Status.PUBLISHED).select_related("thread").order_by("-created")[:LATEST]


class SiteFeed(_CommentFeed):
    def get_object(self, request, site_id: int) -> Site:
        return get_object_or_404(Site, pk=site_id)

    def title(self, obj: Site) -> str:
        return printable(_("Comments on %(site)s") % {"site": obj})

    def link(self, obj: Site) -> str:
        return obj.origin_list[0] if obj.origin_list else "/"

    def items(self, obj: Site):
        return (Comment.objects.filter(thread__site=obj, status=Status.PUBLISHED).select_related("thread")
                .order_by("-created")[:LATEST])
