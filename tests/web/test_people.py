"""People: CSV import with invitations, roles, one's own profile; single sign-on when configured."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core import mail

from omdome.web.core.errors import ServiceError
from omdome.web.people import services
from omdome.web.people.models import StaffProfile
from web.factories import PASSWORD, make_organisation, make_user

pytestmark = pytest.mark.django_db
CSV = """name;email;role_title;expertise;role
Lena Ek;lena.ek@sundby.se;Bygglovshandläggare;bygglov, detaljplan;
Omar Said;omar.said@sundby.se;Kommunikatör;kommunikation;communicator
"""


def test_an_admin_imports_staff_from_csv_and_each_new_person_is_invited(client, django_capture_on_commit_callbacks):
    admin = make_user("ulla", "admin")
    client.force_login(admin)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/people/import/", {"upload": SimpleUploadedFile("staff.csv", CSV.encode())})
    assert response.status_code == 302
    lena = StaffProfile.objects.get(work_email="lena.ek@sundby.se")
    assert (lena.real_name, lena.role, lena.topics) == ("Lena Ek", "Bygglovshandläggare", ["bygglov", "detaljplan"])
    assert lena.user.groups.filter(name="employee").exists()
    assert StaffProfile.objects.get(real_name="Omar Said").user.groups.filter(name="communicator").exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["lena.ek@sundby.se", "omar.said@sundby.se"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    client.logout()
    chosen = client.get(link.replace("http://testserver", ""), follow=True)
    assert chosen.status_code == 200 and 'name="new_password1"' in chosen.content.decode()
    again = services.import_people(organisation=make_organisation(), actor=admin, text=CSV, login_url="http://x/")
    assert (again.created, len(again.updated)) == ([], 2) and len(mail.outbox) == 2


def test_a_file_with_a_mistake_names_line_and_column_and_imports_no_one():
    admin = make_user("ulla", "admin")
    bad = CSV + "Per Olsson;per.olsson(at)sundby.se;Chef;ledning;\nAnna;anna@sundby.se;X;y;boss\n"
    with pytest.raises(ServiceError) as raised:
        services.import_people(organisation=make_organisation(), actor=admin, text=bad, login_url="http://x/")
    problems = raised.value.extra["problems"]
    assert any(p.startswith("Rad 4, kolumn email") for p in problems) and any("Rad 5, kolumn role" in p
                                                                              for p in problems)
    assert not StaffProfile.objects.filter(work_email="lena.ek@sundby.se").exists()


def test_an_employee_keeps_their_own_profile_and_cannot_manage_people(client):
    anna = make_user("anna", "employee", real_name="Anna Lind")
    client.force_login(anna)
    assert client.get("/people/").status_code == 403
    client.post("/people/me/", {"real_name": "Anna Lind", "role": "Bibliotekarie", "expertise": "bibliotek",
                                "work_email": "anna@sundby.se", "work_phone": ""})
    anna.staff_profile.refresh_from_db()
    assert (anna.staff_profile.role, anna.staff_profile.topics) == ("Bibliotekarie", ["bibliotek"])


def test_an_admin_changes_someones_roles(client):
    admin = make_user("ulla", "admin")
    anna = make_user("anna", "employee")
    client.force_login(admin)
    client.post(f"/people/{anna.pk}/", {"roles": ["employee", "communicator"]})
    assert set(anna.groups.values_list("name", flat=True)) == {"employee", "communicator"}


@pytest.mark.slow
def test_single_sign_on_is_offered_when_configured_and_sends_to_the_provider(tmp_path):
    env = {**os.environ, "OMDOME_DEBUG": "1", "OMDOME_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "omdome.web.settings", "OMDOME_OIDC_CLIENT_ID": "omdome-test",
           "OMDOME_OIDC_AUTHORIZATION_ENDPOINT": "https://login.example.se/authorize",
           "OMDOME_OIDC_TOKEN_ENDPOINT": "https://login.example.se/token",
           "OMDOME_OIDC_USERINFO_ENDPOINT": "https://login.example.se/userinfo",
           "OMDOME_OIDC_JWKS_ENDPOINT": "https://login.example.se/jwks"}
    env.pop("DATABASE_URL", None)
    script = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.test import Client
c = Client(HTTP_HOST="127.0.0.1")
page = c.get("/login/").content.decode()
assert "/oidc/authenticate/" in page, page
answer = c.get("/oidc/authenticate/")
assert answer.status_code == 302 and answer["Location"].startswith("https://login.example.se/authorize?")
assert "client_id=omdome-test" in answer["Location"]
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_without_single_sign_on_the_login_page_has_only_the_password(client):
    assert "/oidc/" not in client.get("/login/").content.decode()
    assert PASSWORD
