"""Background tasks, the periodic scheduler, and the admin commands."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from omdome.web.comments import rescoring, services
from omdome.web.comments.models import Comment, Status
from omdome.web.comments.tasks import rescore_comment
from omdome.web.scheduling import registry
from omdome.web.scheduling.models import PeriodicRun
from web.factories import (
    asked_only_about_threats,
    due_texts,
    held_on_a_borderline_score,
    hesitant_text,
    make_comment,
    make_staff,
    make_thread,
)

pytestmark = pytest.mark.django_db


def test_the_rescore_outbox_takes_what_the_fuller_model_should_read_with_what_it_is_asked():
    thread = make_thread()
    plain = make_comment(thread, "Tack för informationen, mycket bra!").comment
    rough = make_comment(thread, due_texts()[0], author="Nils").comment
    reported = make_comment(thread, "Jag vet var du bor, akta dig din jävel", author="Bo", confirmed=True).comment
    # The rough one is asked about the whole decision; one the fast path already reports, or sees
    # as plainly harmless, not at all.
    assert [c.rescore_due for c in (plain, rough, reported)] == [False, True, False]
    assert rough.triage.get("rescore_for") is None
    # Harmless, but as if the fast path saw some chance of a threat in it: asked only that.
    everyday = asked_only_about_threats(make_comment(thread, hesitant_text(), author="Eva").comment)
    fast = (everyday.category, everyday.confidence)
    assert rescoring.backlog() == 2
    assert rescoring.drain() == 2 and rescoring.backlog() == 0
    for comment in (everyday, rough):
        comment.refresh_from_db()
        assert not comment.rescore_due and comment.triage["rescored"]
    # Not a threat: the fast path's result stands, whatever else the fuller model thought.
    assert (everyday.category, everyday.confidence) == fast
    assert rough.triage["category"] == rough.category


def test_the_fuller_model_is_asked_whether_a_comment_is_a_threat_from_some_chance_of_one():
    from dataclasses import replace

    from omdome.triage.classifier import Triager

    harmless = Triager(fast=True).triage("Tack för informationen, mycket bra!")
    assert rescoring.purpose(harmless) is None
    at_bound = replace(harmless, threat=rescoring.THREAT_ONLY_FROM)
    assert rescoring.purpose(at_bound) == rescoring.PURPOSE_THREAT
    assert rescoring.purpose(replace(harmless, threat=rescoring.THREAT_FROM)) == rescoring.PURPOSE_DECISION
    assert rescoring.purpose(replace(at_bound, moderation="report")) is None


def test_a_veiled_threat_the_fast_path_published_is_withheld_flagged_and_told_after_the_rescore(
        django_capture_on_commit_callbacks, client):
    from django.core import mail

    client.force_login(make_staff())
    # Polite words with a threat in them: to the fast path, a correction it publishes.
    text = "Glöm inte, ni på kommunen, att era dörrar också går att öppna utifrån om man vill."
    comment = make_comment(make_thread(), text).comment
    assert comment.status == Status.PUBLISHED and not comment.possibly_unlawful
    assert comment.triage["rescore_for"] == "threat"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert rescoring.drain() == 1
    comment.refresh_from_db()
    assert comment.status == Status.WITHHELD and comment.possibly_unlawful
    assert (comment.category, comment.urgency) == ("hateful", "high")
    assert comment.events.filter(action="withheld_after_rescore").exists()
    assert len(mail.outbox) == 1 and f"#message-{comment.pk}" in mail.outbox[0].body
    # The moderation log says what happened in the UI's words, not in the stored codes.
    page = client.get("/inbox/?queue=review").content.decode()
    assert "hålls inne efter en andra läsning · felaktighet → hatiskt" in page and "rescore:" not in page


def test_the_rescore_reads_a_second_time_and_reports_from_the_lower_probability(
        django_capture_on_commit_callbacks, monkeypatch):
    from omdome.triage import classifier
    from omdome.triage.classifier import Triager

    make_staff()
    text = "Tänk er för innan ni stänger fritidsgården, många här har inget att förlora."
    comment = make_comment(make_thread(), text).comment
    assert comment.status == Status.PUBLISHED and comment.rescore_due
    # The default path alone would not report it; the re-score reads it as the second reading does.
    default = Triager(fast=False).triage(text)
    assert default.moderation != "report"
    monkeypatch.setattr(classifier, "SECOND_READING_AT", default.threat - 0.01)
    with django_capture_on_commit_callbacks(execute=True):
        assert rescoring.drain() == 1
    comment.refresh_from_db()
    assert comment.status == Status.WITHHELD and comment.possibly_unlawful
    assert (comment.category, comment.urgency) == ("hateful", "high")


def test_a_threat_the_fast_path_withheld_only_as_hateful_is_flagged_after_the_rescore(
        django_capture_on_commit_callbacks):
    from django.core import mail

    make_staff()
    text = "Snygg bil VD:n har fått för medlemmarnas pengar. Hoppas lacken håller. Och däcken."
    comment = make_comment(make_thread(), text, confirmed=True).comment
    assert comment.status == Status.WITHHELD and comment.category == "hateful" and not comment.possibly_unlawful
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert rescoring.drain() == 1
    comment.refresh_from_db()
    assert comment.status == Status.WITHHELD and comment.possibly_unlawful and comment.urgency == "high"
    event = comment.events.get(action="reported_after_rescore")
    assert (event.from_status, event.to_status) == (Status.WITHHELD, Status.WITHHELD)
    assert len(mail.outbox) == 1


def test_an_edit_puts_the_comment_back_into_the_outbox():
    first, *_others, last = due_texts()
    posted = make_comment(make_thread(), first)
    rescoring.drain()
    assert not Comment.objects.get(pk=posted.comment.pk).rescore_due
    services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token, text=last)
    assert Comment.objects.get(pk=posted.comment.pk).rescore_due


def test_the_rescore_stores_the_fuller_triage_and_can_withhold():
    comment = make_comment(make_thread(), "Tack för informationen, mycket bra!").comment
    assert rescore_comment.call(comment.pk) == "praise"
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED and comment.triage["category"] == "praise"
    # A published comment the fuller model says to hide is withheld, and the change is logged.
    Comment.objects.filter(pk=comment.pk).update(text="Jag vet var du bor, akta dig din jävel")
    assert rescore_comment.call(comment.pk) == "hateful"
    comment.refresh_from_db()
    assert comment.status == Status.WITHHELD and comment.possibly_unlawful
    assert comment.events.filter(action="withheld_after_rescore").exists()


def test_periodic_jobs_are_enqueued_once_per_interval():
    from django_tasks import default_task_backend

    default_task_backend.clear()
    now = timezone.now()
    daily = {"prune_task_results", "forget_contact_details"}
    hourly = {"prune_rate_counters", "cases.remind_overdue", "inbox.send_digests"}
    often = {"reports.count_long_periods"}  # every ten minutes
    every_minute = {"channels.sync"}
    assert set(registry.enqueue_due(now)) == daily | hourly | often | every_minute
    assert registry.enqueue_due(now + timedelta(seconds=30)) == []
    assert set(registry.enqueue_due(now + timedelta(minutes=5))) == every_minute
    assert set(registry.enqueue_due(now + timedelta(minutes=30))) == often | every_minute
    assert set(registry.enqueue_due(now + timedelta(hours=1))) == hourly | often | every_minute
    assert daily <= set(registry.enqueue_due(now + timedelta(days=1, minutes=1)))
    assert PeriodicRun.objects.get(name="prune_task_results").last_enqueued == now + timedelta(days=1, minutes=1)


def test_a_job_name_cannot_be_registered_twice_for_another_task():
    from omdome.web.scheduling.jobs import prune_task_results

    with pytest.raises(ValueError):
        registry.register_periodic("prune_task_results", timedelta(hours=1), rescore_comment)
    with pytest.raises(ValueError):
        registry.register_periodic("too_often", timedelta(seconds=5), prune_task_results)


def test_createadmin_makes_a_superuser_with_a_hashed_password_and_a_staff_profile(monkeypatch, capsys):
    from omdome.cli import main

    monkeypatch.setenv("OMDOME_ADMIN_PASSWORD", "ett-riktigt-langt-losenord")
    assert main(["createadmin", "admin", "--name", "Karin Ek", "--role", "Kommunikationschef",
                 "--employer", "Sundby kommun"]) == 0
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("ett-riktigt-langt-losenord")
    assert user.password != "ett-riktigt-langt-losenord"
    assert user.staff_profile.can_reply_publicly
    assert main(["createadmin", "admin", "--name", "X"]) == 2
    monkeypatch.setenv("OMDOME_ADMIN_PASSWORD", "123")
    monkeypatch.setenv("OMDOME_LANG", "sv")
    assert main(["createadmin", "other", "--name", "X"]) == 2
    assert "lösenord" in capsys.readouterr().err.lower()


def test_the_demo_loads_once(capsys):
    from omdome.cli import main

    assert main(["demo"]) == 0 and main(["demo"]) == 0
    assert Comment.objects.filter(thread__url__startswith="http://127.0.0.1:8000/demo/").count() == 7
    assert Comment.objects.filter(staff__isnull=False).count() == 1


def test_the_admin_lists_comments_and_never_deletes(admin_client):
    comment = make_comment(make_thread(), "<b>Hej</b> från admin-testet").comment
    page = admin_client.get("/admin/comments/comment/")
    assert page.status_code == 200 and "&lt;b&gt;Hej&lt;/b&gt;" in page.content.decode()
    assert admin_client.get(f"/admin/comments/comment/{comment.pk}/delete/").status_code == 403
    response = admin_client.post("/admin/comments/comment/", {"action": "set_hidden", "_selected_action": [comment.pk]})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.HIDDEN
    assert comment.events.get(action="moderated_hidden").actor.username == "admin"


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_stored_tasks_and_drains_the_rescore_outbox(settings):
    from django_tasks import task_backends
    from django_tasks_db.models import DBTaskResult

    from omdome.cli import main
    from omdome.web.comments.tasks import prune_rate_counters

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    task_backends["default"]  # the backend of the new setting
    comment = make_comment(make_thread(), due_texts()[0]).comment
    prune_rate_counters.enqueue()
    assert comment.rescore_due and DBTaskResult.objects.filter(status="READY").count() == 1
    Comment.objects.filter(pk=comment.pk).update(category="")
    policy = os.sched_getscheduler(0)
    try:
        assert main(["worker", "--batch"]) == 0  # in this process: below the web server, as it runs
    finally:
        os.sched_setscheduler(0, policy, os.sched_param(0))  # the tests after this one at their own
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    comment.refresh_from_db()
    assert comment.category and not comment.rescore_due


def test_the_rescore_releases_a_comment_the_fast_path_held_on_a_borderline_score():
    praise = "Harbor Bank's new savings pots are exactly what I needed. Nice work, team."
    comment = held_on_a_borderline_score(make_comment(make_thread(), praise).comment)
    rescore_comment.call(comment.pk)
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED and comment.category == "praise"
    assert comment.events.get(action="released_after_rescore").from_status == Status.WITHHELD


def test_the_rescore_never_releases_what_the_writer_sent_past_the_prompt_or_a_moderator_held():
    thread = make_thread()
    prompted = make_comment(thread, "Du är en jävla idiot", confirmed=True).comment
    rescore_comment.call(prompted.pk)
    prompted.refresh_from_db()
    assert prompted.status == Status.WITHHELD
    from omdome.web.comments import services

    held = make_comment(thread, "Tack för informationen!").comment
    services.moderate(comment=held, actor=None, to_status=Status.WITHHELD, reason="kollar med juristen")
    rescore_comment.call(held.pk)
    held.refresh_from_db()
    assert held.status == Status.WITHHELD


@pytest.mark.slow
def test_serve_in_production_mode_collects_static_files_and_runs_gunicorn(tmp_path):
    """A real process on a free port, with production settings and its own SQLite file."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "OMDOME_DEBUG": "0", "OMDOME_DATA_DIR": str(tmp_path),
           "OMDOME_SECRET_KEY": "a-test-key-that-is-long-enough-0123456789abcdef", "OMDOME_WEB_WORKERS": "1",
           "OMDOME_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "omdome.web.settings"}
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "omdome", "serve", f"127.0.0.1:{port}", "--no-worker"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    assert response.read() == b"ok\n"
                break
            except OSError:
                time.sleep(0.25)
        else:
            raise AssertionError(server.stderr.read1().decode() if server.poll() is not None else "no answer")
        with urllib.request.urlopen(f"{base}/static/admin/css/base.css", timeout=5) as response:
            assert response.status == 200
        with urllib.request.urlopen(f"{base}/widget.js", timeout=5) as response:
            assert b"OmdomeWidget" in response.read()
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert (tmp_path / "omdome.sqlite3").is_file() and (tmp_path / "static" / "admin").is_dir()
    with socket.socket() as again:  # gunicorn stopped with it: nothing listens on the port any more
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # closed connections may linger
        again.bind(("127.0.0.1", port))


@pytest.mark.slow
def test_serve_on_a_busy_port_stops_with_a_clear_message_before_starting_anything(tmp_path):
    import os
    import socket
    import subprocess
    import sys

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "OMDOME_DEBUG": "0", "OMDOME_DATA_DIR": str(tmp_path), "OMDOME_WEB_WORKERS": "1",
               "OMDOME_SECRET_KEY": "a-test-key-that-is-long-enough-0123456789abcdef",
               "OMDOME_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "omdome.web.settings"}
        env.pop("DATABASE_URL", None)
        done = subprocess.run([sys.executable, "-m", "omdome", "serve", f"127.0.0.1:{port}", "--no-worker"],
                              env=env, capture_output=True, text=True, timeout=120)
    # Found before anything starts: a clear message, exit code 2, no worker left behind.
    assert done.returncode == 2 and "kan inte lyssna på" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_serve_with_a_data_folder_that_cannot_be_made_says_so_in_one_line(tmp_path):
    import os
    import subprocess
    import sys

    (tmp_path / "a-file").write_text("not a folder")
    env = {**os.environ, "OMDOME_DEBUG": "0", "OMDOME_DATA_DIR": str(tmp_path / "a-file" / "data"),
           "OMDOME_SECRET_KEY": "a-test-key-that-is-long-enough-0123456789abcdef",
           "DJANGO_SETTINGS_MODULE": "omdome.web.settings"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "omdome", "serve", "127.0.0.1:0", "--no-worker"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "OMDOME_DATA_DIR" in done.stderr and str(tmp_path / "a-file" / "data") in done.stderr


def test_the_worker_waits_out_a_locked_database_longer_each_time(monkeypatch):
    from django.db import OperationalError

    from omdome.cli import web

    naps: list[float] = []
    calls = iter([OperationalError("database is locked"), OperationalError("database is locked"), 5.0])

    def work() -> float:
        outcome = next(calls)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def nap(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 3:
            raise SystemExit  # the loop runs for ever; stop it after the first good round

    monkeypatch.setattr(web.time, "sleep", nap)
    with pytest.raises(SystemExit):
        web._outlasting("test", work)()
    assert naps == [1.0, 2.0, 5.0]


def test_a_fault_in_the_workers_loop_is_logged_and_waited_out_not_the_end_of_it(monkeypatch, capsys):
    from omdome.cli import web

    class Stop(BaseException):
        pass

    calls = []

    def work() -> float:
        calls.append(len(calls))
        if len(calls) == 1:
            raise RuntimeError("a fault in a receiver")
        raise Stop

    monkeypatch.setattr(web.time, "sleep", lambda seconds: None)
    with pytest.raises(Stop):
        web._outlasting("outboxes", work)()
    assert calls == [0, 1]
    assert "omdome worker: outboxes failed" in capsys.readouterr().err


def test_a_comment_the_fast_path_finds_harmless_but_for_some_probability_of_a_threat_is_rescored():
    import dataclasses

    from omdome.triage.classifier import Triager

    calm = Triager(fast=True).triage("Tack för en fin dag på biblioteket, barnen älskade sagostunden!")
    assert calm.moderation == "keep" and calm.threat < rescoring.THREAT_FROM
    assert not rescoring.worth_rescoring(calm)
    # Everything else as harmless, but the threat head unsure: the fuller model, with its neighbours'
    # vote, is asked.
    assert rescoring.worth_rescoring(dataclasses.replace(calm, threat=rescoring.THREAT_FROM))
