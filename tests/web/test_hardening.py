"""Faults an attack on the running comment service found, each pinned by the request that showed it."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from omdome.web.comments import services
from omdome.web.comments.importers.records import ImportFileError
from omdome.web.comments.importing import import_file
from omdome.web.comments.models import Comment, Status, Thread
from omdome.web.core import ratelimit
from omdome.web.core.errors import ServiceError
from omdome.web.core.models import AuditEntry
from web.factories import HOST, make_comment, make_site, make_thread, make_user

pytestmark = pytest.mark.django_db
PAGE = f"{HOST}/nyheter/vagarbete"


def post(client, *, ip: str = "192.0.2.10", headers: dict | None = None, **body):
    data = {"thread": PAGE, "text": "Tack för informationen!", "author": "Lena"} | body
    return client.post("/api/comments", json.dumps(data), content_type="application/json", HTTP_ORIGIN=HOST,
                       REMOTE_ADDR=ip, headers=headers or {})


# 2. Control characters and lengths, in every stored field, whatever the database.

@pytest.mark.parametrize(("body", "field"), [
    ({"title": "Vägarbete\u000bStorgatan"}, "title"),
    ({"thread": f"{HOST}/nyheter/\x01vagarbete"}, "thread"),
    ({"thread": f"{HOST}/nyheter/\x00"}, "thread"),
    ({"title": "Vägarbete\x00"}, "title"),
    ({"author": "Lena\x00"}, "author"),
    ({"text": "Hej\ud800"}, "text"),
    # 900 "å" are 900 characters, but 5,400 once the query is percent-encoded.
    ({"thread": f"{HOST}/sok?q={'å' * 900}"}, "thread"),
])
def test_control_characters_and_lengths_after_normalising_are_refused_with_400(client, body, field):
    make_site()
    response = post(client, **body)
    assert response.status_code == 400, response.content
    assert response.json()["field"] == field and not Comment.objects.exists() and not Thread.objects.exists()


def test_a_nul_in_the_thread_of_a_read_is_a_clear_400(client):
    make_site()
    response = client.get("/api/comments", {"thread": f"{PAGE}\x00"})
    assert response.status_code == 400 and response.json()["field"] == "thread"


def test_a_text_is_measured_as_it_is_stored():
    decomposed = "a\u030a" * 5000  # "å" as a letter and a ring: 10,000 code points, 5,000 once composed
    comment = make_comment(make_thread(), decomposed).comment
    assert comment.text == "å" * 5000


def test_feeds_survive_a_control_character_stored_before_it_was_refused(client):
    thread = make_thread()
    make_comment(thread, "Tack!")
    Thread.objects.filter(pk=thread.pk).update(title="Vägarbete\u000b\x01Storgatan")
    for url in (f"/feeds/threads/{thread.pk}.atom", f"/feeds/sites/{thread.site_id}.atom"):
        response = client.get(url)
        assert response.status_code == 200
        assert "VägarbeteStorgatan" in ET.fromstring(response.content).find("{*}entry/{*}title").text


def test_the_admin_refuses_a_title_with_control_characters(admin_client):
    thread = make_thread()
    response = admin_client.post(f"/admin/comments/thread/{thread.pk}/change/",
                                 {"site": thread.site_id, "title": "Ny\x07titel"})
    assert response.status_code == 200 and "styrtecken" in response.content.decode()
    thread.refresh_from_db()
    assert thread.title == "Vägarbete"


# 3. Refused requests count only toward a per-address limit, never toward the page's.

def test_empty_posts_from_many_addresses_cannot_silence_a_page(client, settings):
    settings.OMDOME_RATE_LIMITS = {"thread": (30, 60), "attempt": (5, 60), "ip": (5, 60)}
    make_site()
    for address in range(7):
        for _attempt in range(5):
            assert post(client, ip=f"198.51.100.{address}", text="").status_code == 400
    assert post(client, ip="198.51.100.7", text="").status_code == 400
    assert post(client, ip="198.51.100.0", text="").status_code == 429  # the address's own limit
    assert post(client, ip="203.0.113.9").status_code == 201  # and the page still takes comments


# 4. Nobody writes as staff, as the organisation or with the verified badge.

@pytest.mark.parametrize("name", [
    "Karin Ek", "karin  EK", "Кarin Еk",  # the staff member; Cyrillic К and Е
    "\u202eKE niraK", "Kar\u200bin Ek",  # a right-to-left override; zero-width padding
    "Sundby kommun ✔", "Sundby kommun", "Ѕundby Kommun informerar",  # the organisation
    "✓ Verifierad medarbetare: Karin Ek", "Verifierad medarbetare", "Verified staff",  # the badge
])
def test_a_reader_cannot_take_a_name_that_passes_for_staff_or_the_organisation(client, name):
    make_user("karin", "communicator", real_name="Karin Ek", employer="Sundby kommun")
    make_site(organisation=make_user("anna", real_name="Anna Berg").staff_profile.organisation)
    response = post(client, author=name)
    assert response.status_code == 400 and response.json()["field"] == "author", name
    assert response.json()["code"] == "name_not_allowed"


def test_ordinary_names_pass_even_near_a_staff_name(client):
    make_user("karin", "communicator", real_name="Karin Ek", employer="Sundby kommun")
    make_site()
    for name in ("Karin", "Karin Ekström", "Åsa Öberg", "Kommunmedborgare"):
        assert post(client, author=name, text=f"Tack från {name}!").status_code == 201, name


# 5. A moderator's decision applies to the text they read.

def test_an_edit_after_the_moderator_read_it_keeps_the_comment_in_the_queue():
    moderator = make_user("mia", "communicator", real_name="Mia Holm")
    posted = make_comment(make_thread(make_site(premoderation=True)), "Vad kostar bygget?")
    read = Comment.objects.get(pk=posted.comment.pk)
    assert read.status == Status.PENDING
    services.edit_comment(comment_id=read.pk, token=posted.edit_token,
                          text="Köp billiga klockor på https://spam.example")
    with pytest.raises(services.ChangedSinceRead):
        services.moderate(comment=read, actor=moderator, to_status=Status.PUBLISHED, revision=read.revision)
    assert Comment.objects.get(pk=read.pk).status == Status.PENDING


def test_the_admin_publishes_only_the_revision_on_the_moderators_screen(admin_client):
    posted = make_comment(make_thread(make_site(premoderation=True)), "Vad kostar bygget?")
    page = admin_client.get("/admin/comments/comment/").content.decode()
    assert f'name="revision-{posted.comment.pk}" value="1"' in page
    services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token, text="Köp klockor billigt!")
    admin_client.post("/admin/comments/comment/", {"action": "set_published",
                                                   "_selected_action": [posted.comment.pk],
                                                   f"revision-{posted.comment.pk}": "1"})
    assert Comment.objects.get(pk=posted.comment.pk).status == Status.PENDING
    admin_client.post("/admin/comments/comment/", {"action": "set_published",
                                                   "_selected_action": [posted.comment.pk],
                                                   f"revision-{posted.comment.pk}": "2"})
    assert Comment.objects.get(pk=posted.comment.pk).status == Status.PUBLISHED


# 7. Imports are keyed by their source and the id there.

def wxr(blog: str, page: str, comments: list[tuple[int, str]]) -> str:
    items = "".join(
        f"<wp:comment><wp:comment_id>{number}</wp:comment_id><wp:comment_author>Läsare {number}</wp:comment_author>"
        f"<wp:comment_content>{text}</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_parent>0</wp:comment_parent><wp:comment_date_gmt>2024-03-01 10:00:00</wp:comment_date_gmt>"
        f"</wp:comment>" for number, text in comments)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">'
            f"<channel><title>Blogg</title><link>{blog}</link><wp:wxr_version>1.2</wp:wxr_version>"
            f"<wp:base_blog_url>{blog}</wp:base_blog_url><item><title>Inlägg</title><link>{page}</link>{items}"
            f"</item></channel></rss>")


def test_a_second_wordpress_blog_with_the_same_comment_ids_is_imported_too(tmp_path):
    site = make_site(name="Exempelstad", origins="https://www.example.se\nhttps://blogg.example.se")
    (tmp_path / "a.xml").write_text(wxr("https://blogg.example.se", "https://blogg.example.se/a/",
                                        [(1, "Första i A"), (2, "Andra i A")]), encoding="utf-8")
    (tmp_path / "b.xml").write_text(wxr("https://www.example.se/nyheter", "https://www.example.se/nyheter/b/",
                                        [(1, "Första i B"), (2, "Andra i B")]), encoding="utf-8")
    assert import_file("wordpress", tmp_path / "a.xml", site).imported == 2
    assert import_file("wordpress", tmp_path / "b.xml", site).imported == 2
    assert import_file("wordpress", tmp_path / "a.xml", site).imported == 0
    assert sorted(Comment.objects.values_list("text", flat=True)) == ["Andra i A", "Andra i B", "Första i A",
                                                                      "Första i B"]


def test_disqus_posts_without_an_id_are_told_apart_and_found_again(tmp_path):
    site = make_site(name="Exempelstad", origins="https://www.example.se")
    posts = "".join(f'<post><message>{text}</message><createdAt>2024-03-0{n}T10:00:00Z</createdAt>'
                    f'<author><name>Läsare</name></author><thread dsq:id="t1"/></post>'
                    for n, text in ((1, "En"), (2, "Två")))
    (tmp_path / "d.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><disqus xmlns="http://disqus.com" '
        'xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="t1"><link>https://www.example.se/a/</link>'
        f"<title>A</title></thread>{posts}</disqus>", encoding="utf-8")
    assert import_file("disqus", tmp_path / "d.xml", site).imported == 2
    assert import_file("disqus", tmp_path / "d.xml", site).imported == 0


# 9. Contact details only for those who need them, and every showing logged.

def test_staff_who_reply_see_no_contact_details_and_an_admin_viewing_them_is_logged(client):
    comment = make_comment(make_thread(), email="lena@example.se", ip="192.0.2.44").comment
    replier = make_user("karin", "communicator")
    replier.is_staff = True
    replier.save()
    client.force_login(replier)
    page = client.get(f"/admin/comments/comment/{comment.pk}/change/").content.decode()
    assert "lena@example.se" not in page and "192.0.2.44" not in page
    found = client.get("/admin/comments/comment/", {"q": "lena@example.se"}).content.decode()
    assert f"/admin/comments/comment/{comment.pk}/change/" not in found
    assert not AuditEntry.objects.filter(action="comment.contact_details_viewed").exists()
    admin = make_user("anna", "admin", real_name="Anna Berg")
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    page = client.get(f"/admin/comments/comment/{comment.pk}/change/").content.decode()
    assert "lena@example.se" in page and "192.0.2.44" in page
    entry = AuditEntry.objects.get(action="comment.contact_details_viewed")
    assert entry.actor_id == admin.pk


# 10. A forwarded address that is not an address leaves the connection's.

def test_a_garbage_forwarded_for_is_counted_under_the_connections_address(client, settings):
    settings.OMDOME_TRUSTED_PROXIES = 1
    settings.OMDOME_RATE_LIMITS = {"ip": (2, 60)}
    make_site()
    statuses = [post(client, ip="192.0.2.50", text=f"Tack nummer {n}!",
                     headers={"X-Forwarded-For": "not-an-address"}).status_code for n in range(3)]
    assert statuses == [201, 201, 429]
    assert Comment.objects.filter(ip_address="192.0.2.50").count() == 2


# 12. Long threads a page at a time; reads cached until a write; one read limit for all workers.

def test_a_thread_is_read_a_page_at_a_time_oldest_or_newest_first(client):
    thread = make_thread()
    for n in range(1, 8):
        make_comment(thread, f"Kommentar {n}")
    first = client.get("/api/comments", {"thread": PAGE, "limit": 3}).json()
    assert [c["html"] for c in first["comments"]] == ["<p>Kommentar 1</p>", "<p>Kommentar 2</p>",
                                                       "<p>Kommentar 3</p>"]
    assert (first["count"], first["more"], first["next_offset"]) == (7, 4, 3)
    last = client.get("/api/comments", {"thread": PAGE, "limit": 3, "offset": 6}).json()
    assert [c["html"] for c in last["comments"]] == ["<p>Kommentar 7</p>"] and last["next_offset"] is None
    newest = client.get("/api/comments", {"thread": PAGE, "limit": 2, "order": "newest"}).json()
    assert [c["html"] for c in newest["comments"]] == ["<p>Kommentar 7</p>", "<p>Kommentar 6</p>"]
    assert client.get("/api/comments", {"thread": PAGE, "limit": 10_000}).status_code == 400


def test_a_cached_read_is_never_older_than_the_last_change(client, django_assert_max_num_queries):
    thread = make_thread()
    make_comment(thread, "Första")
    assert client.get("/api/comments", {"thread": PAGE}).json()["count"] == 1
    with django_assert_max_num_queries(1):  # the thread and its revision; the page comes from the cache
        assert client.get("/api/comments", {"thread": PAGE}).json()["count"] == 1
    second = make_comment(thread, "Andra").comment
    assert client.get("/api/comments", {"thread": PAGE}).json()["count"] == 2
    services.moderate(comment=second, actor=None, to_status=Status.HIDDEN)
    assert client.get("/api/comments", {"thread": PAGE}).json()["count"] == 1


@pytest.mark.slow
def test_the_read_limit_is_one_count_for_every_process(settings, tmp_path):
    import os
    import time

    if time.time() % 60 > 50:  # all three counts in one window
        time.sleep(61 - time.time() % 60)
    settings.OMDOME_RATE_LIMITS = {"read": (3, 60)}
    ratelimit.hit("read", "192.0.2.60")
    env = {**os.environ, "OMDOME_DEBUG": "1", "OMDOME_DATA_DIR": str(tmp_path), "OMDOME_RATE_READ": "3",
           "OMDOME_COUNTERS": str(settings.OMDOME_COUNTERS), "DJANGO_SETTINGS_MODULE": "omdome.web.settings"}
    env.pop("DATABASE_URL", None)
    other_worker = ("import django; django.setup(); from omdome.web.core import ratelimit; "
                    "ratelimit.hit('read', '192.0.2.60'); print(ratelimit.count('read', '192.0.2.60'))")
    done = subprocess.run([sys.executable, "-c", other_worker], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "2", done.stderr  # the other process saw this one's count and added its own
    ratelimit.hit("read", "192.0.2.60")
    with pytest.raises(ServiceError):
        ratelimit.hit("read", "192.0.2.60")


# 13. What an import file may hold.

def disqus_file(tmp_path, message: str = "Hej", created: str = "2024-03-01T10:00:00Z",
                declaration: str = '<?xml version="1.0" encoding="utf-8"?>', encoding: str = "utf-8"):
    path = tmp_path / "export.xml"
    path.write_bytes((f'{declaration}<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
                      f'<thread dsq:id="t1"><link>https://www.example.se/a/</link><title>A</title></thread>'
                      f'<post dsq:id="p1"><message>{message}</message><createdAt>{created}</createdAt>'
                      f'<author><name>Läsare</name></author><thread dsq:id="t1"/></post></disqus>').encode(encoding))
    return path


def export_of(path, posts: str):
    """A Disqus export of one page, https://www.example.se/a/, holding ``posts``."""
    path.write_text('<?xml version="1.0" encoding="utf-8"?><disqus xmlns="http://disqus.com" '
                    'xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="t1">'
                    f'<link>https://www.example.se/a/</link><title>A</title></thread>{posts}</disqus>',
                    encoding="utf-8")
    return path


def test_an_imported_comment_longer_than_the_limit_is_skipped_and_named(tmp_path):
    site = make_site(name="Exempelstad", origins="https://www.example.se")
    result = import_file("disqus", disqus_file(tmp_path, "x" * 5_400_000), site)
    assert result.imported == 0 and not Comment.objects.exists()
    assert any("disqus:p1" in p and "20,000" in p for p in result.problems)


def test_an_impossible_date_becomes_the_import_time(tmp_path):
    from django.utils import timezone

    site = make_site(name="Exempelstad", origins="https://www.example.se")
    import_file("disqus", disqus_file(tmp_path, created="9999-12-31T23:59:59Z"), site)
    comment = Comment.objects.get()
    assert comment.published_at is None and abs((comment.created - timezone.now()).total_seconds()) < 60


@pytest.mark.parametrize(("declaration", "encoding"), [
    ('<?xml version="1.0" encoding="utf-7"?>', "utf-8"),
    ('<?xml version="1.0" encoding="ISO-8859-1"?>', "latin-1"),
    ('<?xml version="1.0" encoding="windows-1252"?>', "cp1252"),
    ('<?xml version="1.0" encoding="UTF-16"?>', "utf-16"),
    ('<?xml version="1.0"?>', "utf-16-le"),
])
def test_a_file_in_another_encoding_than_utf8_is_refused_by_name(tmp_path, declaration, encoding):
    site = make_site(name="Exempelstad", origins="https://www.example.se")
    path = disqus_file(tmp_path, "Hej", declaration=declaration, encoding=encoding)
    with pytest.raises(ImportFileError) as refused:
        import_file("disqus", path, site)
    assert "UTF-8" in str(refused.value) and str(path) in str(refused.value)
    assert not Comment.objects.exists()


@pytest.mark.slow
def test_a_large_export_is_read_a_piece_at_a_time(tmp_path):
    import tracemalloc

    from omdome.web.comments.importers.disqus import read_disqus

    posts = "".join(f'<post dsq:id="p{n}"><message>&lt;p&gt;Kommentar {n}: {"bla " * 40}&lt;/p&gt;</message>'
                    f'<createdAt>2024-03-01T10:00:00Z</createdAt><author><name>Läsare {n}</name></author>'
                    f'<thread dsq:id="t1"/></post>' for n in range(20_000))
    path = export_of(tmp_path / "large.xml", posts)
    size = path.stat().st_size
    tracemalloc.start()
    report = read_disqus(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(report.comments) == 20_000
    # The records themselves take about the file's size; a whole parsed tree took five times more.
    assert peak < 2 * size, (peak, size)


def test_an_import_reports_its_progress_batch_by_batch(tmp_path):
    site = make_site(name="Exempelstad", origins="https://www.example.se")
    posts = "".join(f'<post dsq:id="p{n}"><message>Kommentar {n}</message><author><name>L</name></author>'
                    f'<thread dsq:id="t1"/></post>' for n in range(450))
    path = export_of(tmp_path / "export.xml", posts)
    seen = []
    import_file("disqus", path, site, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(200, 450), (400, 450), (450, 450)] and Comment.objects.count() == 450


# 14. The page's title wins over a writer's; staff's over both.

def test_the_pages_title_follows_the_page_and_a_staff_title_stays(client):
    make_site()
    post(client, title="Köp billiga klockor")
    post(client, title="Vägarbete på Storgatan", text="Bra att veta!")
    thread = Thread.objects.get()
    assert thread.title == "Vägarbete på Storgatan"
    Thread.objects.filter(pk=thread.pk).update(title="Storgatan stängs", title_from_staff=True)
    post(client, title="Något annat", text="Tack!")
    assert Thread.objects.get().title == "Storgatan stängs"


# 16. A retried post is stored once.

def test_a_post_repeated_with_its_idempotency_key_is_stored_once(client):
    make_site()
    key = {"Idempotency-Key": "0b7c1e2e-6a43-4d1f-9c3e-2f0d5d8f1a11"}
    first = post(client, headers=key)
    again = post(client, headers=key)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and again.json()["edit_token"]
    assert Comment.objects.count() == 1
    other = post(client, headers=key, text="En annan kommentar.")
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]
    assert post(client, headers={"Idempotency-Key": "x" * 201}).status_code == 400

