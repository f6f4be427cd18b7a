"""The Perspective-compatible endpoint over HTTP: requests a second, p50 and p99.

Rerun with ``uv run --frozen python -m bench.bench_analyze`` (about two minutes; ``--quick`` for a
short smoke run that prints its figures without writing them to RESULTS.md).

How it is measured:

* Omdöme runs as in production: ``omdome serve`` on a fresh OMDOME_DATA_DIR, DEBUG off, two
  gunicorn workers and the background worker beside them. An organisation and an analysis key are
  made with ``omdome manage shell`` (as an administrator would on /analysis-keys/), the key's limit
  raised so that it measures nothing here.
* wrk (Debian's package) sends ``POST /v1alpha1/comments:analyze?key=…`` as Coral does: one
  comment, ``requestedAttributes: {"TOXICITY": {}}``, ``languages: ["sv"]``, ``doNotStore: true``.
  Each request carries one of 3,000 different comments of about 150 characters, made from sentence
  parts in Swedish, Norwegian, Danish and English, polite and rude.
* The machine must be idle first (as for bench_isso); wrk and the server share its two cores, so
  the figures are what one such machine serves with the load generator on it. Three runs of
  20 s after a warm-up; the table gives each run and the median.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.bench_isso import (
    ROOT,
    ensure_wrk,
    free_port,
    machine_description,
    omdome_env,
    start_group,
    stop_group,
    tail,
    wait_ready,
    wait_until_idle,
)
from bench.results import write_section

ISSUE_KEY = """
from omdome.web.analysis import services
from omdome.web.core.models import Organisation
organisation = Organisation.objects.create(name="Sundby kommun", sector="public", domains="sundby.se")
_key, secret = services.issue_key(by=None, organisation=organisation, name="bench", per_minute=100000)
print("SECRET", secret)
from omdome.web.integrations import services as integrations
coral, _ = integrations.connect(by=None, organisation=organisation, kind="coral", name="Coral", secret=CORAL_SECRET)
print("CORAL", coral.token)
"""
CORAL_SECRET = "bench-coral-signing-secret-0123456789"

OPENINGS = ["Tack för att ni plogade gatan så tidigt i morse,", "Varför har ingen tömt soptunnorna på Ekvägen,",
            "Ni på kommunen är ena jävla idioter,", "Bussen kom inte i morse heller och",
            "Takk for at dere ryddet stien langs elva,", "Hvorfor er biblioteket stengt hele uka,",
            "Tak for den fine nye legeplads ved skolen,", "Hvorfor svarer ingen på mine mails om byggetilladelse,",
            "Thank you for fixing the streetlights on our road,", "You people are absolute clowns and",
            "Jag vet var du bor och", "Köp billiga solglasögon på www.sunnyshades.xyz,"]
MIDDLES = ["det har varit så i flera veckor nu", "det betyder mycket för oss som bor här",
           "ingen har hört av sig trots tre samtal", "det er helt uakseptabelt for oss som betaler skatt",
           "det gør en stor forskel for børnene", "nobody has answered my emails in three weeks",
           "it makes a real difference for the whole neighbourhood", "ni borde skämmas över hur ni sköter det"]
CLOSINGS = ["tack på förhand!", "hälsningar från en trött invånare.", "vennlig hilsen nabo.", "mvh en borger.",
            "kind regards from a neighbour.", "akta dig.", "klicka här nu!", "hoppas ni gör något åt det snart."]


def comments(n: int, seed: int = 7) -> list[str]:
    """``n`` different comments of about 150 characters."""
    rng = random.Random(seed)
    made: set[str] = set()
    while len(made) < n:
        text = f"{rng.choice(OPENINGS)} {rng.choice(MIDDLES)}, {rng.choice(MIDDLES)}; {rng.choice(CLOSINGS)}"
        made.add(text[:150])
    return sorted(made)


LUA = """
local bodies = {%s}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  return wrk.format(nil, "%s", nil, bodies[(i %% #bodies) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH_JSON {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"p50_us\\": %%d, " ..
    "\\"p99_us\\": %%d, \\"non2xx\\": %%d, \\"socket_errors\\": %%d}\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


@dataclass
class Run:
    per_second: float
    p50_ms: float
    p99_ms: float
    failures: int


def lua_script(folder: Path, path: str, texts: list[str]) -> Path:
    bodies = ", ".join("[==[" + json.dumps({"comment": {"text": t}, "languages": ["sv"], "doNotStore": True,
                                             "requestedAttributes": {"TOXICITY": {}}}, ensure_ascii=False) + "]==]"
                       for t in texts)
    script = folder / "analyze.lua"
    script.write_text(LUA % (bodies, path), encoding="utf-8")
    return script


def run_wrk(base: str, script: Path, seconds: int, connections: int) -> Run:
    output = subprocess.run([ensure_wrk(), "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
                             "-s", str(script), base], capture_output=True, text=True, check=True,
                            timeout=seconds + 60).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    data = json.loads(line.removeprefix("BENCH_JSON "))
    failures = data["non2xx"] + data["socket_errors"]
    return Run((data["requests"] - data["non2xx"]) / (data["duration_us"] / 1e6), data["p50_us"] / 1000,
               data["p99_us"] / 1000, failures)


def coral_latencies(base: str, token: str, texts: list[str]) -> list[float]:
    """Coral's external moderation phase, as Coral calls it: one signed request per new comment, one
    at a time, each kept in the inbox. Milliseconds per answer."""
    host, port = base.removeprefix("http://").split(":")
    took = []
    for n, text in enumerate(texts):
        body = json.dumps({"action": "NEW", "comment": {"body": f"<p>{text}</p>", "parentID": None},
                           "author": {"id": f"reader-{n}", "role": "COMMENTER"},
                           "story": {"id": "story-1", "url": "https://news.example/story-1"},
                           "site": {"id": "site-1"}, "tenantID": "tenant-1", "tenantDomain": "news.example"}).encode()
        signature = "sha256=" + hmac.new(CORAL_SECRET.encode(), body, hashlib.sha256).hexdigest()
        started = time.perf_counter()
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("POST", f"/hooks/coral/{token}/", body=body,
                           headers={"Content-Type": "application/json", "X-Coral-Signature": signature})
        answer = connection.getresponse()
        answer.read()
        connection.close()
        if answer.status not in (200, 204):
            raise RuntimeError(f"Coral's request got {answer.status}")
        took.append((time.perf_counter() - started) * 1000)
    return took


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one short run, nothing written")
    parser.add_argument("--force", action="store_true", help="measure even if the machine is busy")
    parser.add_argument("--connections", type=int, default=16)
    return parser.parse_args()


def main() -> None:
    args = arguments()
    wait_until_idle(60, refuse=not args.force)
    rounds, seconds = (1, 5) if args.quick else (3, 20)
    with tempfile.TemporaryDirectory(prefix="bench-analyze-") as tmp:
        folder = Path(tmp)
        env = omdome_env(folder / "data")
        omdome = [sys.executable, "-m", "omdome"]
        subprocess.run([*omdome, "manage", "migrate", "--verbosity", "0"], env=env, cwd=ROOT, check=True)
        made = subprocess.run([*omdome, "manage", "shell", "-c",
                               ISSUE_KEY.replace("CORAL_SECRET", repr(CORAL_SECRET))], env=env, cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout
        secret = next(line.split()[1] for line in made.splitlines() if line.startswith("SECRET "))
        coral = next(line.split()[1] for line in made.splitlines() if line.startswith("CORAL "))
        port, log = free_port(), folder / "omdome.log"
        base = f"http://127.0.0.1:{port}"
        server = start_group([*omdome, "serve", f"127.0.0.1:{port}"], env, log)
        try:
            wait_ready(base, "/healthz", server, log)
            texts = comments(3000)
            script = lua_script(folder, f"/v1alpha1/comments:analyze?key={secret}", texts)
            run_wrk(base, script, 3, args.connections)  # warm-up: every worker has loaded the model
            runs = [run_wrk(base, script, seconds, args.connections) for _ in range(rounds)]
            coral_ms = sorted(coral_latencies(base, coral, texts[:50 if args.quick else 500]))
        finally:
            stop_group(server)
        problems = [line for line in log.read_text(errors="replace").splitlines() if "Traceback" in line]
        if problems:
            print(tail(log), file=sys.stderr)
    median = sorted(runs, key=lambda r: r.per_second)[len(runs) // 2]
    lines = ["## Perspective-compatible analysis over HTTP (bench_analyze)", "",
             f"`POST /v1alpha1/comments:analyze` with TOXICITY requested, `doNotStore: true`, 3,000 different "
             f"comments of about 150 characters (sv, nb, da, en; polite and rude); `omdome serve` with 2 gunicorn "
             f"workers and the task worker, wrk with 2 threads and {args.connections} connections on the same "
             f"machine, {len(runs)} runs of {seconds} s after a warm-up. Target: ≥ 500 requests/s, p99 ≤ 50 ms.",
             "", "| run | requests/s | p50 ms | p99 ms | failed |", "|--|--:|--:|--:|--:|"]
    lines += [f"| {i} | {r.per_second:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | {r.failures} |"
              for i, r in enumerate(runs, 1)]
    verdict = "meets" if median.per_second >= 500 and median.p99_ms <= 50 else "misses"
    lines += ["", f"Median: **{median.per_second:,.0f} requests/s, p50 {median.p50_ms:.1f} ms, p99 "
                  f"{median.p99_ms:.1f} ms** ({verdict} the target). Server log tracebacks: {len(problems)}.",
              "", f"Coral's external moderation phase (one signed request at a time, as Coral sends them, each "
                  f"comment kept in the inbox; {len(coral_ms)} comments): p50 {coral_ms[len(coral_ms) // 2]:.1f} ms, "
                  f"p99 {coral_ms[int(len(coral_ms) * 0.99) - 1]:.1f} ms, slowest {coral_ms[-1]:.1f} ms. Coral skips "
                  "a phase that does not answer within the timeout set for it.",
              "", f"Machine: {machine_description()}."]
    body = "\n".join(lines)
    print(body)
    if not args.quick:
        write_section("analyze", body)


if __name__ == "__main__":
    main()
