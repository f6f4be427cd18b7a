"""The comment service stays up and loses nothing: a large import on a live site, and power cuts."""

from __future__ import annotations

import random
import threading
import time

import pytest

from load.conftest import SITE
from web.factories import due_texts

pytestmark = pytest.mark.slow

# A question, a correction or a complaint? The fast path is unsure, so each waits for a re-score.


def disqus_export(path, comments: int, threads: int = 200) -> None:
    words = "bra vägarbete skolan biblioteket bussen parkeringen tack fråga varför när hur kommunen".split()
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                  'xmlns:dsq="http://disqus.com/disqus-internals">\n')
        for t in range(threads):
            out.write(f'<thread dsq:id="t{t}"><link>https://www.example.se/arkiv/{t}/</link>'
                      f"<title>Arkiv {t}</title></thread>\n")
        for n in range(comments):
            parent = f'<parent dsq:id="p{n - threads}"/>' if n >= threads and n % 3 == 0 else ""
            text = " ".join(rng.choice(words) for _ in range(10)).capitalize()
            out.write(f'<post dsq:id="p{n}"><message>&lt;p&gt;{text} ({n}).&lt;/p&gt;</message>'
                      f"<createdAt>2024-03-01T10:00:00Z</createdAt><author><name>Läsare {n % 997}</name></author>"
                      f'<thread dsq:id="t{n % threads}"/>{parent}</post>\n')
        out.write("</disqus>\n")


def test_a_large_import_on_a_live_site_fails_no_request_and_stores_each_comment_once(service, tmp_path):
    export = tmp_path / "disqus.xml"
    disqus_export(export, 20_000)
    service.start()
    importing = threading.Thread(target=lambda: results.append(service.omdome(
        "import-comments", "--site", SITE, "disqus", str(export), timeout=1200)))
    results: list = []
    failures: list[str] = []
    posted: list[int] = []
    reads = 0

    def writer(n: int) -> None:
        while importing.is_alive():
            status, body = service.post("/nyheter/live", f"Tack för informationen om vägarbetet, hälsning {n}-"
                                                          f"{len(posted)}.")
            if status == 201:
                posted.append(body["id"])
            else:
                failures.append(f"POST {status} {body}")
            time.sleep(0.05)

    def reader() -> None:
        nonlocal reads
        while importing.is_alive():
            status, _body = service.request("GET", "/api/comments?thread=https://www.example.se/nyheter/live")
            reads += 1
            if status != 200:
                failures.append(f"GET {status}")
            time.sleep(0.02)

    clients = [threading.Thread(target=writer, args=(n,)) for n in range(2)] + [threading.Thread(target=reader)]
    importing.start()
    for client in clients:
        client.start()
    importing.join()
    for client in clients:
        client.join()
    assert results[0].returncode == 0, results[0].stderr[-2000:]
    assert failures == [] and len(posted) > 50 and reads > 100
    assert service.healthy() and service.process.poll() is None
    assert service.query("SELECT COUNT(*), COUNT(DISTINCT imported_from) FROM comments_comment "
                         "WHERE imported_from != ''") == [(20_000, 20_000)]
    stored = {pk for (pk,) in service.query("SELECT message_ptr_id FROM comments_comment WHERE imported_from = ''")}
    assert stored == set(posted)


def test_every_acknowledged_comment_survives_ten_power_cuts_and_every_due_rescore_is_done(service):
    rng = random.Random(11)
    unsure = due_texts()  # comments the fuller model could withhold: each is due a re-score
    acknowledged: list[int] = []

    def stream(round_: int, stop: threading.Event) -> None:
        """A bounded stream of posts, each with its own key, until the power goes."""
        n = 0
        while not stop.is_set() and n < 60:
            status, body = service.post(f"/nyheter/{n % 5}", rng.choice(unsure), key=f"round-{round_}-{n}")
            if status == 201:
                acknowledged.append(body["id"])
            n += 1

    for round_ in range(10):
        service.start()
        cut_after = rng.uniform(1.5, 4.0)
        stop = threading.Event()
        posting = threading.Thread(target=stream, args=(round_, stop))
        posting.start()
        time.sleep(cut_after)
        service.kill()
        stop.set()
        posting.join()
    service.start()  # after the last cut, the worker finishes what was due
    deadline = time.monotonic() + 300
    while service.query("SELECT COUNT(*) FROM comments_comment WHERE rescore_due OR followup_due")[0][0]:
        assert time.monotonic() < deadline, "the re-score or follow-up backlog did not drain"
        time.sleep(1)
    assert len(acknowledged) > 50 and len(set(acknowledged)) == len(acknowledged)
    rows = dict(service.query("SELECT message_ptr_id, COUNT(*) FROM comments_comment GROUP BY message_ptr_id"))
    assert all(rows.get(pk) == 1 for pk in acknowledged)
    # Every stored comment was followed up exactly once: one audit entry of its creation.
    audited = dict(service.query("SELECT target_id, COUNT(*) FROM core_auditentry "
                                 "WHERE action = 'comment.created' GROUP BY target_id"))
    assert all(audited.get(str(pk)) == 1 for pk in rows), {pk: audited.get(str(pk)) for pk in rows}
    # Every comment was due a re-score, and every one has the fuller model's result.
    never_rescored = service.query(
        "SELECT m.id, m.text FROM messaging_message m JOIN comments_comment c ON c.message_ptr_id = m.id "
        "WHERE json_extract(m.triage, '$.rescored') IS NULL")
    assert never_rescored == []


def test_serve_starts_a_worker_that_died_again_and_keeps_serving(service):
    import os
    import signal
    import subprocess

    service.start()

    def worker_pids() -> set[int]:
        found = subprocess.run(["pgrep", "-g", str(service.process.pid), "-f", "omdome worker$"],
                               capture_output=True, text=True)
        return {int(pid) for pid in found.stdout.split()}

    # On a busy machine the worker may appear a moment after the web server answers.
    deadline = time.monotonic() + 30
    while not (first := worker_pids()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(first) == 1, service.log()
    # It runs only on what the web server leaves of the CPU.
    assert os.sched_getscheduler(next(iter(first))) == os.SCHED_IDLE
    killed = first.pop()
    os.kill(killed, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while not (worker_pids() - {killed}) and time.monotonic() < deadline:
        assert service.process.poll() is None, service.log()
        assert service.healthy(), service.log()
        time.sleep(0.5)
    assert worker_pids() - {killed}, service.log()
    assert service.process.poll() is None and service.healthy(), service.log()
