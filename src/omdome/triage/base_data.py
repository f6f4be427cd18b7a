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


def shipped_threat_files() -> list[Path]:
    """Comments that train the threat head only: threats and their look-alikes, written in a mix (half
    threats) that would skew the category head's sense of how common each category is."""
    folder = Path(str(files("omdome.triage").joinpath("data", "threats")))
    return sorted(folder.glob("*.jsonl"))


def shipped_threat_examples() -> list[Example]:
    return read_many(shipped_threat_files())
