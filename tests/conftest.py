"""Shared fixtures: the example files shipped with the package, and a factory for policies."""

from __future__ import annotations

import os

# Under xdist every worker is a process of its own, and the embedding engine (OpenMP) and numpy's
# BLAS would each start a thread per core in every one of them: on two cores, four threads spinning
# on two. One thread a worker, unless the run says otherwise.
if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
    for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(_name, "1")

from importlib.resources import files
from pathlib import Path

import pytest

from omdome.policy import parse_policy
from omdome.policy.template import init_policy
from omdome.review import AuthorProfile

EXAMPLES = Path(str(files("omdome").joinpath("examples")))


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


def make_policy_text(*, org: str = "Exempel AB", sector: str = "private", language: str = "sv",
                     extra: str = "", **words: str) -> str:
    """A policy from the template, with extra TOML (topics, positions, …) appended."""
    text = init_policy(org=org, sector=sector, language=language, **words)
    return text + "\n" + extra


def make_policy(**kwargs):  # type: ignore[no-untyped-def]
    return parse_policy(make_policy_text(**kwargs), "<test>")


def make_profile(**overrides) -> AuthorProfile:  # type: ignore[no-untyped-def]
    values = {"name": "Anna Lindqvist", "employer": "Exempel AB", "role": "kundtjänstmedarbetare",
              "expertise": ["kundtjänst"], "account": "personal"}
    values.update(overrides)
    return AuthorProfile(**values)


def codes(review) -> list[str]:  # type: ignore[no-untyped-def]
    """The finding codes of a review, in text order."""
    return [f.code for f in review.findings]


def hits(review, text: str, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The draft text each finding with ``code`` points at."""
    return [text[f.start:f.end] for f in review.findings if f.code == code]


def run_cli(*args: str, stdin: bytes | None = None, lang: str = "en", timeout: int = 120):  # type: ignore[no-untyped-def]
    """Run ``python -m omdome`` as a user would, in a real process."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "OMDOME_LANG": lang}
    return subprocess.run([sys.executable, "-m", "omdome", *args], input=stdin, capture_output=True,
                          env=env, timeout=timeout, check=False)
