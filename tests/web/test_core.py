"""The organisation's base: the audit chain, login and its throttle, roles, errors as pages."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.db import connection

from omdome.web.core import audit
from omdome.web.core.models import AuditEntry
from web.factories import PASSWORD, make_comment, make_staff, make_thread, make_user

pytestmark = pytest.mark.django_db


def test_every_comment_decision_lands_in_one_hash_chained_log():
    make_comment(make_thread(), "Tack för snabbt svar!")
    entries = list(AuditEntry.objects.order_by("seq"))
    assert [e.action for e in entries] == ["comment.created"]
    assert entries[0].prev_hash == audit.GENESIS and len(entries[0].hash) == 64
    audit.record("policy.approved", version="1.0")
    assert audit.verify().ok and audit.verify().checked == 2


def test_decisions_appended_together_continue_the_chain_as_one_at_a_time_would():
    audit.record("test.step", n=0)
    thread = make_thread()
    entries = audit.record_many([("test.batch", thread, {"n": 1}), ("test.batch", None, {"n": 2})])
    audit.record("test.step", n=3)
    stored = list(AuditEntry.objects.order_by("seq"))
    assert [(e.seq, e.action, e.data) for e in stored] == [
        (1, "test.step", {"n": 0}), (2, "test.batch", {"n": 1}), (3, "test.batch", {"n": 2}),
        (4, "test.step", {"n": 3})]
    assert (stored[1].target_type, stored[1].target_id) == ("comments.thread", str(thread.pk))
    assert [e.hash for e in entries] == [stored[1].hash, stored[2].hash]
    assert audit.verify().ok and audit.verify().checked == 4
    assert audit.record_many([]) == []


def test_when_a_row_is_edited_in_the_database_then_verify_names_it():
    for n in range(5):
        audit.record("test.step", n=n)
    third = AuditEntry.objects.get(seq=3)
    with connection.cursor() as cursor:  # behind the model's back, as someone with database access might
        cursor.execute("UPDATE core_auditentry SET data = %s WHERE id = %s", ['{"n": 99}', third.pk])
    result = audit.verify()
    assert not result.ok and result.broken.seq == 3 and "changed" in result.problem


def test_when_a_row_is_removed_then_verify_names_the_gap():
    for n in range(4):
        audit.record("test.step", n=n)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE seq = 2")
    result = audit.verify()
    assert not result.ok and result.broken.seq == 3 and "missing" in result.problem


def test_the_model_refuses_to_change_or_delete_an_entry():
    entry = audit.record("test.step")
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


@pytest.mark.slow
def test_omdome_audit_verify_exits_1_and_names_the_entry(tmp_path):
    """The command runs against a SQLite file of its own, whatever database the suite uses."""
    env = {**os.environ, "OMDOME_DEBUG": "1", "OMDOME_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "omdome.web.settings"}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "omdome", "audit", "verify"]
    fresh = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert fresh.returncode == 0 and "0 poster kontrollerade" in fresh.stdout
    import sqlite3

    script = ("from omdome.web.core import audit\n"
              "for n in range(3): audit.record('test.step', n=n)\n")
    subprocess.run([sys.executable, "-c", f"import django; django.setup()\n{script}"], env=env, check=True,
                   timeout=120)
    with sqlite3.connect(tmp_path / "omdome.sqlite3") as db:
        db.execute("UPDATE core_auditentry SET action = 'test.forged' WHERE seq = 2")
    broken = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert broken.returncode == 1 and "bruten vid post 2" in broken.stderr and "Traceback" not in broken.stderr


def test_the_login_page_is_the_apps_own_and_logs_in(client):
    make_user("anna", "employee", real_name="Anna Lind")
    page = client.get("/login/")
    assert page.status_code == 200 and 'autocomplete="current-password"' in page.content.decode()
    response = client.post("/login/", {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Anna Lind" in client.get("/").content.decode()


def test_after_five_failed_logins_even_the_right_password_waits(client):
    make_user("anna", "employee")
    for _ in range(5):
        assert client.post("/login/", {"username": "anna", "password": "fel"}).status_code == 200
    refused = client.post("/login/", {"username": "anna", "password": PASSWORD})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2(settings):
    from omdome.web import settings as production  # the tests themselves use a fast hasher

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = make_user("anna", "employee")
    assert user.password.startswith("argon2$argon2id$") and user.check_password(PASSWORD)


def test_pages_ask_for_login_and_refuse_the_wrong_role(client):
    thread = make_thread()
    assert client.get(f"/staff/threads/{thread.pk}/")["Location"].startswith("/login/")
    client.force_login(make_user("erik", "employee"))
    refused = client.get(f"/staff/threads/{thread.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 403 and "Your role does not allow this." in refused.content.decode()
    client.force_login(make_staff("karin"))
    assert client.get(f"/staff/threads/{thread.pk}/").status_code == 200


def test_the_audit_page_is_for_admins_and_registrars(client):
    audit.record("test.step")
    client.force_login(make_staff("karin"))
    assert client.get("/audit/").status_code == 403
    client.force_login(make_user("rita", "registrar"))
    page = client.get("/audit/?verify=1")
    assert page.status_code == 200 and "test.step" in page.content.decode()


@pytest.mark.slow
def test_the_first_administrator_names_the_demo_organisation_instead_of_starting_a_second(tmp_path):
    env = {**os.environ, "OMDOME_DEBUG": "1", "OMDOME_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "omdome.web.settings", "OMDOME_ADMIN_PASSWORD": "ett-langt-losenord-42"}
    env.pop("DATABASE_URL", None)
    for command in (["demo"], ["createadmin", "anna", "--name", "Anna Lind", "--employer", "Sundby kommun",
                               "--sector", "public"]):
        done = subprocess.run([sys.executable, "-m", "omdome", *command], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
    script = ("import django; django.setup()\n"
              "from omdome.web.core.models import Organisation\n"
              "from omdome.web.comments.models import Site\n"
              "print([(o.name, o.sector) for o in Organisation.objects.all()], Site.objects.get().organisation.name)")
    shown = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert shown.stdout.strip() == "[('Sundby kommun', 'public')] Sundby kommun", shown.stderr
