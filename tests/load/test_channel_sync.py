"""A channel's sync under kill -9: the task worker is killed again and again while it fetches and
stores 600 Mastodon mentions; after restarts every mention is in the inbox exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from web.replay import Replay

pytestmark = pytest.mark.slow

MENTIONS = 600
PAGE = 40


def mastodon_pages() -> list[dict]:
    """600 mentions, served newest first 40 at a time from each ``min_id`` on, as Mastodon pages them;
    each page takes a moment, so that kills land while fetching as well as while storing."""
    ids = [str(40_000_000 + n) for n in range(1, MENTIONS + 1)]
    texts = ["Gatlyktan på Ekvägen {n} är trasig sedan tre veckor.", "Tack för att ni plogade gata {n} så tidigt!",
             "När öppnar simhallen efter renoveringen, undrar nummer {n}?"]
    notifications = [{"id": i, "type": "mention", "created_at": "2026-12-03T09:00:00.000Z",
                      "account": {"id": f"a{n}", "acct": f"person{n}@social.example", "display_name": f"Person {n}"},
                      "status": {"id": f"9{i}", "created_at": "2026-12-03T09:00:00.000Z", "visibility": "public",
                                 "in_reply_to_id": None, "url": f"https://social.example/@p/{i}",
                                 "content": f"<p>@sundbykommun {texts[n % 3].format(n=n)}</p>"}}
                     for n, i in enumerate(ids)]
    exchanges = []
    for start in range(0, MENTIONS + 1, PAGE):
        after = notifications[start:start + PAGE]
        wanted = {"types[]": "mention"}
        if start:
            wanted["min_id"] = ids[start - 1]
        exchanges.append({"method": "GET", "path": "/api/v1/notifications", "params": wanted,
                          **({} if start else {"absent": ["min_id"]}), "delay": 0.2,
                          "response": list(reversed(after))})
    return exchanges


def test_killing_the_worker_during_syncs_loses_and_duplicates_nothing(service):
    replay = Replay(exchanges=mastodon_pages())
    try:
        made = service.omdome("manage", "shell", "-c", (
            "from omdome.web.channels import services; from omdome.web.core.models import Organisation; "
            "c = services.add_channel(by=None, organisation=Organisation.objects.get(), platform='mastodon', "
            f"name='Mastodon', values={{'instance': '{replay.url}', 'access_token': 't'}}); print('CHANNEL', c.pk)"))
        assert made.returncode == 0, made.stderr
        channel = made.stdout.split("CHANNEL")[1].split()[0]
        enqueue = ("from omdome.web.channels.tasks import sync_channel; "
                   f"sync_channel.enqueue({channel})")
        stored_between = []
        # Kill while it fetches (after 2 of a sync's 5 pages), and while it stores what it fetched
        # (a moment after the 5th page: triage and storing 200 mentions take longer than that).
        for pages, then in ((2, 0.05), (5, 0.3), (5, 0.8), (5, 0.3)):
            assert service.omdome("manage", "shell", "-c", enqueue).returncode == 0
            asked = len(replay.requests)
            worker = subprocess.Popen([sys.executable, "-m", "omdome", "worker", "--batch"], env=service.env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            deadline = time.monotonic() + 60
            while len(replay.requests) - asked < pages and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(then)
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
            stored_between.append(service.query("SELECT COUNT(*) FROM channels_channelitem")[0][0])
        for _round in range(6):  # restarted and left alone: it catches up
            cursor = service.query("SELECT cursor FROM channels_channel")[0][0]
            if cursor == str(40_000_000 + MENTIONS):
                break
            assert service.omdome("manage", "shell", "-c", enqueue).returncode == 0
            done = service.omdome("worker", "--batch")
            assert done.returncode == 0, done.stderr[-2000:]
        ids = [row[0] for row in service.query("SELECT external_id FROM messaging_message WHERE source = 'mastodon'")]
        assert len(ids) == MENTIONS and len(set(ids)) == MENTIONS, stored_between
        assert service.query("SELECT COUNT(*) FROM channels_channelitem")[0][0] == MENTIONS
        assert service.query("SELECT cursor FROM channels_channel")[0][0] == str(40_000_000 + MENTIONS)
        # Killed while fetching or storing, nothing was stored: no half batch, and the cursor stayed.
        assert stored_between == [0, 0, 0, 0], stored_between
    finally:
        replay.close()
