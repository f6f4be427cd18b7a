"""The web app's commands: serve, worker, createadmin, demo, import/export of comments, manage."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable

from omdome.i18n import N_

ADDRESS = "127.0.0.1:8000"


# The importers' skip reasons, translated where they are shown.
SKIP_REASONS = (N_("already imported"), N_("empty"), N_("deleted"), N_("spam"), N_("pingback"))


def _t(template: str, **params: object) -> str:
    """``template`` in the user's language (OMDOME_LANG; Swedish by default), filled in."""
    from omdome.cli import ui_language
    from omdome.i18n import translator

    return translator(ui_language())(template).format(**params)


def _bad_input(text: str) -> int:
    """What is wrong, the way every omdome command says it; exit code 2."""
    from omdome.cli import ui_language
    from omdome.cli.errors import report
    from omdome.i18n import translator

    return report(ValueError(text), translator(ui_language()))


class SetupError(Exception):
    """The web app cannot start: a missing setting, a database that cannot be reached."""


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omdome.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        raise SetupError(str(error)) from None
    from django.utils import translation

    from omdome.cli import ui_language

    translation.activate(ui_language())


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A web command reports a setup or database problem in one line with exit code 2, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except SetupError as error:
            return _bad_input(str(error))
        except Exception as error:
            from django.db import DatabaseError

            if isinstance(error, DatabaseError):
                return _bad_input(_t("the database: {error}", error=error).strip())
            raise

    return run


def register(commands: argparse._SubParsersAction, _: Callable[[str], str]) -> None:
    serve = commands.add_parser("serve", help=_("set up the database and serve the web app"),
                                description=_("Apply migrations, then serve the web app and run a task worker."))
    serve.add_argument("address", nargs="?", default=ADDRESS, help=_("host:port (default %(default)s)"))
    serve.add_argument("--no-worker", action="store_true", help=_("do not start a background task worker"))
    serve.add_argument("--no-access-log", action="store_true",
                       help=_("do not print a line per request (when a proxy in front of the app logs them)"))
    serve.add_argument("--demo", action="store_true", help=_("load the demo threads first"))
    serve.set_defaults(handler=_guarded(run_serve))

    worker = commands.add_parser("worker", help=_("run background tasks and periodic jobs"))
    worker.add_argument("--batch", action="store_true", help=_("run the tasks waiting now, then stop"))
    worker.add_argument("--rescore-shard", metavar="I/N", help=argparse.SUPPRESS)
    worker.set_defaults(handler=_guarded(run_worker))

    admin = commands.add_parser("createadmin", help=_("create the first administrator"),
                                description=_("Create an administrator with a staff profile. The password is "
                                              "read from OMDOME_ADMIN_PASSWORD or asked for."))
    admin.add_argument("username")
    admin.add_argument("--name", required=True, help=_("real name, shown on staff replies"))
    admin.add_argument("--role", default="", help=_("role, shown on staff replies"))
    admin.add_argument("--employer", default="", help=_("the organisation"))
    admin.add_argument("--email", default="")
    admin.add_argument("--sector", choices=("private", "public"), help=_("the organisation's sector"))
    admin.add_argument("--language", choices=("sv", "en"), help=_("the organisation's language"))
    admin.set_defaults(handler=_guarded(run_createadmin))

    demo = commands.add_parser("demo", help=_("load a demo site with a few threads"))
    demo.set_defaults(handler=_guarded(run_demo))

    importer = commands.add_parser("import-comments", help=_("import comments from Disqus or WordPress"),
                                   description=_("Import a Disqus XML export or a WordPress WXR file into a "
                                                 "registered site. Imported comments are triaged; a broken file "
                                                 "imports nothing."))
    importer.add_argument("format", choices=("disqus", "wordpress"))
    importer.add_argument("file")
    importer.add_argument("--site", required=True, help=_("the site's name or number"))
    importer.set_defaults(handler=_guarded(run_import))

    exporter = commands.add_parser("export-comments", help=_("export a site's comments as JSON"))
    exporter.add_argument("--site", required=True, help=_("the site's name or number"))
    exporter.add_argument("-o", "--output", default="-", help=_("file to write (default: standard output)"))
    exporter.set_defaults(handler=_guarded(run_export))

    corrections = commands.add_parser(
        "export-corrections", help=_("export the inbox's corrections of triage as training data"),
        description=_("Write every message a communicator re-labelled, with the category given last, as JSONL "
                      "that 'omdome train' reads (add --base shipped there to keep what the shipped model "
                      "learnt). The file holds readers' own words: keep it as you keep the comments."))
    corrections.add_argument("-o", "--output", required=True, help=_("file to write (JSONL)"))
    corrections.add_argument("--by", required=True,
                             help=_("the administrator exporting (user name), for the audit log"))
    corrections.add_argument("--since", help=_("only corrections made on or after this date (YYYY-MM-DD)"))
    corrections.set_defaults(handler=_guarded(run_export_corrections))

    audit = commands.add_parser("audit", help=_("check the audit log"),
                                description=_("Walk the audit log's hash chain and name the first entry that was "
                                              "changed, inserted or removed. Exit code 1 when the chain is broken."))
    audit.add_argument("what", choices=("verify",))
    audit.set_defaults(handler=_guarded(run_audit))

    manage = commands.add_parser("manage", help=_("run a Django management command"), add_help=False)
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=_guarded(run_manage))


def prepare_database() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def run_serve(args: argparse.Namespace) -> int:
    """Development mode: Django's own server. Otherwise gunicorn, after collecting static files."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if not settings.DEBUG and not os.environ.get("OMDOME_SECRET_KEY"):
        return _bad_input(_t("set OMDOME_SECRET_KEY (a long random string) to serve outside development mode, "
                             "or OMDOME_DEBUG=1 for development"))
    if problem := _address_problem(args.address):
        return _bad_input(problem)
    prepare_database()
    if args.demo:
        run_demo(args)
    # Stopped with SIGTERM, stop the children too (the default would leave them running).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    children: list[subprocess.Popen] = []
    code = 0
    try:
        if not args.no_worker:
            children.append(subprocess.Popen([sys.executable, "-m", "omdome", "worker"]))
        if settings.DEBUG:
            call_command("runserver", args.address, use_reloader=False)
        else:
            call_command("collectstatic", interactive=False, verbosity=0)
            workers = os.environ.get("OMDOME_WEB_WORKERS", "2")
            access_log = [] if args.no_access_log else ["--access-logfile", "-"]
            children.append(subprocess.Popen([sys.executable, "-m", "gunicorn", "omdome.web.wsgi", "--bind",
                                              args.address, "--workers", workers, *access_log]))
            code = _watch(children)
    finally:
        _stop(children)
    return code


def _address_problem(address: str) -> str | None:
    """Why the server could not listen on host:port, found before any worker is started."""
    import socket

    host, _sep, port = address.rpartition(":")
    if not port.isdigit():
        return _t("{address} is not host:port", address=repr(address))
    try:
        with socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET) as probe:
            # As gunicorn binds: connections of a server that just stopped do not block the port.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]") or "127.0.0.1", int(port)))
    except OSError as error:
        return _t("cannot listen on {address}: {reason} (is another server running there?)", address=address,
                  reason=error.strerror)
    return None


def _watch(children: list[subprocess.Popen]) -> int:
    """Wait until the web server ends; a worker that dies is started again (with a pause if it keeps dying)."""
    restarts: list[float] = []
    while True:
        for index, child in enumerate(children):
            if child.poll() is None:
                continue
            name = " ".join(child.args[2:4])
            print(_t("omdome serve: {child} stopped with exit code {code}", child=name, code=child.returncode),
                  file=sys.stderr)
            if child.args[2:4] != ["omdome", "worker"]:
                return child.returncode or 1
            restarts = [t for t in restarts if t > time.monotonic() - 60] + [time.monotonic()]
            time.sleep(min(30, 2 ** len(restarts)))
            print(_t("omdome serve: starting {child} again", child=name), file=sys.stderr)
            children[index] = subprocess.Popen(child.args)
        time.sleep(1)


def _stop(children: list[subprocess.Popen]) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _outlasting(name: str, work: Callable[[], float]) -> Callable[[], None]:
    """Run ``work`` for ever; it returns how long to sleep. A database that is locked or away, or
    a fault in the work, is waited out, longer each time (up to a minute), and never ends the loop."""

    def loop() -> None:
        from django.db import DatabaseError, connection

        delay = 1.0
        while True:
            try:
                time.sleep(work())
                delay = 1.0
            except DatabaseError as error:
                print(f"omdome worker: {name}: {error}; trying again in {delay:.0f} s", file=sys.stderr)
                connection.close()
                time.sleep(delay)
                delay = min(delay * 2, 60.0)
            except Exception:  # a fault in one piece of work must not end the loop for good
                print(f"omdome worker: {name} failed; trying again in {delay:.0f} s", file=sys.stderr)
                traceback.print_exc()
                time.sleep(delay)
                delay = min(delay * 2, 60.0)

    return loop


def _below_the_web_server() -> None:
    """The worker runs on what the web server leaves of the CPU: Linux's idle scheduling class
    (its threads, the embedding's included, inherit it), so that re-scores and follow-ups wait
    while readers and writers are served; elsewhere, or with OMDOME_WORKER_NICE set, a nice value.
    A web worker waiting for the database's write lock sleeps, so a worker holding the lock gets
    the CPU to finish its transaction."""
    nice = os.environ.get("OMDOME_WORKER_NICE")
    if nice is None and hasattr(os, "SCHED_IDLE"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            return
    with contextlib.suppress(OSError, ValueError):
        os.nice(int(nice or "10"))


def run_worker(args: argparse.Namespace) -> int:
    """Periodic jobs, the follow-up and re-score outboxes and queued tasks; below the web server's
    priority, so that a busy worker never slows down readers and writers."""
    setup_django()
    from django.core.management import call_command
    from django.db import DatabaseError, connection

    from omdome.web.comments import followup, rescoring
    from omdome.web.scheduling.registry import enqueue_due, recover_abandoned_tasks

    _below_the_web_server()
    if args.rescore_shard:
        return _rescore_shard(args.rescore_shard)
    if args.batch:
        recover_abandoned_tasks()
        enqueue_due()
        followup.drain_all()
        while rescoring.drain():
            pass
        call_command("db_worker", "--batch", "--no-startup-delay")
        return 0

    shards = rescoring.processes()
    # The embedding runs on one core; more processes drain a backlog that many cores could share.
    helpers = [subprocess.Popen([sys.executable, "-m", "omdome", "worker", "--rescore-shard", f"{i}/{shards}"])
               for i in range(1, shards)]

    def schedule() -> float:
        for index, helper in enumerate(helpers):
            if helper.poll() is not None:
                helpers[index] = subprocess.Popen(helper.args)
        recover_abandoned_tasks()
        enqueue_due()
        return 30.0

    def outboxes() -> float:
        # One thread for both outboxes: a thread that holds the database's write lock must not wait
        # for the interpreter while another runs the model. Follow-ups (a few ms each) go first, for
        # up to half a second, then one batch of re-scores (about a second).
        until, followed = time.monotonic() + 0.5, 0
        while time.monotonic() < until and (done := followup.drain()):
            followed += done
        rescored = rescoring.drain(shard=(0, shards))
        return 0.0 if followed or rescored else 0.5

    threading.Thread(target=_outlasting("scheduler", schedule), name="omdome-scheduler", daemon=True).start()
    threading.Thread(target=_outlasting("outboxes", outboxes), name="omdome-outboxes", daemon=True).start()
    delay = 1.0
    try:
        while True:
            try:
                call_command("db_worker")
                return 0
            except DatabaseError as error:
                print(f"omdome worker: tasks: {error}; trying again in {delay:.0f} s", file=sys.stderr)
                connection.close()
                time.sleep(delay)
                delay = min(delay * 2, 60.0)
    finally:
        _stop(helpers)


def _rescore_shard(spec: str) -> int:
    """A helper process of ``omdome worker`` that re-scores its share of the outbox until its parent ends."""
    from omdome.web.comments import rescoring

    index, _sep, count = spec.partition("/")
    shard = (int(index), int(count))
    parent = os.getppid()

    def rescore() -> float:
        if os.getppid() != parent:  # the worker that started this one is gone
            raise SystemExit(0)
        return 0.0 if rescoring.drain(shard=shard) else 1.0

    _outlasting(f"re-score {spec}", rescore)()
    return 0


def run_createadmin(args: argparse.Namespace) -> int:
    import getpass

    setup_django()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.auth.password_validation import ValidationError, validate_password
    from django.db import transaction

    from omdome.web.core.organisation import organisation_or_default
    from omdome.web.core.roles import Role
    from omdome.web.people.models import StaffProfile

    prepare_database()
    user_model = get_user_model()
    if user_model.objects.filter(username=args.username).exists():
        return _bad_input(_t("a user named {name} exists already", name=args.username))
    password = os.environ.get("OMDOME_ADMIN_PASSWORD")
    if password is None:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            return _bad_input(_t("the passwords differ"))
    candidate = user_model(username=args.username, email=args.email)
    try:
        validate_password(password, candidate)
    except ValidationError as error:
        return _bad_input(" ".join(error.messages))
    organisation = organisation_or_default(args.employer, sector=args.sector, language=args.language)
    with transaction.atomic():
        user = user_model.objects.create_superuser(args.username, args.email, password)
        first, _sep, last = args.name.partition(" ")
        user.first_name, user.last_name = first[:150], last[:150]
        user.save(update_fields=["first_name", "last_name"])
        user.groups.add(Group.objects.get_or_create(name=Role.ADMIN.value)[0])
        StaffProfile.objects.create(user=user, organisation=organisation, real_name=args.name, role=args.role,
                                    employer=args.employer or organisation.name, work_email=args.email)
    print(_t("created administrator {name}", name=args.username))
    return 0


def run_demo(args: argparse.Namespace) -> int:
    setup_django()
    from omdome.web.comments.demo import load_demo

    prepare_database()
    threads = load_demo()
    print(_t("demo site loaded: {n} threads", n=threads))
    return 0


def run_audit(args: argparse.Namespace) -> int:
    setup_django()
    from omdome.web.core.audit import verify

    prepare_database()
    result = verify()
    if result.ok:
        print(_t("audit log intact: {n} entries checked", n=result.checked))
        return 0
    broken = result.broken
    print(_t("omdome: audit log broken at entry {seq} ({action}, {when}): {problem}; {n} entries before it "
             "are intact", seq=broken.seq, action=broken.action, when=broken.created.isoformat(),
             problem=result.problem, n=result.checked), file=sys.stderr)
    return 1


def run_manage(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["omdome manage", *args.rest])
    return 0


def _site(name: str):  # type: ignore[no-untyped-def]
    from omdome.web.comments.models import Site

    site = Site.objects.filter(pk=int(name)).first() if name.isdigit() else Site.objects.filter(name=name).first()
    if site is None:
        known = ", ".join(f"{s.pk}: {s.name}" for s in Site.objects.all()) or _t("none")
        raise LookupError(_t("no site {name} (registered sites: {known})", name=repr(name), known=known))
    return site


def run_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    setup_django()
    from tqdm import tqdm

    from omdome.web.comments.importers.records import ImportFileError
    from omdome.web.comments.importing import import_file

    prepare_database()
    # A bar on a terminal; nothing in a log, where the summary below says it all.
    with tqdm(total=0, unit=_t("comments"), desc=_t("importing"), file=sys.stderr, disable=None,
              dynamic_ncols=True) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            result = import_file(args.format, Path(args.file), _site(args.site), progress=progress)
        except (ImportFileError, LookupError) as error:
            bar.close()
            return _bad_input(str(error))
    skipped = ", ".join(f"{n} {_t(why)}" for why, n in sorted(result.skipped.items())) or _t("none")
    kept = _t("; {n} kept, not shown, for their replies", n=result.placeholders) if result.placeholders else ""
    print(_t("imported {n} comments in {threads} threads ({withheld} withheld, {pending} pending review); "
             "skipped: {skipped}{kept}", n=result.imported, threads=result.threads, withheld=result.withheld,
             pending=result.pending, skipped=skipped, kept=kept))
    for problem in result.problems:
        print(_t("omdome: warning: {problem}", problem=problem), file=sys.stderr)
    return 0


def run_export_corrections(args: argparse.Namespace) -> int:
    import json
    from datetime import date, datetime, time

    setup_django()
    from pathlib import Path

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from omdome.cli.io import write_text_atomic
    from omdome.web.core.errors import NotAllowed
    from omdome.web.core.organisation import organisation_for
    from omdome.web.inbox.services import corrections_as_training_data

    since = None
    if args.since:
        try:
            since = timezone.make_aware(datetime.combine(date.fromisoformat(args.since), time.min))
        except ValueError:
            return _bad_input(_t("--since: {value} is not a date (YYYY-MM-DD)", value=repr(args.since)))
    user = get_user_model().objects.filter(username=args.by, is_active=True).first()
    if user is None:
        return _bad_input(_t("--by: no active user named {name}", name=repr(args.by)))
    try:
        examples = corrections_as_training_data(user=user, organisation=organisation_for(user), since=since)
    except NotAllowed:
        return _bad_input(_t("--by: {name} is not an administrator", name=repr(args.by)))
    text = "".join(json.dumps(example, ensure_ascii=False) + "\n" for example in examples)
    try:
        write_text_atomic(Path(args.output), text)
    except OSError as error:
        return _bad_input(f"{args.output}: {error.strerror}")
    print(_t("{n} corrected messages written to {file}", n=len(examples), file=args.output), file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    import json

    setup_django()
    from pathlib import Path

    from omdome.cli.io import write_text_atomic
    from omdome.web.comments.exporting import export_site

    try:
        data = export_site(_site(args.site))
    except LookupError as error:
        return _bad_input(str(error))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        try:
            write_text_atomic(Path(args.output), text)
        except OSError as error:
            return _bad_input(f"{args.output}: {error.strerror}")
    return 0
