"""``omdome redact``: replace personal data with its kind in brackets."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from omdome.cli.errors import EXPECTED, report
from omdome.cli.io import read_text


def register(commands: argparse._SubParsersAction, _: Callable[[str], str]) -> None:
    parser = commands.add_parser(
        "redact", help=_("replace personal data with its kind, e.g. [personnummer]"),
        description=_("Replace each piece of personal data with its kind in brackets. "
                      "Redacting redacted text changes nothing."),
    )
    parser.add_argument("file", nargs="?", default="-", help=_("the text (default: standard input)"))
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--labels", choices=("sv", "en"), default="sv",
                        help=_("language of the bracketed labels (default: sv)"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from omdome.cli import ui_language
    from omdome.detect.redact import redact
    from omdome.i18n import translator
    from omdome.review.draft import validate_draft

    _ = translator(ui_language())
    try:
        text = validate_draft(read_text(args.file))
    except EXPECTED as error:
        return report(error, _)
    result = redact(text, labels=args.labels)
    if args.format == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.text if result.text.endswith("\n") else result.text + "\n")
    return 0
