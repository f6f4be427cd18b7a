"""Public data for the sentiment and toxicity signals, marked train+ship (CC BY 4.0)."""

from __future__ import annotations

import csv
from pathlib import Path

from omdome.triage.dataset import Example

# Our own categories also teach the signals.
SENTIMENT_OF = {"praise": "positive", "complaint": "negative", "hateful": "negative",
                "troll": "negative", "question": "neutral", "neutral": "neutral", "spam": "neutral",
                "correction": "neutral"}
TOXIC = {"hateful"}


def absabank_sentiment(folder: Path) -> list[tuple[str, str]]:
    """ABSAbank-Imm paragraphs: mean stance below 2.5 negative, above 3.5 positive."""
    rows = []
    with (folder / "absabank-imm_train.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            try:
                score = float(row["label"])
            except (TypeError, ValueError):
                continue
            label = "negative" if score < 2.5 else "positive" if score > 3.5 else "neutral"
            rows.append((row["text"], label))
    return rows


def dkhate_toxicity(folder: Path) -> list[tuple[str, int]]:
    """DKHate comments: OFF is toxic, NOT is not."""
    rows = []
    with (folder / "offenseval-da-training-v1.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("subtask_a") in ("OFF", "NOT") and row.get("tweet"):
                rows.append((row["tweet"], int(row["subtask_a"] == "OFF")))
    return rows


def own_sentiment(examples: list[Example]) -> list[tuple[str, str]]:
    return [(e.text, SENTIMENT_OF[e.category]) for e in examples]


def own_toxicity(examples: list[Example]) -> list[tuple[str, int]]:
    return [(e.text, int(e.category in TOXIC)) for e in examples]


def labelled_toxicity(paths: list[Path]) -> list[tuple[str, int]]:
    """The project's own toxicity examples: JSONL of {"text": …, "toxic": 0 or 1}."""
    import json

    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                data = json.loads(line)
                if not isinstance(data.get("text"), str) or data.get("toxic") not in (0, 1):
                    raise ValueError(f"{path}:{number}: needs a string \"text\" and \"toxic\": 0 or 1")
                rows.append((data["text"], int(data["toxic"])))
    return rows
