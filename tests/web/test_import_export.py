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


def import_site():
    """The site whose pages the example exports come from."""
    return make_site(name="Exempelstad", origins="https://www.example.se\nhttps://blogg.example.se")


def test_a_disqus_export_is_imported_with_threads_replies_and_triage():
    site = import_site()
    result = import_file("disqus", DATA / "disqus-export.xml", site)
    assert (result.imported, result.threads) == (17, 3)
    assert result.skipped == {"spam": 1, "deleted": 1}
    assert any("is not in the file" in p for p in result.problems)
    assert Comment.objects.filter(parent__isnull=False).exists()
    deepest = max(Comment.objects.all(), key=_depth)
    assert _depth(deepest) >= 3
    # The labelling guide: a complaint with an insult stays a complaint (a street dug up three times is
    # followed up); the insult is noted for the moderator.
    insulting = Comment.objects.get(text__contains="totala idioter")
    assert (insulting.category, insulting.action) == ("complaint", "follow_up")
    assert "insult_noted" in {reason["code"] for reason in insulting.triage["reasons"]}
    assert not Comment.objects.filter(html__icontains="<script").exists()
    assert all(c.events.filter(action="imported").exists() for c in Comment.objects.all())


def test_importing_the_same_file_twice_adds_nothing():
    site = import_site()
    import_file("disqus", DATA / "disqus-export.xml", site)
    again = import_file("disqus", DATA / "disqus-export.xml", site)
    assert again.imported == 0 and again.skipped["already imported"] == 17
    assert Comment.objects.count() == 17


def test_a_wordpress_export_is_imported_without_spam_trash_or_pingbacks():
    result = import_file("wordpress", DATA / "wordpress-export.xml", import_site())
    assert (result.imported, result.threads) == (12, 3)
    assert result.skipped == {"spam": 1, "deleted": 1, "pingback": 1}
    # Not approved in WordPress: imported, but a moderator decides.
    assert result.pending == 2 and Comment.objects.filter(status=Status.PENDING).count() == 2
    assert Comment.objects.filter(parent__isnull=False).exists()
    languages = {c.triage["language"] for c in Comment.objects.all()}
    assert {"sv", "nb"} <= languages


def test_imported_comments_keep_their_dates():
    import_file("wordpress", DATA / "wordpress-export.xml", import_site())
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
        import_file(kind, DATA / name, import_site())
    assert words in str(raised.value) and name in str(raised.value)
    assert not Comment.objects.exists() and not Thread.objects.exists()


def test_the_cli_imports_and_exports(tmp_path, monkeypatch, capsys, django_db_blocker):
    from omdome.cli import main

    site = import_site()
    assert main(["import-comments", "disqus", str(DATA / "disqus-export.xml"), "--site", site.name]) == 0
    assert "importerade 17 kommentarer i 3 trådar" in capsys.readouterr().out
    out = tmp_path / "export.json"
    assert main(["export-comments", "--site", str(site.pk), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "omdome-comments/1"
    assert sum(len(t["comments"]) for t in data["threads"]) == 17
    assert data["threads"][0]["comments"][0]["log"][0]["action"] == "imported"


def test_the_cli_says_what_is_wrong_with_a_bad_file_and_exits_2(tmp_path, capsys):
    from omdome.cli import main

    site = import_site()
    broken = tmp_path / "export.xml"
    shutil.copy(DATA / "disqus-billion-laughs.xml", broken)
    assert main(["import-comments", "disqus", str(broken), "--site", site.name]) == 2
    assert "entities" in capsys.readouterr().err
    assert main(["import-comments", "disqus", str(broken), "--site", "Ingen sådan"]) == 2
    assert "ingen webbplats 'Ingen sådan'" in capsys.readouterr().err


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


def _item(source_id, text="Ett svar.", parent=None, created=None, skip=None, url="https://www.sundby.se/a"):
    from datetime import UTC, datetime

    from omdome.web.comments.importers.records import ImportedComment

    return ImportedComment(source_id=source_id, thread_url=url, thread_title="A", author="Lena", email="",
                           text=text, created=datetime(2021, 1, created or 1, tzinfo=UTC) if created else None,
                           parent_id=parent, skip_reason=skip)


def test_replies_find_their_parents_whatever_the_order_and_dates_and_skipped_parents_stay_as_placeholders():
    from omdome.web.comments.importers.records import ImportReport
    from omdome.web.comments.importing import store

    site = make_site()
    report = ImportReport(comments=[
        _item("x:3", "Svar på svaret.", parent="x:2", created=1),     # dated before its parent
        _item("x:2", "Svar.", parent="x:1"),                           # no date at all
        _item("x:1", "Köp billiga klockor här!", skip="spam", created=5),  # spam, but has replies
        _item("x:4", "Svar på något som saknas.", parent="x:99"),
    ], threads=1)
    result = store(report, site)
    assert (result.imported, result.placeholders) == (3, 1)
    spam = Comment.objects.get(imported_from="x:1")
    assert spam.status == Status.HIDDEN and spam.depth == 0
    assert Comment.objects.get(imported_from="x:2").parent == spam
    assert Comment.objects.get(imported_from="x:3").depth == 2
    assert any("x:99" in p for p in result.problems)


def test_an_import_cannot_take_pages_of_another_site():
    from omdome.web.comments.importers.records import ImportReport
    from omdome.web.comments.importing import store

    other = make_site(name="Grannkommunen", origins="https://www.grannkommun.se")
    make_thread(other, "/b")
    result = store(ImportReport(comments=[_item("x:1", url="https://www.other-org.se/sida"),
                                          _item("x:2", url="https://www.grannkommun.se/b")]), make_site())
    assert result.imported == 0 and len(result.problems) == 2
    assert not Comment.objects.exists()
