"""The reshaping migration carries existing comment data over, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("comments", "0003_retention_and_depth"), ("people", "0001_initial")]


def _migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_comments_become_messages_with_their_ids_threads_replies_log_and_reason_codes():
    old = _migrate(BEFORE)
    User = old.get_model("auth", "User")
    Permission = old.get_model("auth", "Permission")
    Site, Thread = old.get_model("comments", "Site"), old.get_model("comments", "Thread")
    Comment, Event = old.get_model("comments", "Comment"), old.get_model("comments", "ModerationEvent")
    staff = User.objects.create(username="karin", is_staff=True)
    reply_perm = Permission.objects.filter(codename="reply_as_staff").first()
    if reply_perm is not None:
        staff.user_permissions.add(reply_perm)
    site = Site.objects.create(name="Sundby", origins="https://www.sundby.se", sector="public",
                               privacy_controller="Sundby kommun", privacy_contact="dataskydd@sundby.se",
                               privacy_url="https://www.sundby.se/pu")
    thread = Thread.objects.create(site=site, url="https://www.sundby.se/nyheter/a", title="A")
    hateful_triage = {"category": "hateful", "urgency": "high",
                      "reasons": ["model: hateful (0.91)", "threat: 'jag vet var du bor'",
                                  "obviously unlawful content (threat or incitement): report it"]}
    first = Comment.objects.create(thread=thread, author="Lena", text="Tack!", html="<p>Tack!</p>",
                                   status="published", category="praise", ip_address="192.0.2.1",
                                   email="lena@example.se", triage={"reasons": ["model: praise (0.88)"]})
    threat = Comment.objects.create(thread=thread, parent=first, depth=1, author="X", text="Jag vet var du bor",
                                    html="<p>…</p>", status="withheld", category="hateful", possibly_unlawful=True,
                                    triage=hateful_triage)
    reply = Comment.objects.create(thread=thread, parent=first, depth=1, author="Karin Ek", text="Tack själv!",
                                   html="<p>Tack själv!</p>", status="published", staff=staff,
                                   staff_name="Karin Ek", staff_role="Kommunikatör",
                                   staff_organisation="Sundby kommun")
    Event.objects.create(comment=threat, action="created", to_status="withheld", reason="triage: hateful, report")
    created_at = Comment.objects.get(pk=first.pk).created

    new = _migrate(_latest())
    NewComment = new.get_model("comments", "Comment")
    Message = new.get_model("messaging", "Message")
    Organisation = new.get_model("core", "Organisation")
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.sector, organisation.privacy_contact) == (
        "Sundby kommun", "public", "dataskydd@sundby.se")
    assert new.get_model("comments", "Site").objects.get().organisation_id == organisation.pk
    assert sorted(Message.objects.values_list("pk", flat=True)) == sorted([first.pk, threat.pk, reply.pk])
    moved = NewComment.objects.get(pk=threat.pk)
    assert (moved.text, moved.status, moved.parent_id, moved.depth, moved.possibly_unlawful) == (
        "Jag vet var du bor", "withheld", first.pk, 1, True)
    assert [r["code"] for r in moved.triage["reasons"]] == ["model", "rule.threat", "unlawful"]
    assert moved.urgency == "high" and moved.organisation_id == organisation.pk
    kept = NewComment.objects.get(pk=first.pk)
    assert (kept.email, kept.ip_address, kept.html, kept.created) == ("lena@example.se", "192.0.2.1",
                                                                      "<p>Tack!</p>", created_at)
    staff_reply = NewComment.objects.get(pk=reply.pk)
    assert staff_reply.staff_id == staff.pk and staff_reply.direction == "out"
    assert new.get_model("comments", "ModerationEvent").objects.get().comment_id == threat.pk
    # New messages continue after the carried-over ids (PostgreSQL's sequence was moved on).
    fresh = Message.objects.create(author="Ny", text="Hej")
    assert fresh.pk > max(first.pk, threat.pk, reply.pk)
    if reply_perm is not None:
        assert staff.user_permissions.filter(codename="reply_as_staff", content_type__model="comment").exists()
