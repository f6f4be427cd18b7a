"""``omdome train``: train a triage model on labelled comments."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path


def register(commands: argparse._SubParsersAction, _: Callable[[str], str]) -> None:
    parser = commands.add_parser(
        "train", help=_("train a triage model on labelled comments"),
        description=_("Train a triage model on a JSONL file of {\"text\": …, \"category\": …}. "
                      "Prints its scores on a held-out part and writes a model directory; the "
                      "shipped model is never touched."),
    )
    parser.add_argument("data", nargs="+", help=_("labelled comments (JSONL)"))
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help=_("where to write the model"))
    parser.add_argument("--base", choices=("shipped", "none"), default="none",
                        help=_("'shipped': add the comments the shipped model was trained on"))
    parser.add_argument("--signal-data", metavar="DIR",
                        help=_("folder with the public sentiment/toxicity data (data/public)"))
    parser.add_argument("--toxicity-data", nargs="*", default=[], metavar="FILE",
                        help=_("labelled toxicity examples (JSONL with \"text\" and \"toxic\")"))
    parser.add_argument("--threat-data", nargs="*", default=[], metavar="FILE",
                        help=_("comments that train the threat head only (JSONL, with \"report\")"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--fast-only", action="store_true", help=_("do not train the embedding head"))
    parser.add_argument("--force", action="store_true", help=_("replace an existing model directory"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from omdome.cli import ui_language
    from omdome.cli.errors import EXPECTED, report
    from omdome.i18n import translator
    from omdome.triage.categories import CATEGORIES
    from omdome.triage.dataset import DatasetError, read_many
    from omdome.triage.model import ModelError, load_model, shipped_model_dir
    from omdome.triage.training import MIN_PER_CATEGORY

    _ = translator(ui_language())
    output = Path(args.output)
    try:
        if output.resolve() == shipped_model_dir().resolve() and not args.force:
            raise ModelError(f"{output} is the shipped model; pass --force to rebuild it on purpose")
        if output.exists() and not args.force:
            raise ModelError(f"{output} exists; use --force to replace it")
        examples = read_many(args.data)
        threat_examples = read_many(args.threat_data)
        base = None
        if args.base == "shipped":
            from omdome.triage.base_data import shipped_examples, shipped_threat_examples

            examples = shipped_examples() + examples
            threat_examples = shipped_threat_examples() + threat_examples
            base = load_model()
        short = {c: n for c, n in Counter(e.category for e in examples).items() if n < MIN_PER_CATEGORY}
        missing = [c for c in CATEGORIES if c not in {e.category for e in examples}]
        if short or missing:
            few = ", ".join([f"{c} ({n})" for c, n in sorted(short.items())] + [f"{c} (0)" for c in missing])
            raise DatasetError(str(args.data[0]), [(0, f"too few examples to train on: {few}; every category needs "
                                                      f"at least {MIN_PER_CATEGORY} — add more, or train on top of "
                                                      "the shipped data with --base shipped")])
        signal = Path(args.signal_data) if args.signal_data else None
        if signal is not None and not (signal / "dkhate").is_dir():
            raise ModelError(f"{signal}: expected the folders dkhate/ and absabank-imm/")
    except (*EXPECTED, DatasetError, ModelError) as error:
        return report(error, _)
    from omdome.triage.training import train_model

    def log(line: str) -> None:
        print(line, file=sys.stderr)

    result = train_model(examples, output, seed=args.seed, use_embedding=not args.fast_only,
                         signal_folder=signal, base=base, log=log,
                         toxicity_files=[Path(p) for p in args.toxicity_data], threat_examples=threat_examples)
    print(json.dumps({"model": str(output), "held_out": result.held_out}, indent=2, ensure_ascii=False))
    return 0
