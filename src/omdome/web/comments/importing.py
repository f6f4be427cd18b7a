"""Store imported comments: triaged like new ones, replies kept under their parents, never twice.

Reading and triage happen before the database is touched; the comments are then stored in one
transaction, so a broken file or a failure half-way stores nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from omdome.web.comments import pipeline
from omdome.web.comments.importers.disqus import read_disqus
from omdome.web.comments.importers.records import ImportedComment, ImportFileError, ImportReport
from omdome.web.comments.importers.wordpress import read_wordpress
from omdome.web.comments.markup import render_comment
from omdome.web.comments.models import Comment, Site, Status, Thread
from omdome.web.comments.services import log
from omdome.web.comments.threadkey import BadThreadURL, normalize_thread_url, origin_of
from omdome.web.messages.models import Source
from omdome.web.messages.triage import apply_triage, should_withhold

READERS = {"disqus": read_disqus, "wordpress": read_wordpress}
# A skipped comment that has replies is kept, not shown, so the replies keep their place.
PLACEHOLDER_STATUS = {"deleted": Status.DELETED, "spam": Status.HIDDEN, "pingback": Status.HIDDEN}


@dataclass
class ImportResult:
    imported: int = 0
    threads: int = 0
    skipped: Counter = field(default_factory=Counter)
    withheld: int = 0
    pending: int = 0
    placeholders: int = 0
    problems: list[str] = field(default_factory=list)


def import_file(kind: str, path: Path, site: Site) -> ImportResult:
    if kind not in READERS:
        raise ImportFileError(f"unknown export format {kind!r}; expected one of {', '.join(READERS)}")
    return store(READERS[kind](path), site)


def store(report: ImportReport, site: Site) -> ImportResult:
    result = ImportResult(problems=list(report.problems))
    known = dict(Comment.objects.filter(thread__site=site).exclude(imported_from="")
                 .values_list("imported_from", "pk"))
    items = _importable(report.comments, site, known, result)
    triager = pipeline.triager(site)
    triage = {i.source_id: triager.triage(i.text[: pipeline.MAX_TEXT])
              for i in items.values() if not i.skip_reason}
    with transaction.atomic():
        _store(items, triage, site, known, result)
    return result


def _importable(comments: list[ImportedComment], site: Site, known: dict[str, int],
                result: ImportResult) -> dict[str, ImportedComment]:
    """The comments to store, in file order: new, on this site's pages, with text; skipped ones
    only where replies hang under them."""
    by_id = {c.source_id: c for c in comments}
    needed = set()
    for c in comments:
        if not c.skip_reason and c.parent_id:
            parent = by_id.get(c.parent_id)
            while parent is not None and parent.skip_reason and parent.source_id not in needed:
                needed.add(parent.source_id)
                parent = by_id.get(parent.parent_id) if parent.parent_id else None
    items: dict[str, ImportedComment] = {}
    taken = dict(Thread.objects.exclude(site=site).values_list("url", "site__name"))
    for c in comments:
        if c.skip_reason and c.source_id not in needed:
            result.skipped[c.skip_reason] += 1
            continue
        if c.source_id in known:
            result.skipped["already imported"] += 1
            continue
        if not c.text and c.source_id not in needed:
            result.skipped["empty"] += 1
            continue
        try:
            c.thread_url = normalize_thread_url(c.thread_url)
        except BadThreadURL as error:
            result.problems.append(f"{c.source_id}: page address {c.thread_url!r}: {error}; skipped")
            continue
        if origin_of(c.thread_url) not in site.origin_list:
            result.problems.append(f"{c.source_id}: {c.thread_url} is not on {site.name}'s origins; skipped")
            continue
        if c.thread_url in taken:
            result.problems.append(f"{c.source_id}: {c.thread_url} belongs to the site {taken[c.thread_url]}; skipped")
            continue
        items[c.source_id] = c
    return items


def _store(items: dict[str, ImportedComment], triage: dict, site: Site, known: dict[str, int],
           result: ImportResult) -> None:
    threads: dict[str, Thread] = {}
    stored: dict[str, Comment] = {}
    pending = list(items.values())
    while pending:  # parents first, whatever order or dates the file has
        waiting = []
        for item in pending:
            parent_key = item.parent_id
            if parent_key and parent_key not in stored and parent_key in items:
                waiting.append(item)
                continue
            parent = stored.get(parent_key) if parent_key else None
            if parent is None and parent_key and parent_key in known:
                parent = Comment.objects.get(pk=known[parent_key])
            if parent_key and parent is None:
                result.problems.append(f"{item.source_id}: its parent {parent_key} is not in the file or was "
                                       "skipped; stored as a comment of its own")
            elif parent is not None and parent.thread.url != item.thread_url:
                result.problems.append(f"{item.source_id}: its parent {parent_key} is on another page; "
                                       "stored as a comment of its own")
                parent = None
            if parent is not None:
                parent = pipeline.within_depth(parent)
            stored[item.source_id] = _store_one(item, parent, triage.get(item.source_id), threads, site, result)
        if len(waiting) == len(pending):  # replies that are each other's parents: cut the circle
            waiting[0].parent_id = None
            result.problems.append(f"{waiting[0].source_id}: its replies form a circle; stored as a comment "
                                   "of its own")
        pending = waiting
    result.threads = len(threads)


def _store_one(item: ImportedComment, parent: Comment | None, triage, threads: dict[str, Thread],  # type: ignore[no-untyped-def]
               site: Site, result: ImportResult) -> Comment:
    if item.thread_url not in threads:
        threads[item.thread_url], _created = Thread.objects.get_or_create(
            url=item.thread_url, defaults={"site": site, "title": item.thread_title[:300]})
    if item.skip_reason:
        status = PLACEHOLDER_STATUS.get(item.skip_reason, Status.HIDDEN)
        result.placeholders += 1
    else:
        status = (Status.WITHHELD if should_withhold(triage)
                  else Status.PENDING if item.held else Status.PUBLISHED)
        result.withheld += status == Status.WITHHELD
        result.pending += status == Status.PENDING
        result.imported += 1
    comment = Comment(
        thread=threads[item.thread_url], parent=parent, depth=parent.depth + 1 if parent else 0,
        organisation_id=site.organisation_id, source=Source.IMPORT, published_at=item.created,
        author=" ".join(item.author.split())[:80], email=item.email[:254], text=item.text,
        html=render_comment(item.text), status=status, imported_from=item.source_id)
    if not item.skip_reason:
        apply_triage(comment, triage)
    comment.save()
    if item.created:
        Comment.objects.filter(pk=comment.pk).update(created=item.created)
    log(comment, "imported", reason=item.source_id + (f" ({item.skip_reason}, kept for its replies)"
                                                      if item.skip_reason else ""))
    return comment
