"""Speed of Omdöme's ``review_draft`` beside Presidio's analyzer, and ``omdome check`` cold start.

One process, one run: the same ~500-character Swedish and English drafts (joined from
``bench/pii_corpus.py``) go through

a. Presidio's ``AnalyzerEngine`` with pattern recognizers only, offline (see
   ``bench/presidio_offline.py``), each draft analysed in its own language;
b. Omdöme's ``review_draft`` with an author profile (all rule 1-4 checks);
c. the same with the model of meaning (``meaning=True``: the think-twice page, staff replies and
   ``omdome check``), on the first ``MEANING_DRAFTS`` drafts, one timed pass: it is not held to the
   5 ms target, which is the rules' alone, and is not compared with Presidio.

Each gets a warm-up pass, then timed passes: throughput, p50/p95/p99 latency per draft
(``time.perf_counter``) and peak RSS (``resource.getrusage``; a high-water mark, so it is
read after each stage, Omdöme first). Then ``python -m omdome check FILE`` runs 10 times as
a subprocess (first discarded) for the cold start; ``-X importtime``'s top imports (by
cumulative and by self time) go to stdout only. Figures go to the "review" section of
bench/RESULTS.md. Rerun with::

    cd /work/main && uv run --group bench python -m bench.bench_review
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.pii_corpus import build_corpus, long_drafts
from bench.presidio_offline import DESCRIPTION, build_analyzer
from bench.results import write_section

CORPUS_SIZE = 2000  # source drafts; joined into ~780 texts of 480-520 characters
TIMED_PASSES = 3
COLD_RUNS = 10
MEANING_DRAFTS = 120
TARGET_RATIO, TARGET_P99_MS, TARGET_COLD_S = 1.5, 5.0, 1.0
PROFILE = {"name": "Anna Lind", "employer": "Norrvikens kommun", "role": "kommunikatör",
           "expertise": ["kommunikation", "krisinformation"], "account": "personal"}


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@dataclass
class Timing:
    name: str
    latencies: list[float]
    seconds: float
    results: int  # findings (Omdöme) or recognizer results (Presidio), one pass
    rss_before: float
    rss_after: float

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile_ms(self, q: int) -> float:
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1] * 1000


def time_calls(name: str, factory, items: list[tuple[str, str]], passes: int = TIMED_PASSES) -> Timing:
    """Set up ``factory()`` (imports count toward RSS), warm up on every item once, then
    time ``passes`` passes call by call."""
    rss_before = peak_rss_mib()
    call = factory()
    results = sum(call(text, lang) for lang, text in items)
    latencies: list[float] = []
    started = time.perf_counter()
    for _ in range(passes):
        for lang, text in items:
            t0 = time.perf_counter()
            call(text, lang)
            latencies.append(time.perf_counter() - t0)
    seconds = time.perf_counter() - started
    return Timing(name, latencies, seconds, results, rss_before, peak_rss_mib())


def omdome_call():
    from omdome.review import review_draft
    from omdome.review.profile import AuthorProfile

    profile = AuthorProfile(**PROFILE)
    return lambda text, lang: len(review_draft(text, profile=profile, policy=None).findings)


def meaning_call():
    from omdome.review import review_draft
    from omdome.review.profile import AuthorProfile

    profile = AuthorProfile(**PROFILE)
    return lambda text, lang: len(review_draft(text, profile=profile, policy=None, meaning=True).findings)


def presidio_call():
    analyzer = build_analyzer()
    return lambda text, lang: len(analyzer.analyze(text=text, language=lang))


def cold_start(path: Path) -> tuple[list[float], Counter, str]:
    """Wall time of ``COLD_RUNS`` runs of ``python -m omdome check path`` (first dropped),
    the exit codes seen and the output of a run that crashed ("" when none did)."""
    times, codes, crash = [], Counter(), ""
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "omdome", "check", str(path)],
                              capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - t0)
        codes[done.returncode] += 1
        crash = done.stderr if "Traceback" in done.stderr else crash
    print(f"`omdome check` output (last run, exit {done.returncode}):\n{done.stdout[:800]}")
    return times[1:], codes, crash


def import_times(path: Path) -> list[tuple[int, int, str]]:
    """(cumulative µs, self µs, module) for every import of ``omdome check`` (-X importtime)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "omdome", "check", str(path)],
                          capture_output=True, text=True, check=False)
    rows = []
    for line in done.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if line.startswith("import time:") and len(fields) == 3 and fields[0].strip().isdigit():
            rows.append((int(fields[1]), int(fields[0]), fields[2].strip()))
    return rows


def _mark(ok: bool) -> str:
    return "✅" if ok else "❌"


def timing_table(timings: list[Timing], n: int) -> list[str]:
    rows = ["| engine | drafts/s | p50 ms | p95 ms | p99 ms | results per draft "
            "| peak RSS MiB | RSS growth MiB |", "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for t in timings:
        rows.append(f"| {t.name} | {t.throughput:,.0f} | {t.percentile_ms(50):.2f} "
                    f"| {t.percentile_ms(95):.2f} | {t.percentile_ms(99):.2f} "
                    f"| {t.results / n:.2f} | {t.rss_after:.0f} "
                    f"| {t.rss_after - t.rss_before:.0f} |")
    return rows


def cold_line(cold: list[float], codes: Counter, crashed: bool) -> str:
    median_cold, max_cold = statistics.median(cold), max(cold)
    code_text = ", ".join(f"{code} ×{count}" for code, count in sorted(codes.items()))
    if crashed:
        verdict = "❌ the command crashed with a traceback, so these times are not valid"
    else:
        verdict = (f"median {_mark(median_cold <= TARGET_COLD_S)}, "
                   f"max {_mark(max_cold <= TARGET_COLD_S)}")
    return (f"- Cold start of `python -m omdome check FILE` ({COLD_RUNS} runs, first discarded): "
            f"median **{median_cold:.2f} s**, max {max_cold:.2f} s "
            f"(target ≤ {TARGET_COLD_S:.1f} s: {verdict}); exit codes {code_text}")


def report(items, omdome: Timing, presidio: Timing, meaning: Timing, cold_start_line: str,
           baseline_rss: float) -> str:
    langs = Counter(lang for lang, _ in items)
    lengths = [len(text) for _, text in items]
    ratio = omdome.throughput / presidio.throughput
    p99 = omdome.percentile_ms(99)
    return "\n".join([
        "## Draft review speed: Omdöme `review_draft` vs Presidio", "",
        f"{len(items)} drafts ({langs['sv']} sv, {langs['en']} en) of {min(lengths)}–"
        f"{max(lengths)} characters, joined from `bench/pii_corpus.py` drafts; one process, "
        f"a warm-up pass then {TIMED_PASSES} timed passes per engine ({len(omdome.latencies)} "
        "calls each). Omdöme runs every rule 1–4 check with an author profile; Presidio "
        "only looks for personal data.", "",
        *timing_table([omdome, presidio], len(items)), "",
        f"- Throughput ratio Omdöme / Presidio: **{ratio:.1f}×** "
        f"(target ≥ {TARGET_RATIO}× {_mark(ratio >= TARGET_RATIO)})",
        f"- Omdöme p99 latency: **{p99:.2f} ms** (target ≤ {TARGET_P99_MS:.0f} ms "
        f"{_mark(p99 <= TARGET_P99_MS)})",
        cold_start_line, "",
        f"With the model of meaning (`meaning=True`, the first {len(meaning.latencies)} drafts, one pass after a "
        "warm-up; its peak RSS includes both runs above):", "",
        *timing_table([meaning], len(meaning.latencies)), "",
        f"Peak RSS is the process high-water mark (`ru_maxrss`) read after each stage; it was "
        f"{baseline_rss:.0f} MiB after building the corpus. Omdöme ran first, so Presidio's "
        "peak includes it and its growth column is what Presidio added.", "",
        f"Presidio setup: {DESCRIPTION}",
    ])


def print_imports(path: Path, n: int = 5) -> None:
    rows = import_times(path)
    print(f"\n-X importtime for `omdome check`: {sum(r[1] for r in rows) / 1000:.0f} ms of "
          f"imports in all.")
    for title, key in (("cumulative", lambda r: r[0]), ("self", lambda r: r[1])):
        print(f"Top {n} by {title} time:")
        for cumulative, self_us, name in sorted(rows, key=key, reverse=True)[:n]:
            print(f"  {cumulative / 1000:8.1f} ms cumulative {self_us / 1000:7.1f} ms self  {name}")


def main() -> int:
    items = long_drafts(build_corpus(CORPUS_SIZE))
    baseline = peak_rss_mib()
    omdome = time_calls("Omdöme `review_draft`", omdome_call, items)
    presidio = time_calls("Presidio `AnalyzerEngine` (patterns)", presidio_call, items)
    meaning = time_calls("Omdöme `review_draft(meaning=True)`", meaning_call, items[:MEANING_DRAFTS], passes=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(next(text for lang, text in items if lang == "sv"), encoding="utf-8")
        cold, codes, crash = cold_start(path)
        print_imports(path)
    if crash:
        print(f"\n`omdome check` crashed:\n{crash}")
    body = report(items, omdome, presidio, meaning, cold_line(cold, codes, bool(crash)), baseline)
    print("\n" + body)
    write_section("review", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
