"""What readers see of a thread: published comments as a tree, in the shape the API returns."""

from __future__ import annotations

from collections import defaultdict

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


def thread_tree(thread: Thread) -> tuple[int, list[dict]]:
    """(number of published comments, top-level comments with their replies).

    A comment that is not published appears only as an empty placeholder, and only when
    published replies hang under it, so that the conversation keeps its shape.
    """
    comments = list(thread.comments.order_by("created", "id"))
    children: dict[int | None, list[Comment]] = defaultdict(list)
    for c in comments:
        children[c.parent_id].append(c)
    built: dict[int, dict | None] = {}
    # Deepest first, so each comment's replies are built before it (no recursion).
    for c in sorted(comments, key=lambda c: -c.depth):
        replies = [built[r.pk] for r in children[c.pk] if built.get(r.pk) is not None]
        shown = c.status == Status.PUBLISHED
        built[c.pk] = comment_data(c, replies) if shown or replies else None
    count = sum(1 for c in comments if c.status == Status.PUBLISHED)
    return count, [built[c.pk] for c in children[None] if built[c.pk] is not None]


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
