"""Fixed-window rate limits, counted in one small SQLite file that every process on the machine shares.

The counters live apart from the main database on purpose: a count is one statement
(``INSERT … ON CONFLICT … DO UPDATE … RETURNING``), atomic across web workers, costs no round trip
to PostgreSQL and never waits behind a long write such as an import. A counter is worth nothing
after its window, so the file is written without syncing to disk. On a machine of its own, each
web server counts for itself (OMDOME_COUNTERS names the file).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from omdome.web.core.errors import ServiceError

log = logging.getLogger("omdome.ratelimit")

# (requests, seconds) per scope when the settings leave a scope out. "attempt" counts every
# request to write, valid or not, per address; "ip" and "thread" count accepted comments;
# "report" counts readers' reports per address.
DEFAULT_LIMITS = {"read": (300, 60), "attempt": (30, 60), "ip": (5, 60), "thread": (30, 60),
                  "login_user": (5, 900), "login_ip": (20, 900), "report": (10, 3600)}


class Counters:
    """Counters in a SQLite file; one connection per thread and process (a fork gets its own)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("CREATE TABLE IF NOT EXISTS counter (key TEXT PRIMARY KEY, count INTEGER NOT NULL, "
                         "expires INTEGER NOT NULL) WITHOUT ROWID")
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def incr(self, key: str, expires: int) -> int:
        row = self._connection().execute(
            "INSERT INTO counter (key, count, expires) VALUES (?, 1, ?) "
            "ON CONFLICT (key) DO UPDATE SET count = count + 1 RETURNING count", (key, expires)).fetchone()
        return int(row[0])

    def get(self, key: str) -> int:
        row = self._connection().execute("SELECT count FROM counter WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def prune(self, now: int) -> int:
        return self._connection().execute("DELETE FROM counter WHERE expires < ?", (now,)).rowcount

    def clear(self) -> None:
        self._connection().execute("DELETE FROM counter")


_counters: dict[str, Counters] = {}
_lock = threading.Lock()


def counters() -> Counters:
    path = str(settings.OMDOME_COUNTERS)
    with _lock:
        if path not in _counters:
            _counters[path] = Counters(Path(path))
        return _counters[path]


def limit_of(scope: str) -> tuple[int, int]:
    return settings.OMDOME_RATE_LIMITS.get(scope) or DEFAULT_LIMITS[scope]


def _window(scope: str, key: str, given: tuple[int, int] | None = None) -> tuple[int, int, int, str]:
    """(limit, seconds left in the window, when it ends, counter key) for a request now."""
    limit, window = given or limit_of(scope)
    now = int(time.time())
    start = now - now % window
    # A page address can be long: hash it, and keep the window start whole.
    slot = f"{scope}:{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}:{start}"
    return limit, start + window - now, start + window, slot


def hit(scope: str, key: str, message: str | None = None, *, limit: tuple[int, int] | None = None) -> None:
    """Count one request for ``key`` in ``scope``; raise 429 when the window's limit is passed.

    ``limit`` is (requests, seconds) when the key has a limit of its own (an analysis key).

    If the counter file cannot be written the request is let through and the problem logged:
    a broken counter must not take the comments down with it.
    """
    limit, left, end, slot = _window(scope, key, limit)
    try:
        count = counters().incr(slot, end)
    except (sqlite3.Error, OSError) as error:
        log.error("rate limit %s not counted: %s", scope, error)
        return
    if count > limit:
        raise ServiceError("rate_limited", message or _("Too many comments in a short time. Try again in a minute."),
                           status=429, retry_after=left)


def count(scope: str, key: str) -> int:
    """How many requests ``key`` made in the current window of ``scope``."""
    _limit, _left, _end, slot = _window(scope, key)
    try:
        return counters().get(slot)
    except (sqlite3.Error, OSError) as error:
        log.error("rate limit %s not read: %s", scope, error)
        return 0


def prune(now: float | None = None) -> int:
    """Forget finished windows."""
    return counters().prune(int(now if now is not None else time.time()))
