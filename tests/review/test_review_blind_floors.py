"""Floors on the draft sets written apart (data/review/blind): drafts by other writers.

The floors sit a little under what the check measured on each set (bench/RESULTS.md, "Blind
sets"), set up the way the bench sets them up (each organisation's policy filled in as its
administrator would, each author's profile); a change to a check or a lexicon that loses ground
on drafts it was not written with fails here, whatever the hand-written tests say.
"""

from __future__ import annotations

import pytest
from bench.bench_blind import REVIEW_BLIND, REVIEW_SETS, check_set

# (share of expected codes found ≥, share of clean drafts with any finding ≤), measured 2026-12-04
# late evening: 2026-12e 0.80 / 0.09, 2026-12f 0.82 / 0.06, 2026-12g 0.81 / 0.04 (the three tuned
# against), 2026-12h 0.74 / 0.15 (blind); 2026-12d on 2026-12-05, after it was tuned against: 0.78 / 0.02;
# 2026-12i (blind) first measured on 2026-12-05: 0.59 / 0.17. After the rule 1 work of 2026-12-05 afternoon
# (2026-12h to j seen in part since): 2026-12j 0.69 / 0.15 (first measured before it: 0.70 / 0.25); 2026-12k
# (blind, first measured after it): 0.76 / 0.25. After the rule 1 work of 2026-12-05 evening: 2026-12k 0.76 /
# 0.23; 2026-12l and 2026-12m (blind, first measured then) 0.73 / 0.06 and 0.81 / 0.04; 2026-12n and 2026-12o
# (blind, first measured after the leak head) 0.77 / 0.19 and 0.75 / 0.17.
# After the work of 2026-12-05 late evening against 2026-12h to 2026-12o (all tuned against since): 2026-12d
# 0.79 / 0.02, e 0.80 / 0.04, f 0.84 / 0.06, g 0.83 / 0.06, h 0.77 / 0.15, i 0.67 / 0.10, j 0.79 / 0.10, k 0.85 /
# 0.13, l 0.81 / 0.04, m 0.90 / 0.00, n 0.87 / 0.10, o 0.81 / 0.10; 2026-12p and q (first measured then, seen
# in part since) 0.82 / 0.10 and 0.74 / 0.10; 2026-12r (blind, first measured after the contempt threshold
# was raised) 0.80 / 0.13. After the work of 2026-12-05 night on the tuned sets (secrecy, expertise,
# public.register, opinion, identity, contempt forms): 2026-12p 0.82 / 0.10, q 0.74 / 0.10, r 0.80 / 0.10;
# 2026-12s (first measured then; one row seen by mistake before) 0.81 / 0.06; 2026-12t (blind, first measured
# then) 0.78 / 0.04. After the opinion change that followed (a superlative on one of the organisation's
# topics): 2026-12t 0.80 / 0.04; 2026-12u (blind, first measured then) 0.78 / 0.15. With the model of meaning
# that learnt from the tuned sets (the rules unchanged): 2026-12v and 2026-12w (blind, first measured then)
# 0.81 / 0.08 and 0.76 / 0.04; 2026-12x and 2026-12y (blind, measured after them) 0.81 / 0.13 and 0.83 / 0.13.
FLOORS = {
    "2026-12d": (0.76, 0.05),
    "2026-12e": (0.78, 0.07),
    "2026-12f": (0.82, 0.09),
    "2026-12g": (0.81, 0.09),
    "2026-12h": (0.75, 0.17),
    "2026-12i": (0.65, 0.13),
    "2026-12j": (0.77, 0.13),
    "2026-12k": (0.83, 0.15),
    "2026-12l": (0.79, 0.07),
    "2026-12m": (0.88, 0.03),
    "2026-12n": (0.85, 0.13),
    "2026-12o": (0.79, 0.13),
    "2026-12p": (0.80, 0.13),
    "2026-12q": (0.72, 0.13),
    "2026-12r": (0.78, 0.15),
    "2026-12s": (0.78, 0.09),
    "2026-12t": (0.76, 0.07),
    "2026-12u": (0.76, 0.17),
    "2026-12v": (0.79, 0.10),
    "2026-12w": (0.74, 0.07),
    "2026-12x": (0.78, 0.15),
    "2026-12y": (0.81, 0.15),
}
# With the model of meaning beside the rules (the think-twice page, staff replies), measured 2026-12-05 late
# evening with the contempt head at 0.9: 2026-12o 0.88 / 0.10, 2026-12p 0.89 / 0.23, 2026-12q 0.80 / 0.13,
# 2026-12r (blind) 0.84 / 0.13. With the model retrained on 2026-12-05 night (passages-10 and -11) and that
# night's rules: 2026-12p 0.93 / 0.19, q 0.82 / 0.17, r 0.87 / 0.12, s 0.88 / 0.10, t (blind) 0.85 / 0.06.
# After the opinion change: 2026-12t 0.86 / 0.06, 2026-12u (blind) 0.83 / 0.15. With the model retrained on
# the tuned sets' sentences, passages-12 and -13, an opinion head and the leak head at 0.95: 2026-12v and
# 2026-12w (blind, frozen before it was tried, each measured once) 0.91 / 0.08 and 0.87 / 0.08; 2026-12x
# and 2026-12y (measured after them) 0.93 / 0.15 and 0.90 / 0.15.
# The two sets first measured with this model keep a floor with it; 2026-12u and the others keep theirs on the
# rules alone (the model costs 25 s a set alone, over a minute beside the rest of the suite, which stays under
# 15 minutes).
MEANING_FLOORS = {
    "2026-12v": (0.89, 0.10),
    "2026-12w": (0.85, 0.10),
}


def shares(name: str, *, meaning: bool) -> tuple[float, float]:
    """The share of required findings found and the share of clean drafts with a finding."""
    files = next(files for set_name, files, _ in REVIEW_SETS if set_name == name)
    checked = [c for part in files for c in check_set(part, REVIEW_BLIND / name, meaning=meaning)]
    expected = [e for c in checked for e in c.expected]
    clean = [c for c in checked if not c.expected]
    assert len(checked) == 120 and len(clean) >= 40
    return (sum(e.found for e in expected) / len(expected),
            sum(bool(c.review.findings) for c in clean) / len(clean))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_draft_check_holds_its_floors_on_the_blind_sets(name):
    found, flagged = shares(name, meaning=False)
    assert found >= FLOORS[name][0] and flagged <= FLOORS[name][1]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(MEANING_FLOORS))
def test_with_the_model_of_meaning_the_draft_check_holds_its_floors_on_the_blind_sets(name):
    found, flagged = shares(name, meaning=True)
    assert found >= MEANING_FLOORS[name][0] and flagged <= MEANING_FLOORS[name][1]
