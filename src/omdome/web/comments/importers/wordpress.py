"""WordPress WXR export: <item> elements for posts, <wp:comment> elements for their comments."""

from __future__ import annotations

from pathlib import Path

from omdome.web.comments.importers.records import (
    ImportedComment,
    ImportFileError,
    ImportReport,
    html_to_text,
    iter_elements,
    parse_date,
)

CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}"
WP_NAMESPACES = tuple(f"http://wordpress.org/export/{version}/" for version in ("1.0", "1.1", "1.2"))


def _text(element, name: str) -> str:  # type: ignore[no-untyped-def]
    found = element.find(name)
    return (found.text or "").strip() if found is not None and found.text else ""


def blog_key(url: str) -> str:
    """The blog's address without scheme or trailing slash: comment ids are unique only within one blog."""
    return url.strip().split("://", 1)[-1].rstrip("/").lower()


def read_wordpress(path: Path) -> ImportReport:
    """Read the export a piece at a time; each comment is keyed by its blog and its id there."""
    namespaces: dict[str, str] = {}
    report = ImportReport()
    blog = ""
    wp = ""
    for element in iter_elements(path, "WordPress", 2, "rss", namespaces):
        wp = wp or next((f"{{{uri}}}" for uri in namespaces.values() if uri in WP_NAMESPACES), "")
        if not wp:
            raise ImportFileError(f"{path}: not a WordPress export (WXR): no wp:wxr_version namespace")
        if element.tag == f"{wp}base_blog_url" or (element.tag == "link" and not blog):
            blog = blog_key(element.text or "") or blog
        elif element.tag == "item":
            _item(element, wp, blog, report)
    if not wp:
        raise ImportFileError(f"{path}: not a WordPress export (WXR): no <rss> with wp:wxr_version")
    return report


def _item(item, wp: str, blog: str, report: ImportReport) -> None:  # type: ignore[no-untyped-def]
    comments = item.findall(f"{wp}comment")
    if not comments:
        return
    report.threads += 1
    url, title = _text(item, "link"), _text(item, "title")
    blog = blog or blog_key(url.split("/", 3)[2] if url.count("/") >= 2 else url)
    for comment in comments:
        comment_id = _text(comment, f"{wp}comment_id")
        approved = _text(comment, f"{wp}comment_approved")
        kind = _text(comment, f"{wp}comment_type")
        parent = _text(comment, f"{wp}comment_parent")
        report.comments.append(ImportedComment(
            source_id=f"wordpress:{blog}:{comment_id}", thread_url=url, thread_title=title,
            author=_text(comment, f"{wp}comment_author") or "Anonym",
            email=_text(comment, f"{wp}comment_author_email"),
            text=html_to_text(_text(comment, f"{wp}comment_content")),
            created=parse_date(_text(comment, f"{wp}comment_date_gmt")),
            parent_id=f"wordpress:{blog}:{parent}" if parent and parent != "0" else None,
            skip_reason=("spam" if approved == "spam" else "deleted" if approved == "trash"
                         else "pingback" if kind in ("pingback", "trackback") else None),
            held=approved != "1",
        ))
