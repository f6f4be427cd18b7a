"""Write to and verify the audit log: one append-only chain for every app.

Each entry's hash covers its own content and the hash of the entry before it, so editing,
inserting or removing a row anywhere breaks every hash after it. Appends are serialised:
SQLite's write transactions are exclusive already; PostgreSQL takes an advisory lock.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from omdome.web.core.models import AuditEntry

GENESIS = "0" * 64
_LOCK_KEY = 0x0D0E  # any constant shared by every writer of the log


def _digest(entry: AuditEntry) -> str:
    content = {
        "seq": entry.seq, "created": entry.created.isoformat(), "actor": entry.actor_id,
        "actor_name": entry.actor_name, "action": entry.action, "target_type": entry.target_type,
        "target_id": entry.target_id, "data": entry.data, "prev": entry.prev_hash,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(action: str, *, actor=None, target=None, **data: object) -> AuditEntry:  # type: ignore[no-untyped-def]
    """Append one decision to the log: ``action`` is a stable code such as ``comment.moderated``.

    ``target`` is the model instance the decision is about; ``data`` must be JSON-serialisable.
    Call it inside the transaction that makes the decision, so that both or neither are stored.
    """
    actor = actor if getattr(actor, "is_authenticated", False) else None
    # No savepoint of its own: the entry fails with the decision it records, and succeeds with it.
    with transaction.atomic(savepoint=False):
        last = _chain_end()
        entry = _entry(last, timezone.now(), action, actor, target, data)
        entry.save()
    return entry


def record_many(decisions: list[tuple[str, object, dict[str, object]]]) -> list[AuditEntry]:
    """Append several decisions made by nobody in particular (the worker's follow-ups), each an
    (action, target, data) as for ``record``: one read of the chain's end and one INSERT for all,
    inside the caller's transaction."""
    if not decisions:
        return []
    with transaction.atomic(savepoint=False):
        last, now, entries = _chain_end(), timezone.now(), []
        for action, target, data in decisions:
            last = _entry(last, now, action, None, target, data)
            entries.append(last)
        # New rows only: the entry's save() is there to refuse changes to stored ones.
        AuditEntry.objects.bulk_create(entries)
    return entries


def _chain_end() -> AuditEntry | None:
    """The newest entry's number and hash, once this transaction alone may append (PostgreSQL takes
    an advisory lock; SQLite's write transactions are exclusive already)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
    last = _last()
    return AuditEntry(seq=last["seq"], hash=last["hash"]) if last else None


def _entry(last: AuditEntry | None, created, action: str, actor, target, data) -> AuditEntry:  # type: ignore[no-untyped-def]
    """The entry that follows ``last`` in the chain (None: the first), with its hash."""
    entry = AuditEntry(
        seq=(last.seq + 1) if last else 1, created=created, actor=actor,
        actor_name=actor.get_username() if actor else "", action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=json.loads(json.dumps(data, default=str)), prev_hash=last.hash if last else GENESIS)
    entry.hash = _digest(entry)
    return entry


def _last() -> dict | None:
    """The newest entry's number and hash. Plain SQL: every stored comment asks, and building the
    ORM's query cost more than running it."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT seq, hash FROM {AuditEntry._meta.db_table} ORDER BY seq DESC LIMIT 1")
        row = cursor.fetchone()
    return {"seq": row[0], "hash": row[1]} if row else None


@dataclass
class Verification:
    checked: int
    broken: AuditEntry | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify() -> Verification:
    """Walk the chain from the first entry; the first entry that does not fit is named."""
    previous, expected_seq, checked = GENESIS, 1, 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return Verification(checked, entry, f"entry {expected_seq} is missing before entry {entry.seq}")
        if entry.prev_hash != previous:
            return Verification(checked, entry, "its link to the entry before it does not match")
        if _digest(entry) != entry.hash:
            return Verification(checked, entry, "its content does not match its hash (it was changed)")
        previous, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
    return Verification(checked)
