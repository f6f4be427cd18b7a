"""Settings for the test suite: the project's settings with test-only keys and a task backend
that stores tasks without running them (tests call the task functions directly)."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("OMDOME_DEBUG", "1")
os.environ.setdefault("OMDOME_SECRET_KEY", "test-suite-only-key-not-a-secret-0123456789-abcdefghij")

from omdome.web.settings import *  # noqa: E402,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
# Fast hashing for the many users the tests create; production uses Django's default (PBKDF2).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Rate counters of their own for each test process (xdist workers included).
OMDOME_COUNTERS = Path(tempfile.mkdtemp(prefix="omdome-counters-")) / "counters.sqlite3"

if DATABASES["default"]["ENGINE"] == "omdome.web.core.sqlite":  # noqa: F405
    # A file, not memory: tests with threads need connections that see the same database.
    # One folder per run (each xdist worker adds its own suffix), so runs side by side never meet.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.mkdtemp(prefix="omdome-test-")) / "test.sqlite3")}  # noqa: F405
