"""The communicator's workspace at scale: 100,000 messages and 5,000 cases on SQLite.

Rerun with ``uv run python -m bench.bench_inbox``. A fresh SQLite file (WAL) with production
settings is seeded directly in bulk (a year of messages from every source, triaged, some handled,
corrected, reported, replied to); then each page is requested through Django's test client as a
signed-in communicator, so the figures are the server's own time per page (middleware, queries,
templates) without an HTTP server in front. Target: p95 ≤ 200 ms for every page.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta

from bench.results import write_section

TEXTS = {
    "praise": ("Tack för att ni lagade gatlyktan så snabbt!", "Great service at the library today."),
    "question": ("Hur ansöker jag om plats i förskolan?", "When does the pool open after the repairs?"),
    "complaint": ("Soporna har inte hämtats på tre veckor.", "Nobody answers the phone at the housing office."),
    "correction": ("Ni skriver fel öppettider på sidan.", "The bus does not stop there any more."),
    "hateful": ("Ni är ett gäng idioter allihop.", "You people are worthless."),
    "troll": ("Haha, som vanligt, kommunen kan inget.", "lol nice try"),
    "spam": ("Köp billiga solglasögon på example.com", "Earn money fast: www.example.net"),
    "neutral": ("Jag läste om vägarbetet i tidningen.", "Saw the article this morning."),
}
ACTION = {"praise": "acknowledge", "question": "answer", "complaint": "follow_up", "correction": "correct",
          "hateful": "no_reply", "troll": "no_reply", "spam": "no_reply", "neutral": "none"}
SOURCES = ("widget", "facebook", "instagram", "mastodon", "email", "api")


def setup(folder: str):  # type: ignore[no-untyped-def]
    os.environ.update({"DJANGO_SETTINGS_MODULE": "omdome.web.settings", "OMDOME_DATA_DIR": folder,
                       "OMDOME_SECRET_KEY": "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz",
                       "OMDOME_DEBUG": "0", "OMDOME_ALLOWED_HOSTS": "testserver",
                       "OMDOME_TASK_BACKEND": "django_tasks.backends.dummy.DummyBackend"})
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed(messages: int, cases: int, seed_value: int = 7) -> dict[str, int]:
    """Bulk rows as the app would have stored them over a year; returns what was made."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from omdome.web.cases.models import Case
    from omdome.web.core.models import Organisation
    from omdome.web.inbox.models import Correction, Handling
    from omdome.web.messages.models import Message, Report
    from omdome.web.people.models import StaffProfile

    rng = random.Random(seed_value)
    organisation = Organisation.objects.create(name="Sundby kommun", sector="public")
    user = get_user_model().objects.create_user("karin", password="bench-only-password", first_name="Karin",
                                                last_name="Ek", email="karin@sundby.se")
    user.groups.add(Group.objects.get_or_create(name="communicator")[0])
    StaffProfile.objects.create(user=user, organisation=organisation, real_name="Karin Ek", role="Kommunikatör",
                                employer="Sundby kommun")
    now = timezone.now()
    categories = list(TEXTS)
    weights = (12, 20, 18, 6, 4, 6, 10, 24)
    rows = []
    for i in range(messages):
        category = rng.choices(categories, weights)[0]
        language = rng.choice(("sv", "sv", "sv", "en", "nb", "da"))
        text = TEXTS[category][0 if language != "en" else 1] + f" ({i})"
        rows.append(Message(
            organisation=organisation, source=rng.choice(SOURCES), author=f"Skribent {i % 20000}",
            author_handle=f"@s{i % 20000}", external_id=f"b{i}", text=text,
            status=rng.choices(("published", "withheld", "hidden"), (90, 7, 3))[0], category=category,
            action=ACTION[category], confidence=round(rng.uniform(0.4, 0.99), 2),
            toxicity=round(rng.uniform(0.6, 0.99) if category == "hateful" else rng.uniform(0, 0.4), 2),
            urgency=rng.choices(("high", "normal", "low"), (3, 60, 37))[0], needs_review=rng.random() < 0.05,
            language=language,
            triage={"language": language, "reasons": [{"code": "model"}],
                    "suggested_reply": "Tack för att du hör av dig!" if category == "question" else ""}))
    with transaction.atomic():
        Message.objects.bulk_create(rows, batch_size=2000)
    ids = list(Message.objects.values_list("pk", flat=True))
    # Spread over a year (auto_now_add set them all to now).
    with transaction.atomic():
        for start in range(0, len(ids), 2000):
            chunk = ids[start:start + 2000]
            for pk in chunk:
                Message.objects.filter(pk=pk).update(created=now - timedelta(minutes=rng.randrange(365 * 24 * 60)))
    with transaction.atomic():
        handled, reported = rng.sample(ids, len(ids) * 3 // 10), rng.sample(ids, len(ids) // 200)
        Handling.objects.bulk_create([Handling(message_id=pk, by=user) for pk in handled], batch_size=2000)
        Correction.objects.bulk_create([Correction(message_id=pk, organisation=organisation, before="complaint",
                                                   after="question", by=user)
                                        for pk in rng.sample(ids, len(ids) // 100)], batch_size=2000)
        Report.objects.bulk_create([Report(message_id=pk, reason="hate") for pk in reported], batch_size=2000)
        # What inbox.services and messages.reports set with those records.
        for chunk in range(0, len(handled), 2000):
            Message.objects.filter(pk__in=handled[chunk:chunk + 2000]).update(handled=True)
        Message.objects.filter(pk__in=reported).update(reported=True)
        complaints = list(Message.objects.filter(category="complaint").values_list("pk", "created")[:cases])
        made = Case.objects.bulk_create([Case(
            organisation=organisation, title=f"Ärende {n}", status=rng.choices(("open", "waiting", "closed"),
                                                                               (30, 10, 60))[0],
            opened_at=created, active_since=created, due_at=created + timedelta(days=2),
            closed_at=created + timedelta(days=1), conversation=f"facebook:{pk}", writer=f"@s{n}",
            owner=user if n % 3 == 0 else None) for n, (pk, created) in enumerate(complaints)], batch_size=2000)
        links = Case.messages.through
        links.objects.bulk_create([links(case_id=case.pk, message_id=pk)
                                   for case, (pk, _created) in zip(made, complaints, strict=True)], batch_size=2000)
    return {"messages": len(ids), "cases": len(made)}


PAGES = [
    ("inbox, needs review", "/inbox/?queue=review"),
    ("inbox, follow up", "/inbox/?queue=follow_up"),
    ("inbox, answer, page 5", "/inbox/?queue=answer&page=5"),
    ("inbox, done", "/inbox/?queue=done"),
    ("inbox, filtered: Facebook, complaints, urgent", "/inbox/?queue=follow_up&source=facebook&category=complaint"
                                                       "&urgency=high"),
    ("inbox, filtered: English", "/inbox/?queue=answer&language=en"),
    ("inbox, filtered: a month, newest first", "/inbox/?queue=done&since={month_ago}&sort=newest"),
    ("inbox, new since the page was loaded (polled)", "/inbox/arrived/?queue=review&after={recent}"),
    ("cases, open", "/cases/"),
    ("cases, overdue", "/cases/?show=overdue"),
    ("cases, closed", "/cases/?show=closed"),
    ("dashboard, 12 weeks", "/dashboard/?weeks=12"),
    ("dashboard, 26 weeks, counted afresh", "/dashboard/?weeks=26"),
    ("dashboard, 52 weeks, counted afresh", "/dashboard/?weeks=52"),
    ("dashboard, 52 weeks, as served (counted by the worker every 10 minutes)", "/dashboard/?weeks=52"),
]


def measure(repeat: int) -> list[tuple[str, float, float, float]]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="karin"))
    from django.utils import timezone

    from omdome.web.messages.models import Message
    from omdome.web.reports.models import Snapshot

    values = {"month_ago": (timezone.localdate() - timedelta(days=30)).isoformat(),
              "recent": Message.objects.order_by("-pk").values_list("pk", flat=True)[50]}
    results = []
    for name, template in PAGES:
        path = template.format(**values)
        assert client.get(path).status_code == 200, path  # warm: templates, the first query plans
        times = []
        for _ in range(repeat):
            if "afresh" in name:
                Snapshot.objects.all().delete()
            start = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        results.append((name, statistics.median(times), p95, max(times)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md as it is")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-inbox-")
    setup(folder)
    start = time.perf_counter()
    made = seed(args.messages, args.cases)
    seeded = time.perf_counter() - start
    print(f"seeded {made} in {seeded:.0f} s", file=sys.stderr)
    results = measure(args.repeat)
    lines = [
        "## The communicator's workspace at scale",
        "",
        f"{made['messages']:,} messages (a year, six sources, four languages; 30 % handled, 1 % corrected, "
        f"0.5 % reported by readers) and {made['cases']:,} cases, seeded in bulk into a fresh SQLite file (WAL) with "
        f"production settings; each page requested {args.repeat} times after one warm-up through Django's test "
        "client as a signed-in communicator: the server's own time per page. Target: p95 ≤ 200 ms. See "
        "`bench/bench_inbox.py`. The worker counts the dashboard's periods of 26 weeks and more every ten "
        "minutes and the page draws the last count (saying when): \"counted afresh\" deletes the counts before "
        "each request, so the page counts itself, as it does when the worker is not running; \"as served\" is "
        "the page as visitors get it.",
        "",
        "| page | p50 ms | p95 ms | max ms | target |",
        "|---|--:|--:|--:|---|",
    ]
    for name, p50, p95, worst in results:
        lines.append(f"| {name} | {p50:.0f} | {p95:.0f} | {worst:.0f} | {'✅' if p95 <= 200 else '❌'} |")
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section("inbox", text)


if __name__ == "__main__":
    main()
