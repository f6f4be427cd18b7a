"""``omdome policy``: make a policy from the template, validate it, render it for employees."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from omdome.cli.errors import EXPECTED, report
from omdome.cli.io import write_text_atomic


def register(commands: argparse._SubParsersAction, _: Callable[[str], str]) -> None:
    parser = commands.add_parser("policy", help=_("make, validate and render policy files"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    init = actions.add_parser("init", help=_("make a policy from the built-in template"))
    init.add_argument("--org", required=True, help=_("the organisation's name"))
    init.add_argument("--sector", required=True, choices=("public", "private"))
    init.add_argument("--lang", choices=("sv", "en"), default="sv")
    init.add_argument("--customer-word", metavar="W",
                      help=_("word for 'customer': a known word (invånare, patient, …) or all "
                             "forms, e.g. \"gäst,gästen,gäster,gästerna\""))
    init.add_argument("--company-word", metavar="W",
                      help=_("word for 'company': a known word (kommun, region, …) or all forms"))
    init.add_argument("--version", dest="policy_version", default="1.0", help=_("policy version"))
    init.add_argument("-o", "--output", metavar="FILE", help=_("write here (default: standard output)"))
    init.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    init.set_defaults(handler=run_init)

    validate = actions.add_parser("validate", help=_("check a policy file and show its content hash"))
    validate.add_argument("file")
    validate.set_defaults(handler=run_validate)

    render = actions.add_parser("render", help=_("render a policy as a printable document"))
    render.add_argument("file")
    render.add_argument("--format", choices=("md", "html"), default="md")
    render.add_argument("-o", "--output", metavar="FILE", help=_("write here (default: standard output)"))
    render.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    render.set_defaults(handler=run_render)


def _gettext() -> Callable[[str], str]:
    from omdome.cli import ui_language
    from omdome.i18n import translator

    return translator(ui_language())


def run_init(args: argparse.Namespace) -> int:
    from omdome.policy.loader import parse_policy
    from omdome.policy.template import init_policy

    _ = _gettext()
    try:
        text = init_policy(org=args.org, sector=args.sector, language=args.lang,
                           customer_word=args.customer_word, company_word=args.company_word,
                           version=args.policy_version)
        parse_policy(text, "<new policy>")  # never write a policy that would not load
    except EXPECTED as error:
        return report(error, _)
    return _write(text, args.output, args.force, _)


def run_validate(args: argparse.Namespace) -> int:
    from omdome.policy import load_policy
    from omdome.policy.loader import content_hash

    _ = _gettext()
    try:
        policy = load_policy(args.file)
    except EXPECTED as error:
        return report(error, _)
    checks = sum(len(rule.checks) for rule in policy.rules)
    org = policy.organisation
    print(_("{file}: valid policy for {org} ({sector} sector), version {version}, {checks} checks")
          .format(file=args.file, org=org.name, sector=org.sector, version=org.version, checks=checks))
    print(content_hash(policy))
    return 0


def run_render(args: argparse.Namespace) -> int:
    from omdome.policy import load_policy
    from omdome.policy.render import to_html, to_markdown

    _ = _gettext()
    try:
        policy = load_policy(args.file)
    except EXPECTED as error:
        return report(error, _)
    text = to_html(policy) if args.format == "html" else to_markdown(policy)
    return _write(text, args.output, args.force, _)


def _write(text: str, output: str | None, force: bool, _: Callable[[str], str]) -> int:
    """Write to standard output, or atomically to a file (never half a file, never by surprise)."""
    if output is None:
        sys.stdout.write(text)
        return 0
    path = Path(output)
    if path.is_dir():
        print(f"omdome: {_('error')}: " + _("{file} is a directory; give a file name").format(file=output),
              file=sys.stderr)
        return 2
    if path.exists() and not force:
        print(f"omdome: {_('error')}: " + _("{file} exists; use --force to overwrite it")
              .format(file=output), file=sys.stderr)
        return 2
    try:
        write_text_atomic(path, text)
    except OSError as error:
        print(f"omdome: {_('error')}: {output}: {error.strerror}", file=sys.stderr)
        return 2
    print(_("wrote {file}").format(file=output), file=sys.stderr)
    return 0
