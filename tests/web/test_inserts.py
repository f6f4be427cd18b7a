"""A row stored by ``insert`` is the row ``save()`` stores, parents and all."""

from __future__ import annotations

import pytest
from django.db.models.signals import post_save

from omdome.web.comments.models import Comment, ModerationEvent, Status
from omdome.web.core.inserts import insert, insert_if_absent
from omdome.web.messages.models import Message
from web.factories import make_thread

pytestmark = pytest.mark.django_db


def new_comment(thread, **fields) -> Comment:
    values = {"thread": thread, "organisation": thread.site.organisation, "author": "Lena", "email": "lena@example.se",
              "text": "Tack!", "html": "<p>Tack!</p>", "status": Status.PENDING, "ip_address": "192.0.2.7",
              "category": "praise", "confidence": 0.93, "triage": {"category": "praise", "reasons": [{"code": "x"}]},
              "held_by_site": True, "rescore_due": True}
    return Comment(**{**values, **fields})


def stored(comment_id: int) -> dict:
    """Every column of the comment and its message row, as read back from the database."""
    comment = Comment.objects.get(pk=comment_id)
    return {f.attname: getattr(comment, f.attname) for f in Comment._meta.concrete_fields
            if f.attname not in ("id", "message_ptr_id")}


def test_a_comment_inserted_is_stored_as_save_stores_it():
    thread = make_thread()
    saved, inserted = new_comment(thread), new_comment(thread)
    saved.save()
    insert(inserted)
    assert inserted.pk and inserted.pk == inserted.id != saved.pk
    assert not inserted._state.adding and inserted.created is not None  # auto_now_add, as save() sets it
    one, other = stored(saved.pk), stored(inserted.pk)
    assert abs((one.pop("created") - other.pop("created")).total_seconds()) < 5
    assert one == other
    assert Message.objects.filter(pk=inserted.pk).exists()  # the parent row, linked
    event = ModerationEvent(comment=inserted, action="created", to_status=inserted.status, reason="r")
    insert(event)
    assert ModerationEvent.objects.get(pk=event.pk).comment_id == inserted.pk


def test_a_model_someone_listens_to_is_saved_by_save():
    heard = []

    def listener(sender, instance, created, **kwargs):  # type: ignore[no-untyped-def]
        heard.append((instance.pk, created))

    post_save.connect(listener, sender=ModerationEvent)
    try:
        comment = new_comment(make_thread())
        insert(comment)
        event = ModerationEvent(comment=comment, action="created")
        insert(event)
    finally:
        post_save.disconnect(listener, sender=ModerationEvent)
    assert heard == [(event.pk, True)]


def test_a_model_with_a_save_of_its_own_is_saved_by_it(monkeypatch):
    from omdome.web.core.models import AuditEntry

    saved = []
    original = AuditEntry.save

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        saved.append(self.action)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(AuditEntry, "save", spy)
    from omdome.web.core import inserts

    inserts._tables.cache_clear()
    entry = AuditEntry(seq=1, created=make_thread().created, action="test.inserted", prev_hash="0" * 64, hash="x")
    insert(entry)
    assert saved == ["test.inserted"] and AuditEntry.objects.filter(pk=entry.pk).exists()


def test_a_thread_inserted_if_absent_is_stored_once_and_a_taken_url_is_left_alone():
    from omdome.web.comments.models import Thread

    site = make_thread().site
    first = Thread(site=site, url="https://www.sundby.se/ny-sida", title="Ny sida")
    assert insert_if_absent(first, "url") is True
    assert first.pk and not first._state.adding and first.created is not None
    stored_first = Thread.objects.get(pk=first.pk)
    assert (stored_first.url, stored_first.title, stored_first.revision, stored_first.closed) == (
        "https://www.sundby.se/ny-sida", "Ny sida", 0, False)
    again = Thread(site=site, url="https://www.sundby.se/ny-sida", title="Annan titel")
    assert insert_if_absent(again, "url") is False
    assert again.pk is None and again._state.adding
    assert list(Thread.objects.filter(url=first.url).values_list("title", flat=True)) == ["Ny sida"]


def test_insert_if_absent_refuses_what_it_cannot_do_in_one_statement():
    from omdome.web.comments.models import Thread

    thread = make_thread()
    with pytest.raises(TypeError, match="not unique"):
        insert_if_absent(Thread(site=thread.site, url="https://www.sundby.se/x", title="x"), "title")
    with pytest.raises(TypeError, match="not a plain one-table model"):
        insert_if_absent(new_comment(thread), "idempotency_key")


def test_a_prepared_comment_and_its_log_entry_are_stored_as_save_stores_them():
    from django.db import transaction

    from omdome.web.core.inserts import prepare

    thread = make_thread()
    saved = new_comment(thread)
    saved.save()
    comment = new_comment(thread)
    comment.thread = None
    row = prepare(comment, later=("thread",))
    event = ModerationEvent(comment=comment, action="created", to_status=comment.status, reason="r")
    logged = prepare(event, later=("comment",))
    assert comment.pk is None and comment.created is not None  # auto_now_add set when prepared, as by save()
    with transaction.atomic():
        comment.thread = thread  # known only inside the transaction, read when the row is stored
        row.insert()
        logged.insert()
    one, other = stored(saved.pk), stored(comment.pk)
    assert abs((one.pop("created") - other.pop("created")).total_seconds()) < 5
    assert one == other
    assert Message.objects.filter(pk=comment.pk).exists()
    assert ModerationEvent.objects.get(pk=event.pk).comment_id == comment.pk


def test_a_prepared_row_whose_related_object_was_never_stored_is_refused():
    from omdome.web.core.inserts import prepare

    comment = new_comment(make_thread())
    event = prepare(ModerationEvent(comment=comment, action="created"), later=("comment",))
    with pytest.raises(ValueError, match="not stored yet"):
        event.insert()
    assert not ModerationEvent.objects.exists()
