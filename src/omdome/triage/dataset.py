"""Labelled comments: loading, validation with line numbers, and near-duplicate checks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from omdome.triage.categories import CATEGORIES


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    category: str
    language: str | None = None
    # Whether a moderator must report it (a threat, incitement); None where the writer did not say.
    report: bool | None = None


class DatasetError(ValueError):
    """Labelled data that cannot be used; lists each bad line."""

    def __init__(self, source: str, problems: list[tuple[int, str]]):
        self.source = source
        self.problems = problems
        shown = "\n".join(f"{source}:{line}: {message}" for line, message in problems[:20])
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(shown + more)


def read_examples(path: str | Path) -> list[Example]:
    """Examples from a JSONL file of ``{"text": …, "category": …}`` (optionally ``"report"``: true or
    false, whether a moderator must report it); every bad line is reported."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DatasetError(str(path), [(0, f"cannot read the file: {error.strerror}")]) from None
    examples, problems = [], []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            examples.append(parse_example(line.decode("utf-8")))
        except UnicodeDecodeError:
            problems.append((number, "not UTF-8"))
        except ValueError as error:
            problems.append((number, str(error)))
    if problems:
        raise DatasetError(str(path), problems)
    if not examples:
        raise DatasetError(str(path), [(0, "no examples")])
    return examples


def parse_example(line: str) -> Example:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error.msg}") from None
    if not isinstance(data, dict):
        raise ValueError('each line must be a JSON object with "text" and "category"')
    text, category = data.get("text"), data.get("category")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('"text" is missing, empty or not a string')
    if category not in CATEGORIES:
        raise ValueError(f'"category" must be one of {", ".join(CATEGORIES)} (got {category!r})')
    language, report = data.get("language"), data.get("report")
    if report is not None and not isinstance(report, bool):
        raise ValueError(f'"report" must be true or false when given (got {report!r})')
    if report and category != "hateful":
        raise ValueError(f'a comment to report (a threat, incitement) is "hateful", not {category!r}')
    return Example(text, category, language if isinstance(language, str) else None, report)


def read_many(paths: Iterable[str | Path]) -> list[Example]:
    out: list[Example] = []
    for path in paths:
        out.extend(read_examples(path))
    return out


_SPACE = re.compile(r"\s+")


def shingles(text: str, size: int = 5) -> frozenset[str]:
    squashed = _SPACE.sub(" ", text.lower()).strip()
    if len(squashed) <= size:
        return frozenset({squashed})
    return frozenset(squashed[i:i + size] for i in range(len(squashed) - size + 1))


def near_duplicates(left: list[Example], right: list[Example], threshold: float = 0.6,
                    ) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity) whose character 5-gram Jaccard similarity reaches ``threshold``.

    An inverted index over shingles, with each left example's shared-shingle counts taken in one
    ``bincount``: thousands of examples against thousands in a few seconds.
    """
    import numpy as np

    vocabulary: dict[str, int] = {}
    right_grams = [[vocabulary.setdefault(g, len(vocabulary)) for g in shingles(e.text)] for e in right]
    if not right_grams:
        return []
    sizes = np.array([len(grams) for grams in right_grams])
    grams = np.fromiter((g for row in right_grams for g in row), dtype=np.int64, count=int(sizes.sum()))
    rows = np.repeat(np.arange(len(right)), sizes)
    order = np.argsort(grams, kind="stable")
    # The right examples holding shingle g: holders[starts[g]:starts[g + 1]].
    holders, starts = rows[order], np.searchsorted(grams[order], np.arange(len(vocabulary) + 1))
    pairs = []
    for i, example in enumerate(left):
        own = shingles(example.text)
        known = [vocabulary[g] for g in own if g in vocabulary]
        if not known:
            continue
        shared = np.bincount(np.concatenate([holders[starts[g]:starts[g + 1]] for g in known]),
                             minlength=len(right))
        candidates = np.flatnonzero(shared)
        common = shared[candidates]
        similarity = common / (len(own) + sizes[candidates] - common)
        close = similarity >= threshold
        pairs += [(i, int(j), round(float(value), 3)) for j, value in zip(candidates[close], similarity[close],
                                                                          strict=True)]
    return pairs
