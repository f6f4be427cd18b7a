"""The blind sets (data/*/blind): well formed, and no comment close to one written for training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from omdome.policy.checks import CHECKS
from omdome.triage.base_data import shipped_examples, shipped_threat_examples
from omdome.triage.categories import CATEGORIES
from omdome.triage.dataset import Example, near_duplicates

DATA = Path(__file__).parents[2] / "data"
TRIAGE_FILES = sorted((DATA / "triage" / "blind").glob("*/*.jsonl"))
REVIEW_FILES = sorted((DATA / "review" / "blind").glob("*/r*.jsonl"))
TRAINING_FOLDERS = [DATA / "triage" / "candidates", DATA / "triage" / "toxicity", DATA / "triage" / "threat-dev"]
LANGUAGES = {"sv", "en", "nb", "da"}
TRIAGE_FIELDS = {"id": str, "text": str, "category": str, "language": str, "platform": str, "sector": str,
                 "hard": bool, "hard_kind": str, "report": bool, "urgent": bool}
def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def blind_comments() -> list[dict]:
    return [row for path in TRIAGE_FILES for row in read_jsonl(path)]


def test_the_sets_are_there():
    assert len(TRIAGE_FILES) >= 4 and len(REVIEW_FILES) >= 2


def test_every_blind_comment_has_its_fields_and_a_valid_category_and_language(blind_comments):
    problems = []
    for row in blind_comments:
        wrong = [key for key, kind in TRIAGE_FIELDS.items() if not isinstance(row.get(key), kind)]
        if wrong or set(row) != set(TRIAGE_FIELDS):
            problems.append((row.get("id"), wrong, sorted(set(row) ^ set(TRIAGE_FIELDS))))
        elif row["category"] not in CATEGORIES or row["language"] not in LANGUAGES or not row["text"].strip():
            problems.append((row["id"], row["category"], row["language"]))
        elif row["hard"] != bool(row["hard_kind"]):
            problems.append((row["id"], "hard and hard_kind disagree"))
    assert problems == []
    ids = [row["id"] for row in blind_comments]
    assert len(ids) == len(set(ids)) >= 397


def training_comments() -> list[Example]:
    """The shipped training data and the project's other comments written for training."""
    examples = list(shipped_examples()) + list(shipped_threat_examples())
    for path in sorted(p for folder in TRAINING_FOLDERS for p in folder.glob("*.jsonl")):
        # Only the text is compared; the toxicity files carry "toxic" instead of a category.
        examples += [Example(r["text"], r.get("category", ""), r.get("language")) for r in read_jsonl(path)]
    return examples


@pytest.mark.slow
def test_no_blind_comment_is_a_near_duplicate_of_a_training_comment(blind_comments):
    # The measure (and threshold) that test_triage_data.py uses for the test split.
    blind = [Example(row["text"], row["category"], row["language"]) for row in blind_comments]
    training = training_comments()
    pairs = near_duplicates(blind, training, threshold=0.5)
    found = {(blind_comments[i]["id"], training[j].text, similarity) for i, j, similarity in pairs}
    assert found == set()


def test_every_blind_draft_names_a_defined_organisation_and_quotes_its_evidence():
    problems = []
    for path in REVIEW_FILES:
        orgs = json.loads(path.with_suffix(".orgs.json").read_text(encoding="utf-8"))
        for row in read_jsonl(path):
            if row["org"] not in orgs:
                problems.append((row["id"], "unknown org", row["org"]))
            if row["account"] not in ("personal", "official"):
                problems.append((row["id"], "account", row["account"]))
            for item in row["expected"]:
                if item["code"] not in CHECKS:
                    problems.append((row["id"], "unknown code", item["code"]))
                if not item["evidence"] or item["evidence"] not in row["draft"]:
                    problems.append((row["id"], "evidence not in the draft", item["evidence"]))
    assert problems == []


def test_the_calibration_error_is_the_weighted_gap_between_confidence_and_accuracy():
    from bench.bench_blind import expected_calibration_error

    # Four comments said 0.9 sure, three right: the gap is 0.15. Two said 0.55 sure, one right: 0.05.
    confidences = [0.9, 0.9, 0.9, 0.9, 0.55, 0.55]
    right = [True, True, True, False, True, False]
    assert expected_calibration_error(confidences, right) == pytest.approx(4 / 6 * 0.15 + 2 / 6 * 0.05)
    assert expected_calibration_error([0.8] * 5, [True, True, True, True, False]) == pytest.approx(0.0)


def test_no_draft_left_blind_is_close_to_a_draft_the_model_of_meaning_learnt_from():
    learnt = json.loads((Path(__file__).parents[2] / "src/omdome/review/model/meaning.json").read_text())["draft_files"]
    learnt_paths = {DATA / "review" / "blind" / name for name in learnt}
    assert learnt_paths and learnt_paths <= set(REVIEW_FILES)
    training = [Example(r["draft"], "", None) for p in sorted(learnt_paths) for r in read_jsonl(p)]
    others = [r for p in REVIEW_FILES if p not in learnt_paths for r in read_jsonl(p)]
    assert len(others) >= 240
    pairs = near_duplicates([Example(r["draft"], "", None) for r in others], training, threshold=0.5)
    assert [(others[i]["id"], similarity) for i, _j, similarity in pairs] == []
