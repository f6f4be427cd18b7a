"""The production service (gunicorn with its web workers and the task worker) on a throw-away
SQLite data folder, started and killed the way an operator or a crash would."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ORIGIN = "https://www.example.se"
SITE = "Exempel"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    def __init__(self, data: Path):
        self.data = data
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.env = {**os.environ, "OMDOME_DEBUG": "0", "OMDOME_DATA_DIR": str(data), "OMDOME_HTTPS": "0",
                    "OMDOME_SECRET_KEY": "a-load-test-key-that-is-long-enough-0123456789",
                    "OMDOME_ALLOWED_HOSTS": "127.0.0.1,localhost", "OMDOME_WEB_WORKERS": "2",
                    "OMDOME_RATE_IP": "1000000", "OMDOME_RATE_THREAD": "1000000", "OMDOME_RATE_READ": "1000000",
                    "OMDOME_RATE_ATTEMPTS": "1000000", "DJANGO_SETTINGS_MODULE": "omdome.web.settings"}
        for name in ("DATABASE_URL", "OMDOME_COUNTERS"):
            self.env.pop(name, None)

    def omdome(self, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "omdome", *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout)

    def set_up(self) -> None:
        done = self.omdome("manage", "migrate", "-v0")
        assert done.returncode == 0, done.stderr
        code = ("from omdome.web.core.models import Organisation; from omdome.web.comments.models import Site; "
                "o = Organisation.objects.create(name='Exempelstad', sector='public'); "
                f"Site.objects.create(organisation=o, name={SITE!r}, origins={ORIGIN!r})")
        done = self.omdome("manage", "shell", "-c", code)
        assert done.returncode == 0, done.stderr

    def start(self) -> None:
        log = (self.data / "serve.log").open("a")
        # A session of its own, so that a kill reaches gunicorn, its workers and the task worker at once.
        self.process = subprocess.Popen([sys.executable, "-m", "omdome", "serve", f"127.0.0.1:{self.port}"],
                                        env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            if self.healthy():
                return
            time.sleep(0.2)
        raise AssertionError("the service did not come up")

    def log(self) -> str:
        """The end of what the service wrote, for a failing test to show."""
        return (self.data / "serve.log").read_text(errors="replace")[-3000:]

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def kill(self) -> None:
        """kill -9 of everything the service started: the power cut."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def request(self, method: str, path: str, body: dict | None = None,
                headers: dict | None = None) -> tuple[int, dict]:
        """(status, JSON body); status 0 when no answer came (refused, reset, timed out)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method, headers={
            "Content-Type": "application/json", "Origin": ORIGIN, **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")
        except OSError:
            return 0, {}

    def post(self, page: str, text: str, key: str | None = None) -> tuple[int, dict]:
        return self.request("POST", "/api/comments", {"thread": f"{ORIGIN}{page}", "text": text, "author": "Läsare"},
                            {"Idempotency-Key": key} if key else None)

    def query(self, sql: str, *params: object) -> list[tuple]:
        with sqlite3.connect(f"file:{self.data / 'omdome.sqlite3'}?mode=ro", uri=True, timeout=30) as db:
            return db.execute(sql, params).fetchall()


@pytest.fixture
def service(tmp_path):
    running = Service(tmp_path / "data")
    running.set_up()
    yield running
    running.stop()
