"""``omdome check``: review one draft, or every draft of a JSONL archive."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from omdome.cli.errors import EXPECTED, report
from omdome.cli.io import MAX_INPUT_BYTES, decode, numbered_lines, read_text
from omdome.cli.report import format_review
from omdome.review.draft import DraftError


def register(commands: argparse._SubParsersAction, _: Callable[[str], str]) -> None:
    parser = commands.add_parser(
        "check", help=_("check a draft against rules 1–4 of the policy (think twice)"),
        description=_("Check a draft post or reply against rules 1–4 of the policy. "
                      "Exit 0 for ok or warn, 1 for block, 2 for bad input."),
    )
    parser.add_argument("file", nargs="?", default="-", help=_("the draft (default: standard input)"))
    parser.add_argument("--profile", metavar="P.toml", help=_("the author's profile"))
    parser.add_argument("--policy", metavar="POLICY.toml",
                        help=_("the policy (default: the built-in Swedish template, private sector)"))
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=("sv", "en", "nb", "da"),
                        help=_("the draft's language (default: detected)"))
    parser.add_argument("--meaning", action="store_true",
                        help=_("read each sentence with the model of meaning too (slower: about half a second "
                               "a draft)"))
    parser.add_argument("--jsonl", metavar="FILE",
                        help=_("check one draft per line: {\"id\": …, \"text\": …}"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from omdome.cli import ui_language
    from omdome.i18n import translator

    _ = translator(ui_language())
    try:
        policy, profile = _load(args)
        if args.jsonl:
            return _run_jsonl(args.jsonl, policy, profile, args.lang, _, meaning=args.meaning)
        from omdome.review import review_draft

        text = read_text(args.file)
        review = review_draft(text, profile=profile, policy=policy, language=args.lang, meaning=args.meaning)
    except EXPECTED as error:
        return report(error, _)
    if args.format == "json":
        json.dump(review.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_review(review, text, policy))
    return 1 if review.verdict == "block" else 0


def _load(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from omdome.policy import builtin_policy, load_policy
    from omdome.review.profile import load_profile

    policy = load_policy(args.policy) if args.policy else builtin_policy()
    profile = load_profile(args.profile) if args.profile else None
    return policy, profile


def _run_jsonl(source: str, policy, profile, language, _, *, meaning: bool) -> int:  # type: ignore[no-untyped-def]
    from omdome.review import review_draft

    bad = blocked = False
    for number, line in numbered_lines(source):
        result: dict[str, object]
        try:
            if line is None:
                raise DraftError("the line is longer than {limit} bytes", limit=MAX_INPUT_BYTES)
            draft_id, text = _parse_line(decode(line, f"line {number}"))
            review = review_draft(text, profile=profile, policy=policy, language=language, meaning=meaning)
            result = {"id": draft_id, **review.to_dict()}
            blocked |= review.verdict == "block"
        except DraftError as error:
            bad = True
            result = {"id": _id_of(line or b""), "line": number, "error": error.translated(_)}
        print(json.dumps(result, ensure_ascii=False))
    return 2 if bad else 1 if blocked else 0


def _parse_line(line: str) -> tuple[object, str]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise DraftError("not valid JSON: {reason} (column {column})", reason=error.msg,
                         column=error.colno) from None
    if not isinstance(data, dict):
        raise DraftError("each line must be a JSON object with \"text\"")
    text = data.get("text")
    if not isinstance(text, str):
        raise DraftError("the key \"text\" is missing or not a string")
    return data.get("id"), text


def _id_of(line: bytes) -> object:
    try:
        data = json.loads(line.decode("utf-8", errors="replace"))
    except ValueError:
        return None
    return data.get("id") if isinstance(data, dict) else None
