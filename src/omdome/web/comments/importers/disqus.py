"""Disqus XML export: <thread> elements for pages, <post> elements for comments."""

from __future__ import annotations

import hashlib
from pathlib import Path

from omdome.web.comments.importers.records import ImportedComment, ImportReport, html_to_text, iter_elements, parse_date

NS = "{http://disqus.com}"
DSQ_ID = "{http://disqus.com/disqus-internals}id"


def _text(element, name: str) -> str:  # type: ignore[no-untyped-def]
    found = element.find(f"{NS}{name}")
    return (found.text or "").strip() if found is not None and found.text else ""


def _flag(element, name: str) -> bool:  # type: ignore[no-untyped-def]
    return _text(element, name).lower() == "true"


def read_disqus(path: Path) -> ImportReport:
    """Read the export a piece at a time. Disqus ids are unique across Disqus; a post without one
    is keyed by what it says, where and when, so that importing the file again finds it."""
    report = ImportReport()
    threads: dict[str | None, tuple[str, str]] = {}
    for element in iter_elements(path, "Disqus", 1, f"{NS}disqus"):
        if element.tag == f"{NS}thread":
            threads[element.get(DSQ_ID)] = (_text(element, "link"), _text(element, "title"))
        elif element.tag == f"{NS}post":
            _post(element, threads, report)
    report.threads = len(threads)
    return report


def _post(post, threads: dict, report: ImportReport) -> None:  # type: ignore[no-untyped-def]
    thread_ref = post.find(f"{NS}thread")
    thread_key = thread_ref.get(DSQ_ID) if thread_ref is not None else None
    author = post.find(f"{NS}author")
    message, created = _text(post, "message"), _text(post, "createdAt")
    name = (_text(author, "name") or _text(author, "username") or "Anonym") if author is not None else "Anonym"
    post_id = post.get(DSQ_ID)
    if not post_id:
        content = "\0".join((str(thread_key), name, created, message)).encode("utf-8", "surrogatepass")
        post_id = "sha1-" + hashlib.sha1(content, usedforsecurity=False).hexdigest()[:20]
    if thread_key not in threads:
        report.problems.append(f"post {post_id}: its thread {thread_key} is not in the file (or comes after "
                               "the post); skipped")
        return
    url, title = threads[thread_key]
    parent = post.find(f"{NS}parent")
    report.comments.append(ImportedComment(
        source_id=f"disqus:{post_id}", thread_url=url, thread_title=title, author=name,
        email=_text(author, "email") if author is not None else "", text=html_to_text(message),
        created=parse_date(created),
        parent_id=f"disqus:{parent.get(DSQ_ID)}" if parent is not None and parent.get(DSQ_ID) else None,
        skip_reason="spam" if _flag(post, "isSpam") else "deleted" if _flag(post, "isDeleted") else None,
    ))
