"""Comment system: how fast the app writes and reads comments, in-process on SQLite (WAL).

Rerun with ``make bench`` or ``uv run python -m bench.bench_comments``. The app runs with
production settings (DEBUG off) on a fresh SQLite file; requests go through Django's test
client, so the figures are the application's own cost (middleware, API, pipeline with the
fast-path triage, ORM, durable commit) without an HTTP server in front.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time

from bench.results import write_section

POSTS, READS, THREAD_SIZE = 300, 300, 50
TEXTS = [
    "Tack för att ni informerar i god tid om vägarbetet!",
    "När öppnar Storgatan igen? Jag behöver veta inför veckans leveranser.",
    "Tredje gången i år som gatan grävs upp, och ingen har informerat oss som bor här.",
    "Bussarna går väl som vanligt på lördag?",
    "Great news, the new library hours will help a lot.",
]


def setup_app(folder: str):  # type: ignore[no-untyped-def]
    os.environ.update({"DJANGO_SETTINGS_MODULE": "omdome.web.settings", "OMDOME_DATA_DIR": folder,
                       "OMDOME_SECRET_KEY": "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz",
                       "OMDOME_DEBUG": "0", "OMDOME_ALLOWED_HOSTS": "testserver",
                       "OMDOME_RATE_IP": "1000000", "OMDOME_RATE_THREAD": "1000000", "OMDOME_RATE_READ": "1000000",
                       "OMDOME_TASK_BACKEND": "django_tasks.backends.dummy.DummyBackend"})
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    from omdome.web.comments.models import Site
    from omdome.web.core.models import Organisation

    Site.objects.create(name="Bench", origins="https://www.sundby.se",
                        organisation=Organisation.objects.get_or_create(name="Bench")[0])
    return Client()


def timed(calls) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def row(name: str, times: list[float]) -> str:
    q = statistics.quantiles(times, n=100)
    return f"| {name} | {len(times) / sum(times):.0f} | {q[49] * 1000:.2f} | {q[94] * 1000:.2f} | {q[98] * 1000:.2f} |"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        client = setup_app(folder)

        def post(i: int, thread: str):  # type: ignore[no-untyped-def]
            body = {"thread": thread, "author": f"Läsare {i}", "text": f"{TEXTS[i % len(TEXTS)]} ({i})",
                    "confirmed": True}
            response = client.post("/api/comments", json.dumps(body), content_type="application/json",
                                   HTTP_ORIGIN="https://www.sundby.se", REMOTE_ADDR=f"192.0.2.{i % 250}")
            assert response.status_code == 201, response.content

        post(0, "https://www.sundby.se/warmup")  # loads the triage model
        writes = timed([lambda i=i: post(i, f"https://www.sundby.se/nyheter/{i % 10}") for i in range(POSTS)])
        for i in range(THREAD_SIZE):
            post(i, "https://www.sundby.se/lang-trad")
        url = "/api/comments?thread=https://www.sundby.se/lang-trad"
        count = client.get(url).json()["count"]
        reads = timed([lambda: client.get(url, REMOTE_ADDR="198.51.100.7") for _ in range(READS)])
    rows = ["| request | per second | p50 ms | p95 ms | p99 ms |", "|---|--:|--:|--:|--:|",
            row(f"POST /api/comments ({POSTS} comments, pipeline with fast-path triage, durable commit)", writes),
            row(f"GET /api/comments (a thread of {count} comments)", reads)]
    text = "\n".join([
        "## Comment system", "",
        "One process, in-process requests (Django's test client), production settings, a fresh SQLite "
        "file in WAL mode with synchronous=FULL; rate limits raised so they do not interfere. "
        "DESIGN.md quotes Isso at about 30 reads/s of a 50-comment thread on this kind of machine.", "",
        *rows,
    ])
    print(text)
    write_section("comments", text)
    print(f"python {sys.version.split()[0]}", file=sys.stderr)


if __name__ == "__main__":
    main()
