"""Store imported comments: triaged like new ones, replies kept under their parents, never twice.

The whole file is read and checked before the database is touched, so a broken file stores
nothing. The comments are then stored in batches, parents before replies, each batch in its own
short transaction: a live site keeps taking comments while a large export is imported, and an
import that stops half-way (a crash, Ctrl-C) is finished by running it again, because a comment
already imported is recognised by its source and its id there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F

from omdome.web.comments import pipeline
from omdome.web.comments.importers.disqus import read_disqus
from omdome.web.comments.importers.records import ImportedComment, ImportFileError, ImportReport
from omdome.web.comments.importers.wordpress import read_wordpress
from omdome.web.comments.markup import render_comment
from omdome.web.comments.models import Comment, Site, Status, Thread
from omdome.web.comments.services import log
from omdome.web.comments.threadkey import BadThreadURL, normalize_thread_url, origin_of
from omdome.web.core import audit
from omdome.web.core.cleaning import BadText, clean_text, without_control
from omdome.web.messages.models import Source
from omdome.web.messages.triage import apply_triage, should_withhold

READERS = {"disqus": read_disqus, "wordpress": read_wordpress}
# A skipped comment that has replies is kept, not shown, so the replies keep their place.
PLACEHOLDER_STATUS = {"deleted": Status.DELETED, "spam": Status.HIDDEN, "pingback": Status.HIDDEN}
# Old systems had no limit; a comment longer than this is not a comment.
MAX_IMPORTED_TEXT = 20_000
BATCH = 200
MAX_SOURCE_ID = 200  # Comment.imported_from


@dataclass
class ImportResult:
    imported: int = 0
    threads: int = 0
    skipped: Counter = field(default_factory=Counter)
    withheld: int = 0
    pending: int = 0
    placeholders: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Stored:
    """What later replies need of a stored comment."""

    pk: int
    thread_url: str
    depth: int
    parent: _Stored | None


Progress = Callable[[int, int], None]  # (done, total)


def import_file(kind: str, path: Path, site: Site, progress: Progress | None = None) -> ImportResult:
    if kind not in READERS:
        raise ImportFileError(f"unknown export format {kind!r}; expected one of {', '.join(READERS)}")
    return store(READERS[kind](path), site, progress)


def store(report: ImportReport, site: Site, progress: Progress | None = None) -> ImportResult:
    result = ImportResult(problems=list(report.problems))
    for c in report.comments:  # ids are keys: cleaned before anything is looked up by them
        c.source_id = without_control(c.source_id)
        c.parent_id = without_control(c.parent_id) if c.parent_id else None
    known = {key: (pk, url) for key, pk, url in Comment.objects.filter(thread__site=site).exclude(imported_from="")
             .values_list("imported_from", "pk", "thread__url")}
    items = _importable(report.comments, site, known, result)
    ordered = _parents_first(items, result)
    stored: dict[str, _Stored] = {}
    threads: dict[str, Thread] = {}
    triager = pipeline.triager(site)
    for start in range(0, len(ordered), BATCH):
        batch = ordered[start:start + BATCH]
        texts = [(i.source_id, i.text) for i in batch if not i.skip_reason]
        triage = {r.id: r for r in triager.triage_many(texts)} if texts else {}
        with transaction.atomic():
            for item in batch:
                parent = _parent_of(item, items, stored, known, result)
                stored[item.source_id] = _store_one(item, parent, triage.get(item.source_id), threads, site,
                                                    result)
            # One decision, one audit entry: the comments' own logs name each of them.
            audit.record("comment.imported", target=site, comments=len(batch), first=batch[0].source_id,
                         last=batch[-1].source_id)
            touched = {threads[item.thread_url].pk for item in batch}
            Thread.objects.filter(pk__in=touched).update(revision=F("revision") + 1)
        if progress is not None:
            progress(min(start + BATCH, len(ordered)), len(ordered))
    result.threads = len(threads)
    return result


def _importable(comments: list[ImportedComment], site: Site, known: dict[str, tuple[int, str]],
                result: ImportResult) -> dict[str, ImportedComment]:
    """The comments to store, in file order, cleaned: new, on this site's pages, with text; skipped
    ones only where replies hang under them."""
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
        if _already_imported(c, known):
            result.skipped["already imported"] += 1
            continue
        problem = _clean(c)
        if problem:
            result.problems.append(f"{c.source_id[:80]}: {problem}; skipped")
            continue
        if not c.text and c.source_id not in needed:
            result.skipped["empty"] += 1
            continue
        if origin_of(c.thread_url) not in site.origin_list:
            result.problems.append(f"{c.source_id}: {c.thread_url} is not on {site.name}'s origins; skipped")
            continue
        if c.thread_url in taken:
            result.problems.append(f"{c.source_id}: {c.thread_url} belongs to the site {taken[c.thread_url]}; skipped")
            continue
        items[c.source_id] = c
    return items


def _already_imported(c: ImportedComment, known: dict[str, tuple[int, str]]) -> bool:
    if c.source_id in known:
        return True
    # Before keys named the blog, a WordPress comment was "wordpress:<id>": the same comment if it
    # is on a page of this blog.
    kind, _sep, rest = c.source_id.partition(":")
    blog, _sep, number = rest.rpartition(":")
    legacy = known.get(f"{kind}:{number}") if kind == "wordpress" and blog else None
    return legacy is not None and legacy[1].split("://", 1)[-1].startswith(blog)


def _clean(c: ImportedComment) -> str | None:
    """Clean the comment's fields the way the API does (control characters removed rather than refused);
    what is wrong with it if it cannot be stored."""
    if len(c.source_id) > MAX_SOURCE_ID:
        return f"its id is longer than {MAX_SOURCE_ID} characters"
    try:
        c.thread_url = normalize_thread_url(c.thread_url)
    except BadThreadURL as error:
        return f"page address {c.thread_url[:200]!r}: {error}"
    try:
        c.text = clean_text(c.text, max_length=MAX_IMPORTED_TEXT, multiline=True, strip_control=True)
    except BadText:
        return f"the text is longer than {MAX_IMPORTED_TEXT:,} characters"
    c.thread_title = clean_text(c.thread_title, max_length=10**6, strip_control=True)[: pipeline.MAX_TITLE]
    c.author = clean_text(c.author, max_length=10**6, strip_control=True)[: pipeline.MAX_AUTHOR] or "Anonym"
    c.email = clean_text(c.email, max_length=10**6, strip_control=True)
    try:
        validate_email(c.email)
    except ValidationError:
        c.email = ""  # an address nobody could write to is not worth keeping
    return None


def _parents_first(items: dict[str, ImportedComment], result: ImportResult) -> list[ImportedComment]:
    """The comments in an order where every parent in the file comes before its replies."""
    ordered: list[ImportedComment] = []
    placed: set[str] = set()
    pending = list(items.values())
    while pending:
        waiting = []
        for item in pending:
            if item.parent_id and item.parent_id in items and item.parent_id not in placed:
                waiting.append(item)
            else:
                ordered.append(item)
                placed.add(item.source_id)
        if len(waiting) == len(pending):  # replies that are each other's parents: cut the circle
            waiting[0].parent_id = None
            result.problems.append(f"{waiting[0].source_id}: its replies form a circle; stored as a comment "
                                   "of its own")
        pending = waiting
    return ordered


def _parent_of(item: ImportedComment, items: dict, stored: dict[str, _Stored],  # type: ignore[type-arg]
               known: dict[str, tuple[int, str]], result: ImportResult) -> _Stored | None:
    key = item.parent_id
    if not key:
        return None
    parent = stored.get(key)
    if parent is None and key in known:  # imported before
        earlier = Comment.objects.filter(pk=known[key][0]).first()
        if earlier is not None:
            earlier = pipeline.within_depth(earlier)
            parent = _Stored(earlier.pk, known[key][1], earlier.depth, None)
    if parent is None:
        result.problems.append(f"{item.source_id}: its parent {key} is not in the file or was skipped; stored "
                               "as a comment of its own")
        return None
    if parent.thread_url != item.thread_url:
        result.problems.append(f"{item.source_id}: its parent {key} is on another page; stored as a comment "
                               "of its own")
        return None
    # Replies nest as deep as the widget shows: one too deep becomes its parent's sibling.
    while parent.depth >= pipeline.MAX_DEPTH - 1 and parent.parent is not None:
        parent = parent.parent
    return parent


def _store_one(item: ImportedComment, parent: _Stored | None, triage, threads: dict[str, Thread],  # type: ignore[no-untyped-def]
               site: Site, result: ImportResult) -> _Stored:
    if item.thread_url not in threads:
        threads[item.thread_url], _created = Thread.objects.get_or_create(
            url=item.thread_url, defaults={"site": site, "title": item.thread_title})
    if item.skip_reason:
        status = PLACEHOLDER_STATUS.get(item.skip_reason, Status.HIDDEN)
        result.placeholders += 1
    else:
        status = (Status.WITHHELD if should_withhold(triage)
                  else Status.PENDING if item.held else Status.PUBLISHED)
        result.withheld += status == Status.WITHHELD
        result.pending += status == Status.PENDING
        result.imported += 1
    depth = parent.depth + 1 if parent else 0
    comment = Comment(
        thread=threads[item.thread_url], parent_id=parent.pk if parent else None, depth=depth,
        organisation_id=site.organisation_id, source=Source.IMPORT, published_at=item.created,
        author=item.author, email=item.email, text=item.text, html=render_comment(item.text), status=status,
        imported_from=item.source_id)
    if not item.skip_reason:
        apply_triage(comment, triage)
    comment.save(force_insert=True)  # new, parent row and all: no query to ask whether it exists
    if item.created:
        Comment.objects.filter(pk=comment.pk).update(created=item.created)
    log(comment, "imported", reason=item.source_id + (f" ({item.skip_reason}, kept for its replies)"
                                                      if item.skip_reason else ""), in_bulk=True)
    return _Stored(comment.pk, item.thread_url, depth, parent)
