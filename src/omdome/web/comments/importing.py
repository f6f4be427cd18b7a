"""Store imported comments: triaged like new ones, parents kept, never imported twice."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.db import transaction

from omdome.web.comments import pipeline
from omdome.web.comments.importers.disqus import read_disqus
from omdome.web.comments.importers.records import ImportFileError, ImportReport
from omdome.web.comments.importers.wordpress import read_wordpress
from omdome.web.comments.markup import render_comment
from omdome.web.comments.models import Comment, Site, Status, Thread
from omdome.web.comments.services import log
from omdome.web.comments.threadkey import BadThreadURL, normalize_thread_url

READERS = {"disqus": read_disqus, "wordpress": read_wordpress}


@dataclass
class ImportResult:
    imported: int = 0
    threads: int = 0
    skipped: Counter = field(default_factory=Counter)
    withheld: int = 0
    pending: int = 0
    problems: list[str] = field(default_factory=list)


def import_file(kind: str, path: Path, site: Site) -> ImportResult:
    """Read ``path`` (all or nothing: a broken file stores nothing) and store its comments."""
    if kind not in READERS:
        raise ImportFileError(f"unknown export format {kind!r}; expected one of {', '.join(READERS)}")
    report = READERS[kind](path)
    with transaction.atomic():
        return _store(report, site)


def _store(report: ImportReport, site: Site) -> ImportResult:
    result = ImportResult(problems=list(report.problems))
    known = dict(Comment.objects.filter(thread__site=site).exclude(imported_from="")
                 .values_list("imported_from", "pk"))
    threads: dict[str, Thread] = {}
    # Oldest first, so that a parent is stored before its replies.
    for item in sorted(report.comments, key=_oldest_first):
        if item.skip_reason:
            result.skipped[item.skip_reason] += 1
            continue
        if item.source_id in known:
            result.skipped["already imported"] += 1
            continue
        if not item.text:
            result.skipped["empty"] += 1
            continue
        try:
            url = normalize_thread_url(item.thread_url)
        except BadThreadURL as error:
            result.problems.append(f"{item.source_id}: page address {item.thread_url!r}: {error}; skipped")
            continue
        if url not in threads:
            threads[url], _created = Thread.objects.get_or_create(
                url=url, defaults={"site": site, "title": item.thread_title[:300]})
        triage = pipeline.triager().triage(item.text[: pipeline.MAX_TEXT])
        status = (Status.WITHHELD if triage.moderation in ("hide", "report")
                  else Status.PENDING if item.held else Status.PUBLISHED)
        result.withheld += status == Status.WITHHELD
        result.pending += status == Status.PENDING
        parent = known.get(item.parent_id) if item.parent_id else None
        comment = Comment.objects.create(
            thread=threads[url], parent_id=parent, author=" ".join(item.author.split())[:80],
            email=item.email[:254], text=item.text, html=render_comment(item.text), status=status,
            imported_from=item.source_id, category=triage.category, action=triage.action,
            confidence=triage.confidence, toxicity=triage.toxicity, needs_review=triage.needs_review,
            triage=triage.to_dict(), possibly_unlawful=triage.moderation == "report")
        if item.created:
            Comment.objects.filter(pk=comment.pk).update(created=item.created)
        log(comment, "imported", reason=item.source_id)
        known[item.source_id] = comment.pk
        result.imported += 1
    result.threads = len(threads)
    return result


def _oldest_first(item) -> tuple[bool, datetime]:  # type: ignore[no-untyped-def]
    return item.created is None, item.created or datetime.min.replace(tzinfo=UTC)
