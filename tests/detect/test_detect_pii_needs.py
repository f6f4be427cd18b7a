"""The recognizers skip a text without what every match of theirs holds, and lose nothing by it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from omdome.detect.base import drop_overlaps
from omdome.detect.personal_data import _instances, find_personal_data

ROOT = Path(__file__).resolve().parents[2]


def held_texts() -> list[str]:
    """Every comment and draft the project holds: training, test and blind sets."""
    files = (sorted(ROOT.glob("src/omdome/triage/data/*.jsonl")) + sorted(ROOT.glob("data/triage/**/*.jsonl"))
             + sorted(ROOT.glob("data/review/**/*.jsonl")))
    texts = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row.get("text") or row.get("draft") or "")
    return [t for t in texts if t]


@pytest.mark.slow  # reads every text the project holds
def test_skipping_texts_without_a_digit_or_an_at_sign_finds_the_same_spans():
    texts = held_texts()
    assert len(texts) > 9_000
    found = 0
    for text in texts:
        every = drop_overlaps([span for recognizer in _instances() for span in recognizer.find(text, None)])
        assert find_personal_data(text) == every, text
        found += bool(every)
    assert found > 300  # the texts hold personal data, so the comparison compares something


def test_an_email_address_needs_its_at_sign_and_a_number_its_digit():
    assert [s.kind for s in find_personal_data("Mejla anna.berg@example.se")] == ["email"]
    assert find_personal_data("Ring mig på noll sju noll, anna punkt berg at example punkt se") == []
