"""What readers see of a thread: published comments as a tree, in the shape the API returns."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from omdome.web.comments.models import Comment, Site, Status, Thread


def comment_data(c: Comment, replies: list[dict] | None = None, *, own: bool = False) -> dict[str, object]:
    """A comment as readers see it; ``own``: as its writer sees it, whatever its status."""
    shown = own or c.status == Status.PUBLISHED
    return {
        "id": c.pk,
        "parent": c.parent_id,
        "author": c.author if shown else "",
        "html": c.html if shown else "",
        "created": c.created.isoformat(),
        "edited": c.edited.isoformat() if c.edited and shown else None,
        "deleted": not shown,
        "removed_by": None if shown else "author" if c.status == Status.DELETED else "moderation",
        "staff": ({"name": c.staff_name, "role": c.staff_role, "organisation": c.staff_organisation}
                  if c.staff_id and shown else None),
        "replies": replies or [],
    }


PAGE_SIZE, MAX_PAGE_SIZE = 50, 200


@dataclass
class ThreadPage:
    count: int  # published comments in the whole thread
    comments: list[dict]  # the page's top-level comments with all their replies
    more: int  # top-level comments after this page


def thread_page(thread: Thread, *, offset: int = 0, limit: int | None = PAGE_SIZE,
                newest_first: bool = False) -> ThreadPage:
    """One page of a thread: ``limit`` top-level conversations from ``offset``, each whole.

    A comment that is not published appears only as an empty placeholder, and only when
    published replies hang under it, so that the conversation keeps its shape. Only the page's
    comments are read, so a page of a 40,000-comment thread costs what a page of a small one does.
    """
    order = ("-created", "-id") if newest_first else ("created", "id")
    # A top-level comment is shown if it is published or may be the placeholder of published replies.
    roots = (thread.comments.filter(parent__isnull=True)
             .filter(Q(status=Status.PUBLISHED) | Q(replies__status=Status.PUBLISHED)).distinct())
    window = roots.order_by(*order).values_list("pk", flat=True)
    root_ids = list(window[offset:offset + limit] if limit is not None else window[offset:])
    comments = _with_replies(thread, root_ids)
    children: dict[int | None, list[Comment]] = defaultdict(list)
    for c in sorted(comments, key=lambda c: (c.created, c.pk)):
        children[c.parent_id].append(c)
    built: dict[int, dict | None] = {}
    # Deepest first, so each comment's replies are built before it (no recursion).
    for c in sorted(comments, key=lambda c: -c.depth):
        replies = [built[r.pk] for r in children[c.pk] if built.get(r.pk) is not None]
        shown = c.status == Status.PUBLISHED
        built[c.pk] = comment_data(c, replies) if shown or replies else None
    page = [built[pk] for pk in root_ids if built.get(pk) is not None]
    total_roots = roots.count() if limit is not None else len(root_ids)
    count = thread.comments.filter(status=Status.PUBLISHED).count()
    return ThreadPage(count=count, comments=page, more=max(0, total_roots - offset - len(root_ids)))


def _with_replies(thread: Thread, root_ids: list[int]) -> list[Comment]:
    """The comments with ids ``root_ids`` and every reply under them (replies nest a few levels)."""
    found: list[Comment] = []
    level = root_ids
    query = thread.comments.only("id", "parent_id", "depth", "status", "author", "html", "created", "edited",
                                 "staff_id", "staff_name", "staff_role", "staff_organisation")
    key = "pk__in"
    while level:
        batch = []
        for start in range(0, len(level), 500):  # within every database's limit of query parameters
            batch.extend(query.filter(**{key: level[start:start + 500]}))
        found.extend(batch)
        level, key = [c.pk for c in batch], "parent_id__in"
    return found


def site_data(site: Site | None) -> dict[str, object] | None:
    if site is None:
        return None
    organisation = site.organisation
    return {
        "name": site.name,
        "house_rules_url": site.house_rules_url or None,
        "operator": site.operator or site.name,
        "operator_url": site.operator_url or None,
        "privacy": {"controller": organisation.data_controller or organisation.name,
                    "contact": organisation.privacy_contact, "retention_days": site.retention_days,
                    "url": organisation.privacy_url or None},
    }
