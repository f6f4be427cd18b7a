"""Comment API throughput: Omdöme side by side with Isso 0.14, both served by gunicorn on this machine.

Rerun with ``uv run --frozen python -m bench.bench_isso`` (15–20 minutes; ``--quick`` for a
smoke test of under two minutes that prints its figures without writing them to RESULTS.md).

How the comparison is made:

* The machine must be idle first (other processes under ~15 % CPU over 2 s; ``--force`` skips
  the check), because both servers and the load generator share its two cores. Before each run
  it waits up to a minute for that again, and during each run it measures how much CPU processes
  other than the servers and wrk took (shown in the tables).
* Isso 0.14.0 gets its own virtual environment in ``var/bench/isso-venv`` (made with uv, reused
  when present) and runs as its documentation says, ``gunicorn -w 2 --preload isso.run`` with
  ISSO_SETTINGS pointing at a config in a temp folder: SQLite there, moderation off, the guard
  (its rate limit) off, the site's origin as host.
* Omdöme runs as in production: ``omdome serve`` on a fresh OMDOME_DATA_DIR with a secret key,
  DEBUG off, two gunicorn workers, and the background worker beside them, which re-scores new
  comments with the fuller model; without the access log (``--no-access-log``), as Isso's
  gunicorn command has none. Its rate limits (every OMDOME_RATE_* of settings.py) are raised
  through the environment, and the site is registered with ``omdome manage shell`` (an
  Organisation and a Site whose origin is the pages'), as an administrator would in the admin.
* Each answers a page read as its widget asks for it: Isso with every comment, Omdöme with its
  first page of conversations when it pages them; the tables say how many comments each answer held.
* Both get the same prefill through their own APIs: one page with 50 comments, one with 500.
  Every comment is a different, polite Swedish text (Omdöme triages each one, and a hostile
  text would get a "think twice" answer instead of being stored).
* The load comes from wrk (Debian's package, installed when missing) with a generated Lua
  script: fixed duration, fixed connections, a different text and page for every POST. Its
  own capacity is measured first against a trivial endpoint that, like gunicorn's sync
  workers, closes the connection after each answer.
* Each test runs on Isso, then Omdöme, then Isso again … for three rounds; the tables give the
  median round. Before every run the Omdöme worker's backlog must be empty, so that neither
  system runs beside re-scoring left over from the run before; during Omdöme's own runs the
  worker re-scores what they post, as it would in production.
* Last, the backlog: comments posted to Omdöme at a fixed rate (100/s for 60 s), then the seconds
  until its worker has re-scored them all.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import multiprocessing
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from bench.results import write_section


def omdome_backlog(data_dir: Path) -> int:
    """How much background work on stored comments Omdöme's worker still has to do, read from its
    SQLite file: each comment that waits for its re-score or its follow-up counts once.

    This is the one place that knows where the backlog lives, so that it alone changes with it: the
    re-score and follow-up outboxes mark the comment itself (``rescore_due``, ``followup_due``), and
    the tasks django_tasks_db still queues (READY, or RUNNING while the worker has it) count too.
    """
    uri = f"file:{data_dir / 'omdome.sqlite3'}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=30)) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        count = sum(db.execute(f"SELECT COUNT(*) FROM {table} WHERE status IN ('READY', 'RUNNING')").fetchone()[0]
                    for table in tables if table.endswith("_dbtaskresult"))
        columns = {column for _cid, column, *_rest in db.execute("PRAGMA table_info(comments_comment)")}
        if due := [column for column in ("rescore_due", "followup_due") if column in columns]:
            count += db.execute(f"SELECT COUNT(*) FROM comments_comment WHERE {' OR '.join(due)}").fetchone()[0]
    return count


ROOT = Path(__file__).resolve().parent.parent
ISSO_VERSION = "0.14.0"
ISSO_VENV = ROOT / "var" / "bench" / "isso-venv"
ORIGIN = "https://www.sundby.se"
SECRET_KEY = "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-isso"
RAISED_LIMIT = str(10**9)
BUSY_PERCENT = 15.0
POST_PAGES = 500  # the POSTs of a run spread over this many pages
# Seconds without the backlog shrinking before a worker counts as not draining it: before a run,
# and when the backlog drain is timed.
SETTLE_PATIENCE, DRAIN_PATIENCE = 15.0, 60.0
THREAD_SIZES = (50, 500)

# Pairwise coprime list lengths (7, 23, 19, 11): n picks one of each, so 33,649 numbers in a
# row give 33,649 different comments. Every piece is polite, with no names or numbers in it.
OPENERS = [
    "Tack för informationen!", "Bra att ni skriver om det här.", "Hej!", "Intressant läsning.",
    "Jag har undrat över just det här ett tag.", "Fint initiativ.",
    "Som boende i området vill jag gärna säga något.",
]
STATEMENTS = [
    "Vägarbetet vid torget har gjort det svårt att ta sig fram med barnvagn.",
    "Biblioteket har blivit en riktigt trevlig plats sedan renoveringen.",
    "Bussen mot centrum kommer ofta några minuter för sent på morgonen.",
    "Snöröjningen i vårt kvarter fungerade bra i vintras.",
    "Det vore bra med fler cykelställ vid stationen.",
    "Lekplatsen i parken används flitigt av barnen i området.",
    "Återvinningsstationen blir ofta full redan på söndagskvällen.",
    "Simhallens nya öppettider passar oss som arbetar dagtid mycket bättre.",
    "Skolmaten har blivit godare enligt mina barn.",
    "Belysningen längs gångvägen till skolan känns tryggare nu.",
    "Det är skönt att ni informerar i god tid om avstängningarna.",
    "Parkeringen vid vårdcentralen räcker inte till under förmiddagarna.",
    "Kvällsöppet på återbruket vore ett bra komplement.",
    "Den nya busslinjen har gjort det lättare att ta sig till jobbet.",
    "Sommarlovsaktiviteterna var mycket uppskattade förra året.",
    "Trottoaren vid torget är fortfarande ojämn efter grävningen.",
    "Hemsidan är lättare att hitta på nu än tidigare.",
    "Det saknas en papperskorg vid badplatsens parkering.",
    "Informationsmötet i förra veckan var välbesökt och bra upplagt.",
    "Det är fint att parken får fler bänkar.",
    "Vi som bor längs ån har märkt att vattnet stigit den senaste veckan.",
    "Utbyggnaden av förskolan är efterlängtad av många familjer.",
    "Elljusspåret är en tillgång för hela kommunen.",
]
QUESTIONS = [
    "När beräknas arbetet vara klart?", "Finns det planer på att förlänga öppettiderna?",
    "Vart vänder man sig med synpunkter?", "Kommer det att finnas en tillfällig omledning?",
    "Hur kan man anmäla sig till nästa informationsmöte?", "Gäller det även under helgerna?",
    "Blir det någon ändring i tidtabellen till hösten?", "Finns det en karta över de nya sträckningarna?",
    "Kan man läsa beslutet någonstans?", "Går det att lämna förslag via e-tjänsten?",
    "Hur lång tid tar det innan man får svar?", "Är det samma regler som förra året?",
    "Kommer ni att skicka ut information till hushållen?", "Vilken förvaltning ansvarar för det här?",
    "Finns det möjlighet att följa arbetet på hemsidan?", "Kostar det något att delta?",
    "Behöver man boka tid i förväg?", "Gäller det här hela kommunen eller bara centrum?",
    "Tar ni emot frivilliga som vill hjälpa till?",
]
CLOSERS = [
    "Tack på förhand!", "Ha en fin dag.", "Hälsningar från en nyfiken granne.", "Ser fram emot svar.",
    "Fortsätt så!", "Hälsningar från en pendlare.", "Tack för ett bra arbete.", "Det uppskattas verkligen.",
    "Vänliga hälsningar.", "Hoppas det ordnar sig.", "Bra jobbat allihop.",
]
FIRST_NAMES = ["Anna", "Erik", "Åsa", "Johan", "Maria", "Lars", "Karin", "Mikael", "Elin", "Björn", "Sofia",
               "Per", "Ingrid", "Oskar", "Linnéa", "Göran", "Maja"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
              "Svensson", "Gustafsson", "Lindqvist", "Öberg", "Håkansson"]


def ascii_fold(name: str) -> str:
    """An e-mail address's local part from a name: Åsa Öberg writes as asa.oberg."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def pick(items: list[str], n: int) -> str:
    return items[n % len(items)]


def comment_text(n: int) -> str:
    """The n-th comment: the Lua script builds exactly the same text from the same lists."""
    return " ".join(pick(part, n) for part in (OPENERS, STATEMENTS, QUESTIONS, CLOSERS))


def comment_fields(n: int, page: str) -> dict[str, str]:
    """What a reader fills in, the same in both widgets: title (used for a new page), text, name, e-mail."""
    first, last = pick(FIRST_NAMES, n), pick(LAST_NAMES, n)
    return {"title": f"Nyheter {page}", "text": comment_text(n), "author": f"{first} {last}",
            "email": f"{ascii_fold(first)}.{ascii_fold(last)}@example.se"}


# ---------------------------------------------------------------- the machine


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def machine_ticks() -> tuple[int, int]:
    """(busy, all) clock ticks of all cores since boot, from /proc/stat (guest time is inside user time)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return sum(values) - values[3] - values[4], sum(values)


def cpu_busy_percent(seconds: float = 2.0) -> float:
    """The share of all cores' time spent outside idle and I/O wait over ``seconds``."""
    busy0, all0 = machine_ticks()
    time.sleep(seconds)
    busy1, all1 = machine_ticks()
    return 100.0 * (busy1 - busy0) / max(1, all1 - all0)


def wait_until_idle(limit: float, refuse: bool) -> float:
    """Throughput on a shared 2-core machine says little while something else runs: wait up to
    ``limit`` seconds for it to finish; then refuse, or go on and return how busy it still is."""
    deadline = time.monotonic() + limit
    while (busy := cpu_busy_percent()) > BUSY_PERCENT and time.monotonic() < deadline:
        print(f"  waiting for the machine to be idle ({busy:.0f} % CPU busy) …", file=sys.stderr)
    if busy > BUSY_PERCENT and refuse:
        raise SystemExit(f"bench_isso: the machine is busy ({busy:.0f} % CPU used by other processes, "
                         f"more than {BUSY_PERCENT:.0f} %) after waiting {limit:.0f} s; stop what runs "
                         "there and try again, or pass --force to measure anyway")
    return busy


def own_ticks(groups: list[int]) -> int:
    """Clock ticks used so far by the servers' process groups, this process and its finished children (wrk)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[2]) in groups:
            ticks += int(fields[11]) + int(fields[12])
    own = os.times()
    return ticks + round((own.user + own.system + own.children_user + own.children_system) * CLOCK_TICKS)


class ForeignCPU:
    """The share of the machine that processes other than the benchmark's used between start and ``percent``."""

    def __init__(self, groups: list[int]):
        self.groups = groups
        self.start = (*machine_ticks(), own_ticks(groups))

    def percent(self) -> float:
        busy0, all0, own0 = self.start
        (busy1, all1), own1 = machine_ticks(), own_ticks(self.groups)
        return max(0.0, 100.0 * ((busy1 - busy0) - (own1 - own0)) / max(1, all1 - all0))


def machine_description() -> str:
    """CPU, cores, memory and system, for the RESULTS.md line that says where this was measured."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                 platform.processor() or platform.machine())
    memory_kib = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal")))
    release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
    system = release.get("PRETTY_NAME", "Linux").strip('"')
    return f"{model}, {os.cpu_count()} cores, {memory_kib / 2**20:.0f} GiB RAM, {system}, kernel {platform.release()}"


# ---------------------------------------------------------------- processes


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_group(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """A server in its own process group, so that stopping it stops its workers too; output to a file
    (a pipe nobody reads would block it)."""
    with open(log, "ab") as out:
        return subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def stop_group(process: subprocess.Popen) -> None:
    """SIGTERM to the whole group (gunicorn and Omdöme's worker stop cleanly on it), SIGKILL if it lingers."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=30)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else ""


def wait_ready(base: str, path: str, process: subprocess.Popen, log: Path, limit: float = 180.0) -> None:
    """Until the server answers ``path`` with 200; a server that died or never answers stops the benchmark."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {process.returncode}:\n{tail(log)}")
        with suppress(OSError):
            if request(base, "GET", path)[0] == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"{base}{path} did not answer within {limit:.0f} s:\n{tail(log)}")


# ---------------------------------------------------------------- HTTP for prefill and the backlog


def request(base: str, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
    """One request on a new connection, as the servers' sync workers close each one anyway."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        headers = {"Origin": ORIGIN}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@dataclass
class System:
    """One comment server and the shape of its API."""

    key: str  # "isso" or "omdome"
    label: str
    base: str = ""
    log: Path = Path()
    process: subprocess.Popen | None = None

    def read_path(self, page: str) -> str:
        if self.key == "isso":
            return f"/?uri={quote(page, safe='')}"
        return f"/api/comments?thread={quote(ORIGIN + page, safe='')}"

    def post(self, n: int, page: str) -> int:
        fields = comment_fields(n, page)
        if self.key == "isso":
            return request(self.base, "POST", f"/new?uri={quote(page, safe='/')}", fields)[0]
        return request(self.base, "POST", "/api/comments", {"thread": ORIGIN + page, **fields})[0]

    def count(self, page: str) -> int:
        """How many comments a reader of the page sees (0 for a page without any)."""
        return self.shown(page)[0]

    def shown(self, page: str) -> tuple[int, int]:
        """(comments on the page, top-level comments in the answer): a reply may hold one page of them."""
        status, body = request(self.base, "GET", self.read_path(page))
        if status != 200:
            return 0, 0
        data = json.loads(body)
        if self.key == "isso":
            return data["total_replies"], len(data["replies"])
        return data["count"], len(data["comments"])


# ---------------------------------------------------------------- Isso


def uv_command() -> list[str]:
    return [uv] if (uv := shutil.which("uv")) else [sys.executable, "-m", "uv"]


def isso_gunicorn() -> Path:
    """gunicorn in Isso's own virtual environment, made once: Isso's dependencies stay out of Omdöme's."""
    python, gunicorn = ISSO_VENV / "bin" / "python", ISSO_VENV / "bin" / "gunicorn"
    check = [str(python), "-c", "import importlib.metadata as m; print(m.version('isso'))"]
    if gunicorn.exists() and subprocess.run(check, capture_output=True, text=True).stdout.strip() == ISSO_VERSION:
        return gunicorn
    print(f"installing Isso {ISSO_VERSION} into {ISSO_VENV} …", file=sys.stderr)
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    subprocess.run([*uv_command(), "venv", "--quiet", "--clear", "--python", version, str(ISSO_VENV)],
                   check=True, env=env)
    subprocess.run([*uv_command(), "pip", "install", "--quiet", "--python", str(python),
                    f"isso=={ISSO_VERSION}", "gunicorn"], check=True, env=env)
    return gunicorn


def start_isso(folder: Path, system: System) -> None:
    """Isso with its SQLite file in ``folder``, no moderation and no guard (its rate limit)."""
    port = free_port()
    config = folder / "isso.cfg"
    config.write_text(f"[general]\ndbpath = {folder / 'isso.db'}\nhost = {ORIGIN}\n\n"
                      f"[moderation]\nenabled = false\n\n[guard]\nenabled = false\n\n"
                      f"[server]\nlisten = http://127.0.0.1:{port}\n", encoding="utf-8")
    env = {**os.environ, "ISSO_SETTINGS": str(config)}
    for name in ("VIRTUAL_ENV", "PYTHONPATH"):
        env.pop(name, None)
    system.base, system.log = f"http://127.0.0.1:{port}", folder / "isso.log"
    system.process = start_group([str(isso_gunicorn()), "--bind", f"127.0.0.1:{port}", "--workers", "2",
                                  "--preload", "isso.run"], env, system.log)
    wait_ready(system.base, "/info", system.process, system.log)


# ---------------------------------------------------------------- Omdöme


def rate_variables() -> set[str]:
    """Every OMDOME_RATE_* limit settings.py reads (new ones appear, e.g. OMDOME_RATE_ATTEMPTS)."""
    settings = (ROOT / "src" / "omdome" / "web" / "settings.py").read_text(encoding="utf-8")
    return {"OMDOME_RATE_IP", "OMDOME_RATE_THREAD", "OMDOME_RATE_READ", *re.findall(r"OMDOME_RATE_\w+", settings)}


def omdome_env(data_dir: Path) -> dict[str, str]:
    """Production settings on a fresh data folder; rate limits raised so they measure nothing here."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("OMDOME_") and name != "DATABASE_URL"}
    env.update({"OMDOME_DATA_DIR": str(data_dir), "OMDOME_SECRET_KEY": SECRET_KEY, "OMDOME_HTTPS": "0",
                "OMDOME_ALLOWED_HOSTS": "127.0.0.1,localhost", "OMDOME_WEB_WORKERS": "2",
                "DJANGO_SETTINGS_MODULE": "omdome.web.settings"})
    env.update(dict.fromkeys(rate_variables(), RAISED_LIMIT))
    return env


REGISTER_SITE = string.Template("""
from omdome.web.comments.models import Site
from omdome.web.core.models import Organisation
organisation = Organisation.objects.create(name="Sundby kommun", sector="public", domains="sundby.se")
site = Site(organisation=organisation, name="Sundby", origins="$origin")
site.full_clean()
site.save()
""")


def start_omdome(data_dir: Path, folder: Path, system: System) -> None:
    """Migrate, register the site (as an administrator would in the admin), then ``omdome serve``."""
    env = omdome_env(data_dir)
    omdome = [sys.executable, "-m", "omdome"]
    subprocess.run([*omdome, "manage", "migrate", "--verbosity", "0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*omdome, "manage", "shell", "-c", REGISTER_SITE.substitute(origin=ORIGIN)], env=env, cwd=ROOT,
                   check=True)
    port = free_port()
    system.base, system.log = f"http://127.0.0.1:{port}", folder / "omdome.log"
    system.process = start_group([*omdome, "serve", f"127.0.0.1:{port}", "--no-access-log"], env, system.log)
    wait_ready(system.base, system.read_path("/"), system.process, system.log)


COUNT_STATUSES = """
import json
from django.db.models import Count
from omdome.web.comments.models import Comment
print("STATUSES", json.dumps(dict(Comment.objects.order_by().values_list("status").annotate(n=Count("pk")))))
"""


def omdome_statuses(data_dir: Path) -> dict[str, int]:
    """What became of the comments Omdöme stored (published, withheld …): a check that the polite
    texts were not held back by triage, which would make its work lighter than Isso's."""
    output = subprocess.run([sys.executable, "-m", "omdome", "manage", "shell", "-c", COUNT_STATUSES],
                            env=omdome_env(data_dir), cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("STATUSES "))
    return json.loads(line.removeprefix("STATUSES "))


def wait_for_backlog(data_dir: Path, limit: float, patience: float) -> float | None:
    """Seconds until Omdöme's worker is idle, polled every second; None if the backlog is not empty
    after ``limit`` seconds, or has not shrunk for ``patience`` seconds (a worker that does not drain it)."""
    start = progress = time.monotonic()
    lowest = omdome_backlog(data_dir)
    while lowest:
        now = time.monotonic()
        if now - start > limit or now - progress > patience:
            return None
        time.sleep(1)
        if (left := omdome_backlog(data_dir)) < lowest:
            lowest, progress = left, time.monotonic()
    return time.monotonic() - start


# ---------------------------------------------------------------- prefill


def prefill(system: System, page: str, size: int, first: int) -> int:
    """Post until the page shows ``size`` comments (a comment Omdöme withholds is posted again); the final count."""
    n, statuses = first, Counter()
    for _attempt in range(5):
        missing = size - system.count(page)
        if missing <= 0:
            break
        with ThreadPoolExecutor(8) as pool:
            statuses.update(pool.map(lambda i: system.post(i, page), range(n, n + missing)))
        n += missing
    shown = system.count(page)
    if shown != size:
        print(f"  warning: {system.label} shows {shown} of {size} comments on {page}; answers to the posts: "
              f"{dict(statuses)}", file=sys.stderr)
    return shown


# ---------------------------------------------------------------- the load generator


LUA = string.Template(r"""-- Written by bench/bench_isso.py for one run.
local system = [==[$system]==]
local origin = [==[$origin]==]
local read_path = [==[$read_path]==]
local run_key = [==[$run_key]==]
local post_every = $post_every
local first = $first
local pages = $pages
local wrk_threads = $wrk_threads
local OPENERS = {$openers}
local STATEMENTS = {$statements}
local QUESTIONS = {$questions}
local CLOSERS = {$closers}
local FIRST = {$first_names}
local LAST = {$last_names}
local FIRST_MAIL = {$first_mail}
local LAST_MAIL = {$last_mail}
local read_headers = {["Origin"] = origin}
local post_headers = {["Origin"] = origin, ["Content-Type"] = "application/json"}
local threads = {}
local sent = 0
tid = 0
counts = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local function pick(list, n)
  return list[(n % #list) + 1]
end

local function post(n)
  local page = "/nyheter/" .. run_key .. "-" .. (n % pages)
  local text = pick(OPENERS, n) .. " " .. pick(STATEMENTS, n) .. " " .. pick(QUESTIONS, n) .. " " .. pick(CLOSERS, n)
  local fields = '"title":"Nyheter ' .. page .. '","text":"' .. text .. '","author":"' .. pick(FIRST, n) .. " "
    .. pick(LAST, n) .. '","email":"' .. pick(FIRST_MAIL, n) .. "." .. pick(LAST_MAIL, n) .. '@example.se"'
  if system == "isso" then
    return wrk.format("POST", "/new?uri=" .. page, post_headers, "{" .. fields .. "}")
  end
  return wrk.format("POST", "/api/comments", post_headers, '{"thread":"' .. origin .. page .. '",' .. fields .. "}")
end

function request()
  sent = sent + 1
  if post_every > 0 and sent % post_every == 0 then
    return post(first + sent * wrk_threads + tid)
  end
  return wrk.format("GET", read_path, read_headers)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    table.insert(parts, string.format('"%d":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"statuses":{%s},'
    .. '"socket_errors":%d}\n', summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), table.concat(parts, ","), e.connect + e.read + e.write + e.timeout))
end
""")


def lua_list(items: list[str]) -> str:
    """A Lua table of strings that are already JSON-escaped, so the script can paste them into bodies."""
    return ", ".join(f"[==[{json.dumps(item, ensure_ascii=False)[1:-1]}]==]" for item in items)


def lua_script(folder: Path, system: str, read_path: str, post_every: int, run_key: str, first: int,
               wrk_threads: int) -> Path:
    path = folder / f"{run_key}.lua"
    path.write_text(LUA.substitute(
        system=system, origin=ORIGIN, read_path=read_path, run_key=run_key, post_every=post_every, first=first,
        pages=POST_PAGES, wrk_threads=wrk_threads, openers=lua_list(OPENERS), statements=lua_list(STATEMENTS),
        questions=lua_list(QUESTIONS), closers=lua_list(CLOSERS), first_names=lua_list(FIRST_NAMES),
        last_names=lua_list(LAST_NAMES), first_mail=lua_list([ascii_fold(n) for n in FIRST_NAMES]),
        last_mail=lua_list([ascii_fold(n) for n in LAST_NAMES])), encoding="utf-8")
    return path


@dataclass
class Run:
    """One wrk run: successful answers a second, latency of all answers, everything else as failures."""

    per_second: float
    p50_ms: float
    p99_ms: float
    failures: int
    statuses: Counter = field(default_factory=Counter)
    others_percent: float = 0.0  # of the machine's CPU, used meanwhile by processes not ours


def ensure_wrk() -> str:
    """wrk from Debian, installed on first use (root only)."""
    if wrk := shutil.which("wrk"):
        return wrk
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit("bench_isso: wrk is missing; install it (apt-get install wrk) and run again")
    print("installing wrk from Debian …", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ,
                                                                                "DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which("wrk") or "wrk"


@dataclass
class Load:
    """How hard wrk pushes: the same for every run."""

    seconds: int
    connections: int
    threads: int
    folder: Path

    def run(self, base: str, system: str, read_path: str, post_every: int, run_key: str, first: int,
            ok: frozenset[int]) -> Run:
        script = lua_script(self.folder, system, read_path, post_every, run_key, first, self.threads)
        command = [ensure_wrk(), f"-t{self.threads}", f"-c{self.connections}", f"-d{self.seconds}s",
                   "--timeout", "30s", "-s", str(script), base]
        output = subprocess.run(command, capture_output=True, text=True, check=True,
                                timeout=self.seconds + 120).stdout
        line = next((line for line in output.splitlines() if line.startswith("BENCH_JSON ")), None)
        if line is None:
            raise RuntimeError(f"wrk printed no summary:\n{output}")
        data = json.loads(line.removeprefix("BENCH_JSON "))
        statuses = Counter({int(status): n for status, n in data["statuses"].items()})
        good = sum(n for status, n in statuses.items() if status in ok)
        return Run(per_second=good / (data["duration_us"] / 1e6), p50_ms=data["p50_us"] / 1000,
                   p99_ms=data["p99_us"] / 1000, failures=data["requests"] - good + data["socket_errors"],
                   statuses=statuses)


class TrivialHandler(asyncio.Protocol):
    """Answers every request at once with a tiny 200 and closes, as gunicorn's sync workers close."""

    ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"

    def connection_made(self, transport) -> None:  # type: ignore[no-untyped-def]
        self.transport, self.buffer = transport, b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        head, found, body = self.buffer.partition(b"\r\n\r\n")
        if not found:
            return
        length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), 0)
        if len(body) >= length:  # the whole body read: closing now sends FIN, not RST
            self.transport.write(self.ANSWER)
            self.transport.close()


def serve_trivial(port: int) -> None:
    async def serve() -> None:
        server = await asyncio.get_running_loop().create_server(TrivialHandler, "127.0.0.1", port, backlog=1024)
        await server.serve_forever()

    asyncio.run(serve())


def load_capacity(load: Load) -> tuple[float, float]:
    """What wrk with this script reaches against a trivial endpoint: (GETs/s, POSTs/s).

    The endpoint is one Python process, so this is a floor of wrk's capacity, not its ceiling.
    """
    port = free_port()
    server = multiprocessing.get_context("spawn").Process(target=serve_trivial, args=(port,), daemon=True)
    server.start()
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                request(base, "GET", "/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        gets = load.run(base, "omdome", "/", 0, "capacity-get", 0, frozenset({200}))
        posts = load.run(base, "omdome", "/", 1, "capacity-post", 0, frozenset({200}))
        return gets.per_second, posts.per_second
    finally:
        server.terminate()
        server.join(10)


# ---------------------------------------------------------------- the tests


@dataclass(frozen=True)
class Test:
    key: str
    title: str
    post_every: int  # 0: only reads; 1: only posts; 10: one request in ten is a post
    size: int  # the prefilled page that is read
    ok: frozenset[int]


TESTS = [
    Test("post", "(a) POST a comment (a different text each time, over 500 pages)", 1, 50, frozenset({201, 202})),
    Test("get50", "(b) GET a page of 50 comments", 0, 50, frozenset({200})),
    Test("mix", "(c) 90 % GET of the 50-comment page, 10 % POST", 10, 50, frozenset({200, 201, 202})),
    Test("get500", "(d) GET a page of 500 comments", 0, 500, frozenset({200})),
]


def page_of(size: int) -> str:
    return f"/nyheter/trad-{size}"


@dataclass
class Conditions:
    """What every run waits for: Omdöme's worker idle, and the machine idle unless --force."""

    data_dir: Path
    settle_limit: float
    idle_wait: float | None  # None with --force
    groups: list[int]  # the servers' process groups
    unsettled: list[str] = field(default_factory=list)

    def prepare(self, run_key: str) -> None:
        if wait_for_backlog(self.data_dir, self.settle_limit, SETTLE_PATIENCE) is None:
            left = omdome_backlog(self.data_dir)
            self.unsettled.append(f"{run_key} ({left} waiting)")
            print(f"  warning: Omdöme's backlog still holds {left}; running anyway", file=sys.stderr)
        if self.idle_wait is not None:
            wait_until_idle(self.idle_wait, refuse=False)


def run_tests(systems: list[System], load: Load, rounds: int,
              conditions: Conditions) -> dict[tuple[str, str], list[Run]]:
    """Every test on every system, round robin, each run measuring what other processes used meanwhile."""
    results: dict[tuple[str, str], list[Run]] = {}
    for test in TESTS:
        for round_number in range(rounds):
            for system in systems:
                run_key = f"{test.key}-{round_number}-{system.key}"
                conditions.prepare(run_key)
                first = (sum(map(len, results.values())) + 1) * 1_000_003
                others = ForeignCPU(conditions.groups)
                run = load.run(system.base, system.key, system.read_path(page_of(test.size)), test.post_every,
                               run_key, first, test.ok)
                run.others_percent = others.percent()
                results.setdefault((test.key, system.key), []).append(run)
                print(f"  {test.key:<7} round {round_number + 1} {system.label:<10} {run.per_second:8.1f}/s  "
                      f"p50 {run.p50_ms:8.1f} ms  p99 {run.p99_ms:8.1f} ms  failures {run.failures}  "
                      f"others {run.others_percent:3.0f} % CPU  {dict(sorted(run.statuses.items()))}", file=sys.stderr)
                time.sleep(1)  # the servers finish what wrk left in flight
    return results


@dataclass
class Backlog:
    target_rate: int
    seconds: int
    posted: int
    failed: int
    statuses: Counter
    elapsed: float
    left_at_end: int
    drain: float | None
    left_after: int
    drain_limit: float
    others_percent: float


def paced_posts(system: System, rate: int, seconds: int, first: int) -> tuple[Counter, float]:
    """POST at ``rate`` a second for ``seconds`` (16 senders on a fixed schedule; one that falls behind
    catches up, and nothing is sent after the window); the statuses and how long it took."""
    senders, total = 16, rate * seconds
    statuses: Counter = Counter()
    lock = threading.Lock()
    start = time.monotonic() + 0.5

    def sender(k: int) -> None:
        for i in range(k, total, senders):
            if (delay := start + i / rate - time.monotonic()) > 0:
                time.sleep(delay)
            if time.monotonic() > start + seconds:
                return
            try:
                status = system.post(first + i, f"/nyheter/backlog-{i % POST_PAGES}")
            except OSError:
                status = 0
            with lock:
                statuses[status] += 1

    workers = [threading.Thread(target=sender, args=(k,), daemon=True) for k in range(senders)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return statuses, time.monotonic() - start


def measure_backlog(omdome: System, conditions: Conditions, rate: int, seconds: int, drain_limit: float) -> Backlog:
    """Posts at a fixed rate, then the seconds until the worker has re-scored every one of them."""
    conditions.prepare("backlog")
    others = ForeignCPU(conditions.groups)
    statuses, elapsed = paced_posts(omdome, rate, seconds, 9_000_000)
    left = omdome_backlog(conditions.data_dir)
    drain = wait_for_backlog(conditions.data_dir, drain_limit, DRAIN_PATIENCE)
    posted = statuses[201]
    return Backlog(rate, seconds, posted, sum(statuses.values()) - posted, statuses, elapsed, left, drain,
                   omdome_backlog(conditions.data_dir), drain_limit, others.percent())


# ---------------------------------------------------------------- the report


def median_run(runs: list[Run]) -> Run:
    """The median of each figure over the rounds; failures and statuses are summed."""
    statuses: Counter = Counter()
    for run in runs:
        statuses.update(run.statuses)
    return Run(per_second=statistics.median(r.per_second for r in runs),
               p50_ms=statistics.median(r.p50_ms for r in runs), p99_ms=statistics.median(r.p99_ms for r in runs),
               failures=sum(r.failures for r in runs), statuses=statuses,
               others_percent=statistics.median(r.others_percent for r in runs))


def failure_note(run: Run, ok: frozenset[int]) -> str:
    bad = {status: n for status, n in sorted(run.statuses.items()) if status not in ok}
    other = run.failures - sum(bad.values())
    parts = [f"{n}× {status}" for status, n in bad.items()] + ([f"{other} socket errors"] if other else [])
    return f"{run.failures} ({', '.join(parts)})" if parts else str(run.failures)


def test_table(test: Test, isso: Run, omdome: Run, sizes: dict[str, dict[int, tuple[int, int]]]) -> list[str]:
    ratio = omdome.per_second / isso.per_second if isso.per_second else float("nan")
    read = "; ".join(f"{label} page of {sizes[key][test.size][0]} comments, {sizes[key][test.size][1]} in each answer"
                     for key, label in (("isso", "Isso"), ("omdome", "Omdöme")))
    return [f"### {test.title}", "", f"_{read}._", "",
            "| system | req/s | p50 ms | p99 ms | failures (all rounds) | CPU used by other processes |",
            "|---|--:|--:|--:|---|--:|",
            *(f"| {label} | {run.per_second:.1f} | {run.p50_ms:.1f} | {run.p99_ms:.1f} | "
              f"{failure_note(run, test.ok)} | {run.others_percent:.0f} % |"
              for label, run in ((f"Isso {ISSO_VERSION}", isso), ("Omdöme", omdome))),
            f"| **Omdöme / Isso** | **{ratio:.2f}×** | | | | |", ""]


def backlog_text(backlog: Backlog | None) -> list[str]:
    if backlog is None:
        return ["Backlog drain: not measured (`--quick`)."]
    rate = (backlog.posted + backlog.failed) / backlog.elapsed
    failed = ", ".join(f"{n}× {status or 'no answer'}" for status, n in sorted(backlog.statuses.items())
                       if status != 201)
    drained = (f"was empty **{backlog.drain:.0f} s** after posting stopped" if backlog.drain is not None else
               f"**still held {backlog.left_after}** when the measurement gave up ({backlog.drain_limit:.0f} s "
               f"at most, or {DRAIN_PATIENCE:.0f} s without shrinking)")
    return [f"Backlog drain: comments posted to Omdöme at {backlog.target_rate}/s for {backlog.seconds} s "
            f"({backlog.posted} stored, {backlog.failed} failed{f': {failed}' if failed else ''}; "
            f"{rate:.0f} requests/s reached). {backlog.left_at_end} comments waited for their re-score or follow-up "
            f"when posting stopped; "
            f"the backlog {drained}. Other processes used {backlog.others_percent:.0f} % of the CPU meanwhile."]


def log_problems(log: Path, runs: list[Run], backlog: Backlog | None) -> str:
    """Tracebacks in a server's log, and the 5xx answers its clients got (the server runs without an
    access log): errors a client sees only as a status code."""
    text = log.read_text(errors="replace") if log.exists() else ""
    tracebacks = text.count("Traceback (most recent call last)")
    answers = [*(run.statuses for run in runs), *([backlog.statuses] if backlog else [])]
    server_errors = sum(n for statuses in answers for status, n in statuses.items() if status and status >= 500)
    return f"{tracebacks} tracebacks in its log and {server_errors} answers 5xx"


def report(results: dict[tuple[str, str], list[Run]], unsettled: list[str],
           sizes: dict[str, dict[int, tuple[int, int]]], capacity: tuple[float, float], load: Load, rounds: int,
           backlog: Backlog | None, statuses: dict[str, int], problems: str) -> str:
    settled = ("Omdöme's worker backlog was empty before every run" if not unsettled else
               f"Omdöme's worker backlog was not empty (not drained within the wait) before {len(unsettled)} runs: "
               f"{', '.join(unsettled)}")
    others = [run.others_percent for runs in results.values() for run in runs]
    lines = [
        f"## Comment API throughput: Omdöme vs Isso {ISSO_VERSION}", "",
        "Both on this machine under gunicorn with 2 sync workers on SQLite: Isso with moderation and its rate "
        "limit off; Omdöme in production mode (`omdome serve`, DEBUG off) with its rate limits raised and its "
        "access log off (as Isso's gunicorn has none), and its "
        "background worker re-scoring new comments with the fuller model. Prefill through each API; "
        f"the load from wrk ({load.threads} threads, {load.connections} connections, {load.seconds} s per run, "
        f"Lua script, a different text and page for every POST), {rounds} round(s) round robin Isso/Omdöme, "
        "median round shown; req/s counts only successful answers (200 for a GET, 201/202 for a POST), "
        f"latency covers every answer. {settled}; other processes on the machine used a median "
        f"{statistics.median(others):.0f} % (at most {max(others):.0f} %) of its CPU during the runs. "
        "See `bench/bench_isso.py`.", "",
        f"Machine: {machine_description()}. Load generator: wrk reached {capacity[0]:.0f} GET/s and "
        f"{capacity[1]:.0f} POST/s with the same scripts against a trivial one-process endpoint that closes each "
        "connection, as the servers' sync workers do.", "",
    ]
    for test in TESTS:
        lines += test_table(test, median_run(results[(test.key, "isso")]), median_run(results[(test.key, "omdome")]),
                            sizes)
    lines += backlog_text(backlog)
    stored = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
    lines += ["", f"Omdöme stored {sum(statuses.values())} comments in all ({stored}), with {problems}."]
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=int, default=15, help="length of each run (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per test and system (default %(default)s)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default %(default)s)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default %(default)s)")
    parser.add_argument("--burst-rate", type=int, default=100, help="posts a second for the backlog (default 100)")
    parser.add_argument("--burst-seconds", type=int, default=60, help="how long to post for the backlog (default 60)")
    parser.add_argument("--drain-limit", type=float, default=300, help="give up on the backlog after this (s)")
    parser.add_argument("--quick", action="store_true",
                        help="3 s runs, one round, no backlog; prints, does not write RESULTS.md")
    parser.add_argument("--idle-wait", type=float, default=60,
                        help="before each run, wait up to this long (s) for the machine to be idle")
    parser.add_argument("--force", action="store_true", help="measure even if the machine is busy")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.rounds, args.idle_wait = 3, 1, 10
    return args


def benchmark(args: argparse.Namespace, folder: Path, isso: System, omdome: System) -> str:
    """Start both servers, prefill, run the tests and the backlog; the RESULTS.md section."""
    data_dir = folder / "omdome-data"
    load = Load(args.seconds, args.connections, args.threads, folder)
    capacity = load_capacity(Load(args.seconds if args.quick else 5, args.connections, args.threads, folder))
    print(f"wrk against a trivial endpoint: {capacity[0]:.0f} GET/s, {capacity[1]:.0f} POST/s", file=sys.stderr)
    (folder / "isso").mkdir()
    start_isso(folder / "isso", isso)
    start_omdome(data_dir, folder, omdome)
    for system in (isso, omdome):
        for size in THREAD_SIZES:
            prefill(system, page_of(size), size, size * 10_000)
    sizes = {system.key: {size: system.shown(page_of(size)) for size in THREAD_SIZES} for system in (isso, omdome)}
    print(f"prefilled (comments, in an answer): {sizes}", file=sys.stderr)
    conditions = Conditions(data_dir, 5.0 if args.quick else 600.0, None if args.force else args.idle_wait,
                            [isso.process.pid, omdome.process.pid])
    results = run_tests([isso, omdome], load, args.rounds, conditions)
    backlog = None
    if not args.quick:
        print(f"backlog: posting to Omdöme at {args.burst_rate}/s for {args.burst_seconds} s …", file=sys.stderr)
        backlog = measure_backlog(omdome, conditions, args.burst_rate, args.burst_seconds, args.drain_limit)
    return report(results, conditions.unsettled, sizes, capacity, load, args.rounds, backlog,
                  omdome_statuses(data_dir),
                  log_problems(omdome.log, [run for (_test, key), runs in results.items() if key == "omdome"
                                            for run in runs], backlog))


def main() -> None:
    args = arguments()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the cleanup below on kill too
    if not args.force:
        wait_until_idle(60, refuse=True)
    ensure_wrk()
    isso_gunicorn()
    folder = Path(tempfile.mkdtemp(prefix="bench-isso-"))
    isso, omdome = System("isso", f"Isso {ISSO_VERSION}"), System("omdome", "Omdöme")
    try:
        text = benchmark(args, folder, isso, omdome)
        print(text)
        if not args.quick:
            write_section("isso", text)
    finally:
        for system in (omdome, isso):
            if system.process is not None:
                stop_group(system.process)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
