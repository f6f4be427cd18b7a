"""WordPress WXR export: <item> elements for posts, <wp:comment> elements for their comments."""

from __future__ import annotations

from pathlib import Path

from omdome.web.comments.importers.records import (
    ImportedComment,
    ImportFileError,
    ImportReport,
    html_to_text,
    parse_date,
    parse_xml,
)

CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}"
WP_VERSIONS = ("1.0", "1.1", "1.2")


def _wp_namespace(root) -> str | None:  # type: ignore[no-untyped-def]
    for version in WP_VERSIONS:
        ns = f"{{http://wordpress.org/export/{version}/}}"
        if root.find(f"channel/{ns}wxr_version") is not None or root.find(f"channel/item/{ns}post_id") is not None:
            return ns
    return None


def read_wordpress(path: Path) -> ImportReport:
    root = parse_xml(path, "WordPress (WXR)")
    wp = _wp_namespace(root) if root.tag == "rss" else None
    if wp is None:
        raise ImportFileError(f"{path}: not a WordPress export (WXR): no <rss> with wp:wxr_version")

    def text(element, name: str) -> str:  # type: ignore[no-untyped-def]
        found = element.find(name)
        return (found.text or "").strip() if found is not None and found.text else ""

    report = ImportReport()
    for item in root.findall("channel/item"):
        comments = item.findall(f"{wp}comment")
        if not comments:
            continue
        report.threads += 1
        url, title = text(item, "link"), text(item, "title")
        for comment in comments:
            comment_id = text(comment, f"{wp}comment_id")
            approved = text(comment, f"{wp}comment_approved")
            kind = text(comment, f"{wp}comment_type")
            skip = ("spam" if approved == "spam" else "deleted" if approved == "trash"
                    else "pingback" if kind in ("pingback", "trackback") else None)
            parent = text(comment, f"{wp}comment_parent")
            report.comments.append(ImportedComment(
                source_id=f"wordpress:{comment_id}", thread_url=url, thread_title=title,
                author=text(comment, f"{wp}comment_author") or "Anonym",
                email=text(comment, f"{wp}comment_author_email"),
                text=html_to_text(text(comment, f"{wp}comment_content")),
                created=parse_date(text(comment, f"{wp}comment_date_gmt")),
                parent_id=f"wordpress:{parent}" if parent and parent != "0" else None,
                skip_reason=skip, held=approved != "1",
            ))
    return report
