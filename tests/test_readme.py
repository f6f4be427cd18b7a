"""Every command the README shows works as written, in a fresh data folder after ``make run``'s set-up."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from omdome.triage.model import shipped_model_dir

ROOT = Path(__file__).resolve().parents[1]
OMDOME = Path(sys.executable).with_name("omdome")
pytestmark = pytest.mark.slow


def readme_commands() -> list[str]:
    """The README's `uv run omdome …` lines (with their continuation lines), in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S):
        joined = block.replace("\\\n", " ")
        for line in joined.splitlines():
            line = line.split("  #", 1)[0].strip()
            if re.match(r"^([A-Z_]+=(\$\(.*?\)|\S+) )*uv run omdome ", line):
                commands.append(" ".join(line.split()))
    return commands


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_readme_shows_the_web_and_file_commands():
    commands = readme_commands()
    for name in ("createadmin", "serve", "worker", "import-comments", "export-comments", "audit verify",
                 "policy init", "check", "triage", "train"):
        assert any(f"omdome {name}" in c for c in commands), name


def test_every_readme_command_runs_in_a_fresh_folder(tmp_path):
    (tmp_path / "src").symlink_to(ROOT / "src")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "OMDOME_DATA_DIR", "OMDOME_DEBUG",
                                                            "DJANGO_SETTINGS_MODULE")}
    # What `make run` does before it serves: development mode, migrations, the demo threads.
    setup = subprocess.run([str(OMDOME), "demo"], cwd=tmp_path, env={**env, "OMDOME_DEBUG": "1"},
                           capture_output=True, text=True, timeout=300)
    assert setup.returncode == 0, setup.stderr
    shipped = {p.name: p.read_bytes() for p in shipped_model_dir().iterdir()}
    for command in readme_commands():
        # `uv run omdome` is the project's own command in its environment: run that directly here.
        line = command.replace("uv run omdome", shlex.quote(str(OMDOME)), 1)
        if " serve" in command:
            port = free_port()
            line = re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{port}", line)
            server = subprocess.Popen(["bash", "-c", line], cwd=tmp_path, env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
            try:
                assert _healthy(port, server), server.stderr.read().decode() if server.poll() is not None else ""
            finally:
                if server.poll() is None:
                    os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=60)
            continue
        done = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=600)
        allowed = (0, 1) if " check " in command else (0,)  # check: 1 means "do not publish"
        assert done.returncode in allowed, f"{command}\n{done.stderr[-3000:]}"
        assert "Traceback" not in done.stderr, command
    assert (tmp_path / "policy.html").is_file() and (tmp_path / "comments.json").is_file()
    _the_trained_model_is_usable(tmp_path / "our-model", env)
    assert {p.name: p.read_bytes() for p in shipped_model_dir().iterdir()} == shipped  # never retrained in place


def _the_trained_model_is_usable(model: Path, env: dict[str, str]) -> None:
    """What `omdome train --base shipped` wrote: the organisation's decisions on top of the shipped
    data, scored on a held-out part, and a model that `omdome triage --model` reads."""
    meta = json.loads((model / "model.json").read_text(encoding="utf-8"))
    assert any(d.startswith("own comments: ") for d in meta["data"]) and meta["seed"] == 13
    assert meta["held_out"]["fast"]["macro_f1"] > 0.6
    comment = json.dumps({"text": "Soptunnan har inte tömts på tre veckor och ingen svarar när jag ringer."})
    row = subprocess.run([str(OMDOME), "triage", "--model", str(model), "--fast"], input=comment, env=env,
                         capture_output=True, text=True, timeout=120)
    assert row.returncode == 0, row.stderr
    assert json.loads(row.stdout)["category"] == "complaint"


def _healthy(port: int, server: subprocess.Popen) -> bool:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                return answer.status == 200
        except OSError:
            time.sleep(0.5)
    return False
