"""The policy adopted in the browser: template, adapt, approve, acknowledge; and the app uses it."""

from __future__ import annotations

import pytest
from django.core import mail

from omdome.web.comments import services as comments
from omdome.web.core.errors import NotAllowed, ServiceError
from omdome.web.core.models import AuditEntry
from omdome.web.policies import services
from omdome.web.policies.models import PolicyVersion
from web.factories import make_comment, make_organisation, make_staff, make_thread, make_user

pytestmark = pytest.mark.django_db


def adopted(admin, **changes):  # type: ignore[no-untyped-def]
    organisation = make_organisation()
    draft = services.start_from_template(organisation=organisation, actor=admin, language="sv", sector="public",
                                         customer_word="invånare", company_word="kommun")
    if changes:
        draft = services.revise(version=draft, actor=admin, changes=changes)
    return services.approve(version=draft, actor=admin)


def test_an_admin_makes_adapts_and_approves_a_policy_and_the_audit_log_says_so():
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    version = adopted(admin, confidential={"terms": ["Projekt Tranan"]})
    policy = services.policy_of(version)
    assert policy.confidential.terms == ["Projekt Tranan"] and policy.organisation.name == "Sundby kommun"
    assert "invånare" in policy.rules[4].text or "invånare" in policy.document.introduction
    assert (policy.organisation.approved_by, version.number) == ("Ulla Berg", 1)
    assert version.content_hash.startswith("sha256:")
    assert services.current_policy(version.organisation) == policy
    assert list(AuditEntry.objects.order_by("seq").values_list("action", flat=True)) == [
        "policy.created_from_template", "policy.draft_changed", "policy.approved"]


def test_a_published_version_never_changes_a_change_makes_a_new_draft():
    admin = make_user("ulla", "admin")
    version = adopted(admin)
    version.toml += "\n# edited behind the app's back\n"
    with pytest.raises(ValueError):
        version.save()
    version.refresh_from_db()
    draft = services.revise(version=version, actor=admin, changes={"products": ["Sundbybadet"]}, note="Badet")
    assert (draft.number, draft.is_published, services.current_version(version.organisation)) == (2, False, version)
    changes = services.diff(version, draft)
    assert ("added", "Sundbybadet") in changes


def test_a_communicator_cannot_make_or_approve_a_policy():
    admin = make_user("ulla", "admin")
    organisation = make_organisation()
    draft = services.start_from_template(organisation=organisation, actor=admin, language="sv", sector="public")
    with pytest.raises(NotAllowed):
        services.approve(version=draft, actor=make_staff())
    with pytest.raises(NotAllowed):
        services.start_from_template(organisation=organisation, actor=make_staff("per"), language="sv",
                                     sector="public")


def test_an_imported_file_with_mistakes_names_line_and_key():
    admin = make_user("ulla", "admin")
    text = services.policy_of(adopted(admin)).model_dump(mode="json", by_alias=True)
    from omdome.policy.writer import policy_to_toml

    broken = policy_to_toml(services.parse(PolicyVersion.objects.get().toml)).replace(
        'sector = "public"', 'sector = "kommunal"')
    with pytest.raises(services.PolicyInvalid) as raised:
        services.import_toml(organisation=make_organisation(), actor=admin, text=broken)
    line = next(n for n, row in enumerate(broken.splitlines(), 1) if row.startswith("sector"))
    assert any(f"{line}: organisation.sector" in p for p in raised.value.problems), raised.value.problems
    assert text["organisation"]["name"] == "Sundby kommun"


def test_employees_are_asked_to_acknowledge_until_they_have_and_again_for_a_new_version(client):
    admin = make_user("ulla", "admin")
    version = adopted(admin)
    anna = make_user("anna", "employee", real_name="Anna Lind")
    client.force_login(anna)
    asked = client.get("/")
    assert asked.status_code == 302 and asked["Location"].startswith("/policy/acknowledge/")
    assert client.post("/policy/acknowledge/", {"next": "/"})["Location"] == "/"
    assert client.get("/").status_code == 200
    second = services.approve(version=services.revise(version=version, actor=admin,
                                                      changes={"confidential": {"terms": ["Projekt Tranan"]}}),
                              actor=admin)
    page = client.get("/policy/acknowledge/").content.decode()
    assert f"version {version.number}" in page.lower() and "Projekt Tranan" in page
    client.post("/policy/acknowledge/")
    report = services.acknowledgement_report(second.organisation)
    assert anna in [u for u, _when in report.acknowledged]


def test_admins_see_who_is_missing_download_it_and_remind_them(client):
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    version = adopted(admin)
    services.acknowledge(user=admin, version=version)
    make_user("erik", "employee", real_name="Erik Holm")
    client.force_login(admin)
    page = client.get("/policy/acknowledgements/").content.decode()
    assert "Erik Holm" in page and "50 %" in page
    csv_text = client.get("/policy/acknowledgements/?format=csv").content.decode()
    assert "Erik Holm,erik,erik@sundby.se," in csv_text and "Ulla Berg,ulla" in csv_text
    client.post("/policy/acknowledgements/")
    assert [m.to for m in mail.outbox] == [["erik@sundby.se"]] and "/policy/acknowledge/" in mail.outbox[0].body


def test_staff_replies_are_checked_against_the_adopted_policy():
    admin = make_user("ulla", "admin")
    adopted(admin, confidential={"terms": ["Projekt Tranan"]})
    thread = make_thread()
    with pytest.raises(comments.DraftBlocked) as raised:
        comments.post_staff_reply(user=make_staff(), thread=thread, text="Det här hör ihop med Projekt Tranan.")
    assert "confidential.term" in [f.code for f in raised.value.review.findings]


def test_triage_cites_the_facts_of_the_adopted_policy():
    admin = make_user("ulla", "admin")
    version = adopted(admin)
    from omdome.triage.facts import Fact, FactsFile

    facts = FactsFile(facts=(Fact(topic="Biblioteket i Norrby", statement="Biblioteket i Norrby stänger inte.",
                                  source="https://www.sundby.se/bibliotek",
                                  misconceptions=("biblioteket i norrby stänger",)),))
    services.approve(version=services.revise(version=version, actor=admin, changes={}, facts=facts), actor=admin)
    comment = make_comment(make_thread(), "Typiskt att biblioteket i Norrby stänger nu.").comment
    assert comment.category == "correction" and comment.triage["fact"]["source"] == "https://www.sundby.se/bibliotek"


def test_only_an_approved_version_can_be_acknowledged():
    admin = make_user("ulla", "admin")
    draft = services.start_from_template(organisation=make_organisation(), actor=admin, language="en",
                                         sector="private")
    with pytest.raises(ServiceError):
        services.acknowledge(user=admin, version=draft)


def test_an_older_draft_cannot_be_approved_over_a_newer_version():
    admin = make_user("ulla", "admin")
    organisation = make_organisation()
    old = services.start_from_template(organisation=organisation, actor=admin, language="sv", sector="public")
    newer = services.start_from_template(organisation=organisation, actor=admin, language="sv", sector="public")
    services.approve(version=newer, actor=admin)
    with pytest.raises(ServiceError) as raised:
        services.approve(version=old, actor=admin)
    assert raised.value.code == "stale_draft"


def test_what_changed_names_the_section_of_each_change():
    admin = make_user("ulla", "admin")
    first = adopted(admin)
    second = services.revise(version=first, actor=admin, changes={"confidential": {"terms": ["Projekt Tranan"]}})
    changes = services.diff(first, second)
    assert changes == [("section", "Konfidentiella begrepp"), ("added", "Projekt Tranan")]


def test_a_reminder_to_someone_who_never_chose_a_password_is_an_invitation(client):
    admin = make_user("ulla", "admin")
    version = adopted(admin)
    services.acknowledge(user=admin, version=version)
    newcomer = make_user("nils", "employee", real_name="Nils Ek")
    newcomer.set_unusable_password()
    newcomer.save()
    sent = services.send_reminders(organisation=version.organisation, actor=admin,
                                   login_url="http://omdome.example/policy/acknowledge/")
    assert sent == 1 and "/password/reset/" in mail.outbox[0].body
