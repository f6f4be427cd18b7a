"""The think-twice page and the review API: the employee's profile, the organisation's policy, no draft kept."""

from __future__ import annotations

import re

import pytest

from omdome.web.policies import services as policies
from omdome.web.thinktwice import services
from omdome.web.thinktwice.models import FindingCount
from web.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db
DRAFT = "Min kollega Lena Ek, 19811218-9876, jobbar med Projekt Tranan."


def adopt_with_tranan():  # type: ignore[no-untyped-def]
    admin = make_user("ulla", "admin")
    draft = policies.start_from_template(organisation=make_organisation(), actor=admin, language="sv",
                                         sector="public")
    draft = policies.revise(version=draft, actor=admin, changes={"confidential": {"terms": ["Projekt Tranan"]}})
    version = policies.approve(version=draft, actor=admin)
    policies.acknowledge(user=admin, version=version)
    return admin


def test_the_page_marks_each_finding_in_the_text_with_its_rule(client):
    admin = adopt_with_tranan()
    client.force_login(admin)
    page = client.post("/think-twice/", {"text": DRAFT, "account": "personal"}, HTTP_HX_REQUEST="true",
                       HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert '<mark class="block"' in page and ">19811218-9876</mark>" in page and ">Projekt Tranan</mark>" in page
    assert "Regel 4" in page and "Publicera inte det här som det är." in page
    assert "<html" not in page  # only the part that changes


def test_a_fixed_draft_passes_and_nothing_but_counts_is_kept(client):
    admin = adopt_with_tranan()
    client.force_login(admin)
    client.post("/think-twice/", {"text": DRAFT, "account": "personal"})
    fixed = client.post("/think-twice/", {"text": "Vi ses på biblioteket i morgon!", "account": "official"},
                        HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Inget i utkastet går emot policyn." in fixed
    counts = dict(FindingCount.objects.values_list("code", "count"))
    assert counts["pii.personnummer"] == 1 and counts["confidential.term"] == 1
    from django.db import connection

    with connection.cursor() as cursor:  # the draft is nowhere in the database
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            assert "19811218-9876" not in repr(cursor.fetchall()), table


def test_the_api_checks_a_draft_with_a_personal_token_and_refuses_without_one(client):
    admin = adopt_with_tranan()
    token, secret = services.create_token(user=admin, name="webbläsartillägg")
    refused = client.post("/api/review", {"text": DRAFT}, content_type="application/json")
    assert refused.status_code == 401 and refused.json()["code"] == "unauthorized"
    answer = client.post("/api/review", {"text": DRAFT}, content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["verdict"] == "block" and body["policy_hash"].startswith("sha256:")
    assert {"pii.personnummer", "confidential.term"} <= {f["code"] for f in body["findings"]}
    assert any(f["excerpt"] == "Projekt Tranan" and f["rule"] == 4 for f in body["findings"])
    services.revoke_token(user=admin, token_id=token.pk)
    again = client.post("/api/review", {"text": DRAFT}, content_type="application/json",
                        HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert again.status_code == 401


def test_the_api_says_what_is_wrong_with_a_bad_draft(client):
    admin = adopt_with_tranan()
    _token, secret = services.create_token(user=admin, name="test")
    answer = client.post("/api/review", {"text": "x" * 20_001}, content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert answer.status_code == 400 and answer.json()["field"] == "text"
    bad_account = client.post("/api/review", {"text": "Hej", "account": "anonymous"},
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert bad_account.status_code == 400 and bad_account.json()["field"] == "account"


def test_the_token_page_shows_a_new_token_once(client):
    admin = adopt_with_tranan()
    client.force_login(admin)
    page = client.post("/think-twice/tokens/", {"name": "tillägg"}).content.decode()
    secret = re.search(r'id="new-token">(omd_[\w-]+)<', page).group(1)
    later = client.get("/think-twice/tokens/").content.decode()
    assert secret not in later and f"{secret[:10]}…" in later


SNEER = ("Jag jobbar som kommunikatör på Sundby kommun. Min kollega Lena Ek, 19811218-9876, fick ny chef i dag. "
         "Kul med en chef som tror att invånare är som kalkylblad. Hen kommer säkert att lära sig, om ett decennium.")


def test_the_page_answers_with_the_rules_at_once_then_with_the_model_of_meaning(client):
    admin = adopt_with_tranan()
    client.force_login(admin)
    quick = client.post("/think-twice/", {"text": SNEER, "account": "personal"}, HTTP_HX_REQUEST="true",
                        HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    # The rules' answer: the personnummer, and a request for the model's reading once it is shown.
    assert ">19811218-9876</mark>" in quick and "nedsättande" not in quick
    assert 'hx-post="/think-twice/meaning/"' in quick and 'hx-trigger="load"' in quick
    assert "Modellen läser ditt utkast" in quick
    full = client.post("/think-twice/meaning/", {"text": SNEER, "account": "personal"}, HTTP_HX_REQUEST="true",
                       HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert ">19811218-9876</mark>" in full and "nedsättande" in full and "Regel 4" in full
    assert "thinktwice/meaning" not in full and "Modellen läser" not in full
    # Each finding counted once: the personnummer by the first answer, the model's finding by the second.
    counts = dict(FindingCount.objects.values_list("code", "count"))
    assert counts["pii.personnummer"] == 1 and counts["respect.disparaging"] == 1


def test_without_javascript_the_page_answers_with_the_model_at_once(client):
    admin = adopt_with_tranan()
    client.force_login(admin)
    page = client.post("/think-twice/", {"text": SNEER, "account": "personal"}, HTTP_ACCEPT_LANGUAGE="sv")
    text = page.content.decode()
    assert "<html" in text and "nedsättande" in text and "thinktwice/meaning" not in text


def test_the_model_of_meaning_needs_a_logged_in_employee_and_a_post(client):
    assert client.post("/think-twice/meaning/", {"text": SNEER}).status_code in (302, 403)
    admin = adopt_with_tranan()
    client.force_login(admin)
    assert client.get("/think-twice/meaning/").status_code == 405


def test_the_api_reads_with_the_model_of_meaning_when_asked(client):
    admin = adopt_with_tranan()
    _token, secret = services.create_token(user=admin, name="test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    rules = client.post("/api/review", {"text": SNEER}, content_type="application/json", **auth).json()
    both = client.post("/api/review", {"text": SNEER, "meaning": True}, content_type="application/json", **auth).json()
    assert "respect.disparaging" not in {f["code"] for f in rules["findings"]}
    assert "respect.disparaging" in {f["code"] for f in both["findings"]}
