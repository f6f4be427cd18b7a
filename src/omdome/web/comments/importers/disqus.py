"""Disqus XML export: <thread> elements for pages, <post> elements for comments."""

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

NS = "{http://disqus.com}"
DSQ_ID = "{http://disqus.com/disqus-internals}id"


def _text(element, name: str) -> str:  # type: ignore[no-untyped-def]
    found = element.find(f"{NS}{name}")
    return (found.text or "").strip() if found is not None and found.text else ""


def _flag(element, name: str) -> bool:  # type: ignore[no-untyped-def]
    return _text(element, name).lower() == "true"


def read_disqus(path: Path) -> ImportReport:
    root = parse_xml(path, "Disqus")
    if root.tag != f"{NS}disqus":
        raise ImportFileError(f"{path}: not a Disqus export (the root element is <{root.tag.split('}')[-1]}>, "
                              "expected <disqus>)")
    report = ImportReport()
    threads = {}
    for thread in root.findall(f"{NS}thread"):
        threads[thread.get(DSQ_ID)] = (_text(thread, "link"), _text(thread, "title"))
    report.threads = len(threads)
    for number, post in enumerate(root.findall(f"{NS}post"), 1):
        post_id = post.get(DSQ_ID) or f"post-{number}"
        thread_ref = post.find(f"{NS}thread")
        thread_key = thread_ref.get(DSQ_ID) if thread_ref is not None else None
        if thread_key not in threads:
            report.problems.append(f"post {post_id}: its thread {thread_key} is not in the file; skipped")
            continue
        url, title = threads[thread_key]
        author = post.find(f"{NS}author")
        parent = post.find(f"{NS}parent")
        skip = "spam" if _flag(post, "isSpam") else "deleted" if _flag(post, "isDeleted") else None
        report.comments.append(ImportedComment(
            source_id=f"disqus:{post_id}", thread_url=url, thread_title=title,
            author=(_text(author, "name") or _text(author, "username") or "Anonym") if author is not None else "Anonym",
            email=_text(author, "email") if author is not None else "",
            text=html_to_text(_text(post, "message")), created=parse_date(_text(post, "createdAt")),
            parent_id=f"disqus:{parent.get(DSQ_ID)}" if parent is not None and parent.get(DSQ_ID) else None,
            skip_reason=skip,
        ))
    return report
