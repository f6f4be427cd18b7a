"""The background re-score: a second opinion from the fuller model.

The fast path decides when a comment is posted. The fuller model (with the sentence embedding)
costs about 40 ms of CPU a comment, and a moment later it reads the comments the fast path did not
already report as possibly unlawful, asked one of two things (``purpose``):

- the whole decision, where it can change what readers see or what the inbox shows: a published
  comment it could withhold (some probability of hate or spam, some toxicity, some probability of a
  threat, or a category near the line) and every withheld comment (its label, and whether a comment
  withheld on a borderline score may be released);
- only whether it is a threat, for a comment the fast path gives some probability of a threat
  (``THREAT_ONLY_FROM``). A threat in polite words can look harmless to the fast path in every
  other score, and it must not wait for a moderator who happens to read it. Unless the fuller
  model reports it, the fast path's result stands: a harmless comment the fast path merely
  hesitates over (a question or a complaint?) keeps its label.

The fuller model reads with its second reading (``Triager(second_reading=True)``): where the fast
path gave a threat some probability, it reports one from a lower probability than on its own.

A comment newly flagged as possibly unlawful is withheld if it was published, logged, and announced
(``message_flagged``), so that communicators are told at once as for a threat caught when posted.

A comment is marked ``rescore_due`` in the same transaction that stores its text (an outbox):
nothing is queued apart from the comment, so a crash between the two cannot lose a re-score, and
the mark is cleared only in the transaction that stores the result. The worker drains the outbox in
small batches (``drain``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from omdome.triage.classifier import SECOND_READING_FROM, ReasonCode, TriageResult
from omdome.web.comments.models import Comment, ModerationEvent, Status
from omdome.web.messages.signals import message_flagged
from omdome.web.messages.triage import apply_triage, should_withhold, stored_reason_codes

# Measured on the 1,880 comments of the blind sets 2026-12 to 2026-12f: of the 1,342 the fast path
# published, the fuller model would withhold 24; with these bounds it is asked about 441 (33 %)
# and catches 23 of them (a bound on the fast path's confidence instead asked 478 and caught 21).
# Of the bench's mixed polite comments (bench_isso) it asks 14 % instead of 31 %.
RISK_FROM = 0.1
HARMLESS_BELOW = 0.3
# A veiled threat in polite words can look harmless to the fast path in every score but its threat
# head's: asked from this probability too, the fuller model (with the nearest training comments'
# vote) reported all 479 threats of the seen blind sets 2026-12 to 2026-12k, against 477 without it,
# and 418 of the 480 of the threat development sets against 402, for 173 more comments asked of 3,362
# (0.2 asked 360 more for 3 more development threats; chosen on those sets only).
THREAT_FROM = 0.3
# Below THREAT_FROM the fuller model is asked only whether the comment is a threat, from this
# probability on. On the threat development sets (data/triage/threat-dev) the threats found that
# way, and by no other path, had a fast-path probability of 0.19 to 0.29: 0.25 keeps 3 of those 4
# and asks about 29 % of the bench's polite comments (bench_isso), 0.19 all 4 and 38 %, every
# comment all 4 and 99 %. The worker re-scores about 30 comments a second on two cores; after a
# burst of 100 comments a second for a minute its outbox was empty 51 s later at 0.25, 70 s at
# 0.19 and 231 s when every comment was asked, against the 60 s the comment system promises.
# The second reading (``Triager(second_reading=True)``) reports from a lower probability above the
# same bound, so the two are one number.
THREAT_ONLY_FROM = SECOND_READING_FROM
RELEASE_AT = 0.8
BATCH = 16
# What the fuller model is asked about a comment: the whole decision, or only whether it is a threat
# (stored in the comment's triage while it waits; a comment marked before this existed has no
# purpose stored and is re-scored in full).
PURPOSE_DECISION = "decision"
PURPOSE_THREAT = "threat"


def purpose(result: TriageResult) -> str | None:
    """What the fuller model is asked about a comment the fast path triaged as ``result``: the whole
    decision where it could change it (``worth_rescoring``) and for every comment withheld (its label
    in the inbox, and whether it is a threat; ``_store`` decides whether it may be released), else
    only whether it is a threat where the fast path sees some chance of one; None when nothing (no
    fuller model, the fast path reports it, or the comment is plainly harmless to it)."""
    from omdome.text import embedding

    if not embedding.available() or result.moderation == "report":
        return None
    if should_withhold(result) or worth_rescoring(result):
        return PURPOSE_DECISION
    return PURPOSE_THREAT if result.threat >= THREAT_ONLY_FROM else None


def mark_due(comment: Comment, result: TriageResult) -> None:
    """Put ``comment`` into the re-score outbox (not saved) with its ``purpose``. Call after
    ``apply_triage``, which stores ``result`` in ``comment.triage``."""
    why = purpose(result)
    comment.rescore_due = why is not None
    if why == PURPOSE_THREAT:
        comment.triage["rescore_for"] = why


def takes(why: str | None, result: TriageResult) -> bool:
    """Whether the fuller model's ``result`` replaces the fast path's, for a comment re-scored for ``why``."""
    return why == PURPOSE_DECISION or (why == PURPOSE_THREAT and result.moderation == "report")


def worth_rescoring(result: TriageResult) -> bool:
    """Whether the fuller model could change the fast path's decision about this comment."""
    from omdome.text import embedding

    if not embedding.available():
        return False
    if should_withhold(result):
        # A rule, or a score sure enough to ask the writer to think twice, is never overruled.
        return not result.decided_by_rule() and not _sure_hateful(result.category, result.confidence,
                                                                    result.reason_codes)
    risk = result.scores.get("hateful", 0.0) + result.scores.get("spam", 0.0)
    return (risk >= RISK_FROM or result.toxicity >= HARMLESS_BELOW or result.threat >= THREAT_FROM
            or result.category in ("hateful", "spam", "troll"))


def _sure_hateful(category: str, confidence: float | None, codes) -> bool:  # type: ignore[no-untyped-def]
    from omdome.web.comments.pipeline import THINK_TWICE_AT

    by_rule = bool(ReasonCode.HATEFUL_FOR_SURE & set(codes))
    return category == "hateful" and ((confidence or 0) >= THINK_TWICE_AT or by_rule)


def backlog() -> int:
    """How many comments wait for their re-score."""
    return Comment.objects.filter(rescore_due=True).count()


def processes() -> int:
    """How many processes share the re-scoring (OMDOME_RESCORE_PROCESSES, one by default).

    On the two-core test machine two processes drained a backlog more slowly than one (17 against
    22 comments a second, bench/RESULTS.md): the embedding already uses both cores.
    """
    import os

    return max(1, int(os.environ.get("OMDOME_RESCORE_PROCESSES") or 1))


def drain(batch: int = BATCH, shard: tuple[int, int] = (0, 1)) -> int:
    """Re-score one batch of the outbox, oldest first; returns how many were done.

    ``shard`` (i, n): only comments whose id leaves i when divided by n, so that n processes can
    share the outbox without taking each other's comments.
    """
    from django.db.models.functions import Mod

    due = Comment.objects.filter(rescore_due=True)
    if shard[1] > 1:
        due = due.annotate(shard=Mod("pk", shard[1])).filter(shard=shard[0])
    ids = list(due.order_by("pk").values_list("pk", flat=True)[:batch])
    return len(rescore(ids)) if ids else 0


def rescore(comment_ids: list[int]) -> dict[int, str]:
    """Triage ``comment_ids`` again with the fuller model and store each result; {id: outcome}.

    The model runs first, outside any transaction; the results are stored together in one short
    transaction afterwards (one commit, and one wait for the disk, for the batch), while the web
    workers' writers wait for the database's write lock."""
    from omdome.web.comments.pipeline import triager

    comments = list(Comment.objects.filter(pk__in=comment_ids, staff__isnull=True).select_related("thread__site"))
    outcomes: dict[int, str] = {pk: "gone" for pk in comment_ids}
    scored: list[tuple[int, str, TriageResult]] = []
    by_site: dict[int, list[Comment]] = {}
    for comment in comments:
        by_site.setdefault(comment.thread.site_id, []).append(comment)
    for group in by_site.values():
        results = triager(group[0].thread.site, fast=False, second_reading=True).triage_many(
            [(c.pk, c.text) for c in group])
        scored += [(comment.pk, comment.text, result) for comment, result in zip(group, results, strict=True)]
    with transaction.atomic():
        outcomes.update(_store(scored))
        # Staff replies and comments that disappeared leave the outbox too.
        Comment.objects.filter(pk__in=comment_ids, staff__isnull=False, rescore_due=True).update(rescore_due=False)
    return outcomes


def _store(scored: list[tuple[int, str, TriageResult]]) -> dict[int, str]:
    """Store each (comment id, text scored, result), in the caller's transaction: a published comment
    the fuller model would hide is withheld; one the fast path alone withheld on a borderline score,
    and the fuller model is sure of, is released."""
    from omdome.web.comments.services import log

    # Re-read under a lock: a moderator or the writer may have acted while the model ran.
    current = Comment.objects.select_for_update().select_related("thread__site").in_bulk([pk for pk, *_ in scored])
    moderated = set(ModerationEvent.objects.filter(comment_id__in=current, action__startswith="moderated_")
                    .values_list("comment_id", flat=True))
    outcomes = {}
    for comment_id, text, result in scored:
        comment = current.get(comment_id)
        if comment is None:
            continue  # removed while the model ran; it stays "gone"
        if comment.text != text:
            outcomes[comment_id] = "stale: the text changed while it was scored"  # the edit marked it due again
            continue
        if not takes(comment.triage.get("rescore_for", PURPOSE_DECISION), result):
            # Asked only whether it is a threat, and it is not: the fast path's result stands.
            comment.triage["rescored"] = timezone.now().isoformat()
            comment.rescore_due = False
            comment.save(update_fields=["triage", "rescore_due"])
            outcomes[comment_id] = comment.category
            continue
        fast_codes = stored_reason_codes(comment)
        # A rule, or a score sure enough to ask the writer to think twice, is never overruled.
        fast_sure = (_sure_hateful(comment.category, comment.confidence, fast_codes)
                     or bool(fast_codes & ReasonCode.BY_RULE))
        fast_category = comment.category
        flagged_before = comment.possibly_unlawful
        fields = apply_triage(comment, result)
        comment.triage["rescored"] = timezone.now().isoformat()  # the fuller model's result, and when
        comment.rescore_due = False
        before = comment.status
        if comment_id in moderated:
            pass  # a moderator's decision stands
        elif before == Status.PUBLISHED and should_withhold(result):
            comment.status = Status.WITHHELD
        elif before == Status.WITHHELD and not fast_sure and _releasable(comment, result):
            comment.status = Status.PENDING if comment.held_by_site else Status.PUBLISHED
        comment.save(update_fields=[*fields, "rescore_due", *(["status"] if comment.status != before else [])])
        if comment.status != before:
            action = "withheld_after_rescore" if comment.status == Status.WITHHELD else "released_after_rescore"
            log(comment, action, from_status=before, reason=f"rescore:{fast_category}:{result.category}")
        if comment.possibly_unlawful and not flagged_before:
            if comment.status == before:  # withheld already (or a moderator's decision stands): still logged
                log(comment, "reported_after_rescore", from_status=before,
                    reason=f"rescore:{fast_category}:{result.category}")
            message_flagged.send(sender=Comment, message=comment)
        outcomes[comment_id] = result.category
    return outcomes


def _releasable(comment: Comment, result: TriageResult) -> bool:
    """Withheld only by a borderline fast-path score of the text as first written, and the fuller
    model is sure it is fine. Never a comment flagged as possibly unlawful, one that was edited
    (an edit must not launder what a moderator should see), or one a moderator has acted on."""
    touched = comment.events.exclude(action="created").exists()
    return (not touched and not comment.possibly_unlawful and result.moderation == "keep"
            and result.confidence >= RELEASE_AT and not result.needs_review)
