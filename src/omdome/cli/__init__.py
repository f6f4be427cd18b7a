"""The ``omdome`` command: check drafts, redact personal data, make and render policies.

Exit codes: 0 fine, 1 a draft blocks, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from omdome import __version__
from omdome.i18n import translator

EXIT_OK, EXIT_BLOCK, EXIT_BAD_INPUT = 0, 1, 2


def ui_language() -> str:
    """The language of the command's own texts: OMDOME_LANG, else the locale, else Swedish."""
    for name in ("OMDOME_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").lower()
        if value and value not in ("c", "posix", "c.utf-8", "c.utf8"):
            return "en" if value.startswith("en") else "sv"
    return "sv"


def build_parser() -> argparse.ArgumentParser:
    from omdome.cli import check, policy, redact, train, train_meaning, triage, web

    _ = translator(ui_language())
    parser = argparse.ArgumentParser(
        prog="omdome",
        description=_("Omdöme: the organisation's social-media policy as working software."),
    )
    parser.add_argument("--version", action="version", version=f"omdome {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check.register(commands, _)
    redact.register(commands, _)
    policy.register(commands, _)
    triage.register(commands, _)
    train.register(commands, _)
    train_meaning.register(commands, _)
    web.register(commands, _)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        sys.stderr.close()
        return EXIT_OK
