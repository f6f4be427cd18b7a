"""A site's comments as one JSON document: every comment, whatever its status, with its log."""

from __future__ import annotations

from omdome import __version__
from omdome.web.comments.models import Comment, Site


def export_site(site: Site) -> dict[str, object]:
    comments = (Comment.objects.filter(thread__site=site).select_related("thread")
                .prefetch_related("events").order_by("thread_id", "created", "id"))
    threads: dict[int, dict[str, object]] = {}
    for c in comments:
        thread = threads.setdefault(c.thread_id, {"url": c.thread.url, "title": c.thread.title,
                                                  "closed": c.thread.closed, "comments": []})
        thread["comments"].append({
            "id": c.pk, "parent": c.parent_id, "author": c.author, "email": c.email, "text": c.text,
            "status": c.status, "created": c.created.isoformat(),
            "edited": c.edited.isoformat() if c.edited else None,
            "staff": {"name": c.staff_name, "role": c.staff_role, "organisation": c.staff_organisation}
            if c.staff_id else None,
            "category": c.category, "possibly_unlawful": c.possibly_unlawful, "imported_from": c.imported_from,
            "log": [{"action": e.action, "from": e.from_status, "to": e.to_status, "reason": e.reason,
                     "text_before": e.text_before,
                     "when": e.created.isoformat(), "by": e.actor.get_username() if e.actor else None}
                    for e in sorted(c.events.all(), key=lambda e: (e.created, e.pk))],
        })
    return {"format": "omdome-comments/1", "exported_by": f"omdome {__version__}", "site": site.name,
            "origins": site.origin_list, "threads": list(threads.values())}
