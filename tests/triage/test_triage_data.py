"""The labelled comments: enough of each category, valid, and no test item near a training item."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from omdome.triage.base_data import shipped_data_files, shipped_examples, shipped_threat_examples
from omdome.triage.categories import CATEGORIES
from omdome.triage.dataset import near_duplicates, read_many

TEST_SPLIT = sorted((Path(__file__).parents[2] / "data" / "triage" / "test").glob("*.jsonl"))


def test_training_data_has_at_least_150_examples_per_category_in_four_languages():
    examples = shipped_examples()
    counts = Counter(e.category for e in examples)
    assert {c: counts[c] >= 150 for c in CATEGORIES} == dict.fromkeys(CATEGORIES, True), counts
    assert {e.language for e in examples} == {"sv", "en", "nb", "da"}
    assert len(shipped_data_files()) >= 1


def test_test_split_has_at_least_60_examples_per_category():
    counts = Counter(e.category for e in read_many(TEST_SPLIT))
    assert all(counts[c] >= 60 for c in CATEGORIES), counts


def test_no_test_comment_is_a_near_duplicate_of_a_training_comment():
    pairs = near_duplicates(read_many(TEST_SPLIT), shipped_examples() + shipped_threat_examples(), threshold=0.5)
    assert pairs == []
