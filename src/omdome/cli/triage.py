"""``omdome triage``: classify comments and say what rule 5 prescribes for each."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator

from omdome.cli.errors import EXPECTED, report
from omdome.cli.io import MAX_INPUT_BYTES, numbered_lines
from omdome.i18n import Message


def register(commands: argparse._SubParsersAction, _: Callable[[str], str]) -> None:
    parser = commands.add_parser(
        "triage", help=_("classify incoming comments and prescribe the action (rule 5)"),
        description=_("Classify comments (JSONL with \"text\" and optional \"id\", or one comment "
                      "per line with --lines) and prescribe what the policy says to do. Bad lines "
                      "are reported and skipped; exit 2 if any line was bad."),
    )
    parser.add_argument("file", nargs="?", default="-", help=_("the comments (default: standard input)"))
    parser.add_argument("--lines", action="store_true", help=_("plain text, one comment per line"))
    parser.add_argument("--facts", metavar="FACTS.toml", help=_("the organisation's facts and staff"))
    parser.add_argument("--model", metavar="DIR", help=_("a model trained with omdome train"))
    parser.add_argument("--fast", action="store_true",
                        help=_("characters and lexicons only (no sentence embedding)"))
    parser.add_argument("--format", choices=("jsonl", "text"), default="jsonl")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from omdome.cli import ui_language
    from omdome.i18n import translator
    from omdome.triage.classifier import CommentError, Triager
    from omdome.triage.facts import load_facts
    from omdome.triage.model import ModelError, load_model

    _ = translator(ui_language())
    try:
        facts = load_facts(args.facts) if args.facts else None
        model = load_model(args.model) if args.model else None
        triager = Triager(model, facts, fast=args.fast)
        lines = numbered_lines(args.file)
        bad = False
        for batch in _batches(lines, 32):
            good: list[tuple[int, object, str]] = []
            for number, raw in batch:
                try:
                    good.append((number, *_parse(raw, args.lines)))
                except ValueError as error:
                    bad = True
                    _emit_error(number, error.args[0], raw, args.format)
            results = _triage_batch(triager, good, args.format, CommentError)
            bad |= results
    except (*EXPECTED, ModelError) as error:
        return report(error, _)
    return 2 if bad else 0


def _triage_batch(triager, good, fmt, comment_error) -> bool:  # type: ignore[no-untyped-def]
    bad = False
    try:
        results = triager.triage_many([(id_, text) for _, id_, text in good])
    except comment_error:
        results = []
        for number, id_, text in good:  # find the bad one, keep the rest
            try:
                results.append(triager.triage(text, id_))
            except comment_error as error:
                bad = True
                _emit_error(number, error.args[0], None, fmt, id_)
                results.append(None)
    for result in results:
        if result is not None:
            _emit(result, fmt)
    return bad


def _batches(lines: Iterator[tuple[int, bytes | None]], size: int) -> Iterator[list[tuple[int, bytes | None]]]:
    batch: list[tuple[int, bytes | None]] = []
    for item in lines:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse(raw: bytes | None, plain: bool) -> tuple[object, str]:
    if raw is None:
        raise ValueError(Message("the line is longer than {limit} bytes", limit=MAX_INPUT_BYTES))
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(Message("not UTF-8 text: byte 0x{byte} at offset {offset}; save the file as UTF-8",
                                 byte=f"{raw[error.start]:02x}", offset=error.start)) from None
    if plain:
        return None, line.rstrip("\r\n")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(Message("not valid JSON: {reason} (column {column})", reason=error.msg,
                                 column=error.colno)) from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ValueError(Message('each line must be a JSON object with a string "text"'))
    return data.get("id"), data["text"]


def _emit(result, fmt: str) -> None:  # type: ignore[no-untyped-def]
    if fmt == "jsonl":
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    flag = " (review)" if result.needs_review else ""
    head = f"{result.id if result.id is not None else '-'}\t{result.category} → {result.action}"
    print(f"{head}, {result.moderation}, urgency {result.urgency}{flag}")
    for reason in result.reasons:
        print(f"    · {reason}")
    if result.suggested_reply:
        print(f"    ↳ {result.suggested_reply}")


def _emit_error(number: int, message: str, raw: bytes | None, fmt: str, id_: object = None) -> None:
    """A bad line is reported on standard error with its number, and skipped."""
    from omdome.cli import ui_language
    from omdome.i18n import translate, translator

    _ = translator(ui_language())
    where = _("line {line}").format(line=number)
    print(f"omdome: {where}: {translate(message, _)}", file=sys.stderr)
