"""Settings for the test suite: the project's settings with test-only keys and a task backend
that stores tasks without running them (tests call the task functions directly)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("OMDOME_DEBUG", "1")
os.environ.setdefault("OMDOME_SECRET_KEY", "test-suite-only-key-not-a-secret-0123456789-abcdefghij")

from omdome.web.settings import *  # noqa: E402,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
# Fast hashing for the many users the tests create; production uses Django's default (PBKDF2).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _scratch_folder(prefix: str) -> Path:
    """A folder of this test process's own, removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


# Rate counters of their own for each test process (xdist workers included).
OMDOME_COUNTERS = _scratch_folder("omdome-counters-") / "counters.sqlite3"

if DATABASES["default"]["ENGINE"] == "omdome.web.core.sqlite":  # noqa: F405
    # A file, not memory: tests with threads need connections that see the same database.
    # One folder per run (each xdist worker adds its own suffix), so runs side by side never meet.
    DATABASES["default"]["TEST"] = {"NAME": str(_scratch_folder("omdome-test-") / "test.sqlite3")}  # noqa: F405
