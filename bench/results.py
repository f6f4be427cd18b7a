"""Write one benchmark's figures into its own section of bench/RESULTS.md.

Each script owns a section between two marker comments, so running one benchmark
refreshes its figures without touching the others.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADER = (
    "# Benchmark results\n\n"
    "Every figure here is written by a script in `bench/`; rerun it to refresh its section.\n"
)


def machine_line() -> str:
    """Describe where the figures were measured, so they can be compared fairly."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, check=False, cwd=RESULTS.parent,
        ).stdout.strip() or "uncommitted"
    except OSError:
        commit = "unknown"
    return (
        f"_Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, commit {commit}._"
    )


def write_section(name: str, body: str) -> None:
    """Replace (or append) the section called ``name`` in RESULTS.md."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    block = f"{begin}\n{body.rstrip()}\n\n{machine_line()}\n{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    tmp = RESULTS.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(RESULTS)
    print(f"wrote section '{name}' to {RESULTS}", file=sys.stderr)
