"""Django's SQLite backend, with write transactions queued on a lock file beside the database.

SQLite lets one writer in at a time. A writer that finds the database locked retries in its busy
handler, which sleeps 1, 2, 5, 10 … up to 100 ms between tries however soon the lock is free: with
the web workers and the task worker writing at once, a reader's comment waited hundreds of
milliseconds behind a lock held for two (bench/RESULTS.md). Every transaction here begins with
``BEGIN IMMEDIATE`` (it writes, or may); before it, the connection takes an exclusive ``flock`` on
``<database>-writers`` and gives it back when the transaction ends, so a waiting writer is let in
as soon as the one before it is done, and the busy handler is left for the rare write outside a
transaction. A process that dies holding the lock loses it with its file descriptor.

The task worker runs in Linux's idle scheduling class, below the web server (``omdome worker``).
While one of its threads holds the writers' lock it runs at normal priority, as the web workers do:
otherwise a web worker busy with a comment's triage would keep the CPU from a lock holder that
the other web worker waits for.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time

from django.db import OperationalError
from django.db.backends.sqlite3 import base

# As long as SQLite's own busy timeout (settings.py): then the writer is told the database is locked.
WAIT_SECONDS = 5.0


class DatabaseWrapper(base.DatabaseWrapper):
    _writers_fd: int | None = None
    _holds_writers_lock = False
    _lifted = False  # the thread left the idle scheduling class while it holds the lock

    def _writers_lock_file(self) -> int | None:
        if self._writers_fd is None and not self.is_in_memory_db():
            self._writers_fd = os.open(f"{self.settings_dict['NAME']}-writers", os.O_RDWR | os.O_CREAT, 0o600)
        return self._writers_fd

    def _take_writers_lock(self) -> None:
        fd = self._writers_lock_file()
        if fd is None:
            return
        deadline, pause = time.monotonic() + WAIT_SECONDS, 0.0002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OperationalError("database is locked (waited for other writers)") from None
                time.sleep(pause)
                pause = min(pause * 1.5, 0.0005)
        self._holds_writers_lock = True
        self._lifted = _lift_from_idle()

    def _give_back_writers_lock(self) -> None:
        if self._holds_writers_lock:
            self._holds_writers_lock = False
            fcntl.flock(self._writers_fd, fcntl.LOCK_UN)
            if self._lifted:
                self._lifted = False
                _back_to_idle()

    def _start_transaction_under_autocommit(self) -> None:
        self._take_writers_lock()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._give_back_writers_lock()
            raise

    def _commit(self):  # type: ignore[no-untyped-def]
        try:
            return super()._commit()
        finally:
            self._give_back_writers_lock()

    def _rollback(self):  # type: ignore[no-untyped-def]
        try:
            return super()._rollback()
        finally:
            self._give_back_writers_lock()

    def _close(self):  # type: ignore[no-untyped-def]
        try:
            return super()._close()
        finally:
            self._give_back_writers_lock()
            if self._writers_fd is not None:
                os.close(self._writers_fd)
                self._writers_fd = None


def _lift_from_idle() -> bool:
    """Normal priority for the calling thread if it runs in the idle scheduling class; whether it did.
    Where the system does not allow it, the thread stays where it was."""
    try:
        if os.sched_getscheduler(0) != os.SCHED_IDLE:
            return False
        os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
    except (AttributeError, OSError):
        return False
    return True


def _back_to_idle() -> None:
    with contextlib.suppress(OSError):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
