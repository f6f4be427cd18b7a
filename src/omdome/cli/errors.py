"""Turn the core's errors into one clear line (or a few) on standard error, and exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Callable

from omdome.policy.inflection import InflectionError
from omdome.policy.loader import PolicyError
from omdome.review.draft import DraftError

EXPECTED = (PolicyError, DraftError, InflectionError)


def report(error: Exception, gettext: Callable[[str], str]) -> int:
    """Print what is wrong and where; return the exit code for bad input."""
    text = error.translated(gettext) if hasattr(error, "translated") else str(error)
    label = gettext("error")
    for line in text.splitlines() or [text]:
        print(f"omdome: {label}: {line}", file=sys.stderr)
    return 2
