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
