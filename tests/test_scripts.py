"""The project's own scripts leave nothing running behind them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
def test_the_throw_away_postgresql_is_stopped_after_the_command_whatever_its_outcome():
    port = 54391
    # Not under pytest's own temporary folder: the cluster's owner (postgres) must reach it.
    folder = Path(tempfile.mkdtemp(prefix="omdome-pg-test-"))
    folder.chmod(0o755)
    env = {**os.environ, "OMDOME_PG_PORT": str(port), "OMDOME_PG_DIR": str(folder / "pg")}
    env.pop("DATABASE_URL", None)
    connect = ("import os, psycopg; psycopg.connect(os.environ['DATABASE_URL'].rsplit('/', 1)[0] + '/postgres')"
               ".close(); raise SystemExit(3)")
    try:
        run = subprocess.run([str(ROOT / "scripts" / "with-postgres.sh"), sys.executable, "-c", connect], env=env,
                             capture_output=True, text=True, timeout=600)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert run.returncode == 3, run.stderr  # the command ran against the cluster; its code is kept
    assert not _listening(port), "the cluster is still running"
