"""Disqus and WordPress imports (realistic, broken and hostile files), JSON export, Atom feeds."""

from __future__ import annotations

import json
import shutil

import pytest

from omdome.web.comments.importers.records import ImportFileError
from omdome.web.comments.importing import import_file
from omdome.web.comments.models import Comment, Status, Thread
from web.conftest import DATA
from web.factories import make_comment, make_site, make_thread

pytestmark = pytest.mark.django_db


def test_a_disqus_export_is_imported_with_threads_replies_and_triage():
    site = make_site()
    result = import_file("disqus", DATA / "disqus-export.xml", site)
    assert (result.imported, result.threads) == (17, 3)
    assert result.skipped == {"spam": 1, "deleted": 1}
    assert any("is not in the file" in p for p in result.problems)
    assert Comment.objects.filter(parent__isnull=False).exists()
    deepest = max(Comment.objects.all(), key=_depth)
    assert _depth(deepest) >= 3
    assert Comment.objects.filter(status=Status.WITHHELD).exists(), "the insult is held for review"
    assert not Comment.objects.filter(html__icontains="<script").exists()
    assert all(c.events.filter(action="imported").exists() for c in Comment.objects.all())


def test_importing_the_same_file_twice_adds_nothing():
    site = make_site()
    import_file("disqus", DATA / "disqus-export.xml", site)
    again = import_file("disqus", DATA / "disqus-export.xml", site)
    assert again.imported == 0 and again.skipped["already imported"] == 17
    assert Comment.objects.count() == 17


def test_a_wordpress_export_is_imported_without_spam_trash_or_pingbacks():
    result = import_file("wordpress", DATA / "wordpress-export.xml", make_site())
    assert (result.imported, result.threads) == (12, 3)
    assert result.skipped == {"spam": 1, "deleted": 1, "pingback": 1}
    # Not approved in WordPress: imported, but a moderator decides.
    assert result.pending == 2 and Comment.objects.filter(status=Status.PENDING).count() == 2
    assert Comment.objects.filter(parent__isnull=False).exists()
    languages = {c.triage["language"] for c in Comment.objects.all()}
    assert {"sv", "nb"} <= languages


def test_imported_comments_keep_their_dates():
    import_file("wordpress", DATA / "wordpress-export.xml", make_site())
    assert Comment.objects.order_by("created").first().created.year < 2026


@pytest.mark.parametrize(("kind", "name", "words"), [
    ("disqus", "disqus-truncated.xml", "broken XML"),
    ("disqus", "disqus-billion-laughs.xml", "entities"),
    ("disqus", "disqus-wrong-root.xml", "not a Disqus export"),
    ("wordpress", "wordpress-xxe.xml", "entities"),
    ("wordpress", "wordpress-quadratic-blowup.xml", "entities"),
    ("wordpress", "wordpress-not-utf8.xml", "UTF-8"),
    ("wordpress", "empty.xml", "empty"),
    ("wordpress", "disqus-export.xml", "not a WordPress export"),
])
def test_broken_and_hostile_files_are_refused_and_nothing_is_stored(kind, name, words):
    with pytest.raises(ImportFileError) as raised:
        import_file(kind, DATA / name, make_site())
    assert words in str(raised.value) and name in str(raised.value)
    assert not Comment.objects.exists() and not Thread.objects.exists()


def test_the_cli_imports_and_exports(tmp_path, monkeypatch, capsys, django_db_blocker):
    from omdome.cli import main

    site = make_site()
    assert main(["import-comments", "disqus", str(DATA / "disqus-export.xml"), "--site", site.name]) == 0
    assert "imported 17 comments in 3 threads" in capsys.readouterr().out
    out = tmp_path / "export.json"
    assert main(["export-comments", "--site", str(site.pk), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "omdome-comments/1"
    assert sum(len(t["comments"]) for t in data["threads"]) == 17
    assert data["threads"][0]["comments"][0]["log"][0]["action"] == "imported"


def test_the_cli_says_what_is_wrong_with_a_bad_file_and_exits_2(tmp_path, capsys):
    from omdome.cli import main

    site = make_site()
    broken = tmp_path / "export.xml"
    shutil.copy(DATA / "disqus-billion-laughs.xml", broken)
    assert main(["import-comments", "disqus", str(broken), "--site", site.name]) == 2
    assert "entities" in capsys.readouterr().err
    assert main(["import-comments", "disqus", str(broken), "--site", "Ingen sådan"]) == 2
    assert "no site 'Ingen sådan'" in capsys.readouterr().err


def test_atom_feeds_list_published_comments_only(client):
    thread = make_thread()
    make_comment(thread, "Tack för ett tydligt besked!")
    make_comment(thread, "Ni är jävla idioter", confirmed=True)
    feed = client.get(f"/feeds/threads/{thread.pk}.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Tack för ett tydligt besked!" in body and "idioter" not in body
    site_feed = client.get(f"/feeds/sites/{thread.site.pk}.atom").content.decode()
    assert "Tack för ett tydligt besked!" in site_feed


def _depth(comment: Comment) -> int:
    depth = 1
    while comment.parent_id:
        comment, depth = comment.parent, depth + 1
    return depth
