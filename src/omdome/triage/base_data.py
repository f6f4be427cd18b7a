"""The labelled comments the shipped model was trained on, shipped with it for retraining."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from omdome.triage.dataset import Example, read_many


def shipped_data_files() -> list[Path]:
    folder = Path(str(files("omdome.triage").joinpath("data")))
    return sorted(folder.glob("*.jsonl"))


def shipped_examples() -> list[Example]:
    return read_many(shipped_data_files())
