"""Automation rules: composed by an administrator, previewed on the last 30 days, switched on,
applied to new messages right after triage, in order, and logged."""

from __future__ import annotations

import pytest
from django.core import mail

from omdome.web.cases import services as cases
from omdome.web.comments.models import Status
from omdome.web.core.errors import NotAllowed, ServiceError
from omdome.web.core.models import AuditEntry
from omdome.web.messages.models import Message
from omdome.web.rules import conditions, services
from omdome.web.rules.models import Rule, RuleRun
from web.factories import make_comment, make_organisation, make_staff, make_thread, make_user

pytestmark = pytest.mark.django_db

RUDE = "Ni på kommunen är ena jävla idioter allihop, skäms."
POLITE = "Tack för informationen om vägarbetet, bra att veta i förväg."


def toxic_rule_form() -> dict[str, object]:
    return {"name": "Giftigt i kommentarsfältet", "toxicity_at_least": "0.8", "source": ["widget"],
            "actions": ["hold", "notify"]}


def stored_toxicity(text: str) -> float:
    return Message.objects.get(text=text).toxicity


def test_a_toxic_widget_comment_rule_is_previewed_switched_on_applied_and_logged(client,
                                                                                 django_capture_on_commit_callbacks):
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    make_staff("karin")  # a communicator, to be notified
    thread = make_thread()
    earlier_rude = make_comment(thread, RUDE, author="Olle", confirmed=True).comment
    make_comment(thread, POLITE, author="Lena")
    assert stored_toxicity(RUDE) >= 0.8 > stored_toxicity(POLITE)  # the model's view of the two texts

    client.force_login(admin)
    response = client.post("/rules/new/", toxic_rule_form())
    rule = Rule.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/rules/{rule.pk}/"
    assert rule.conditions == {"toxicity_at_least": 0.8, "source": ["widget"]} and not rule.enabled

    refused = client.post(f"/rules/{rule.pk}/switch/", {"on": "1"}, follow=True, HTTP_ACCEPT_LANGUAGE="sv")
    assert "Förhandsgranska regeln" in refused.content.decode()
    rule.refresh_from_db()
    assert not rule.enabled

    page = client.get(f"/rules/{rule.pk}/?preview=1", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "skulle regeln ha gällt 1 av 2 inkomna meddelanden" in page and "Olle" in page
    earlier_rude.refresh_from_db()
    assert not RuleRun.objects.exists()  # a preview changes nothing

    client.post(f"/rules/{rule.pk}/switch/", {"on": "1"})
    rule.refresh_from_db()
    assert rule.enabled

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        posted = make_comment(thread, RUDE, author="Per", confirmed=True).comment
        polite = make_comment(thread, POLITE, author="Eva").comment
    assert posted.status == Status.WITHHELD and polite.status == Status.PUBLISHED
    run = RuleRun.objects.get()
    assert (run.rule, run.message_id, run.actions) == (rule, posted.pk, ["hold", "notify"])
    assert AuditEntry.objects.filter(action="rule.applied", target_id=str(posted.pk)).exists()
    assert [m.subject for m in mail.outbox] == ["Regeln ”Giftigt i kommentarsfältet”: ett nytt meddelande från Per"]
    assert set(mail.outbox[0].to) == {"ulla@sundby.se", "karin@sundby.se"}
    assert list(AuditEntry.objects.filter(target_type="rules.rule").values_list("action", flat=True)
                .order_by("seq")) == ["rule.saved", "rule.switched_on"]
    detail = client.get(f"/rules/{rule.pk}/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Per" in detail and "på" in detail


def test_rules_run_in_order_and_a_later_rule_sees_what_an_earlier_one_did():
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    owner = make_staff("karin")
    organisation = make_organisation()
    label = services.save_rule(by=admin, organisation=organisation, name="Sophämtning är klagomål",
                               conditions={"keywords": "sopor, sophämtning"}, actions=["label"], label="complaint")
    assign = services.save_rule(by=admin, organisation=organisation, name="Klagomål till Karin",
                                conditions={"category": ["complaint"]}, actions=["assign"], assign_to=owner)
    for rule in (label, assign):
        services.preview(by=admin, rule=rule)
        services.switch(by=admin, rule=rule, on=True)
    comment = make_comment(make_thread(), "När kommer sopbilen? Sopor överallt på gården.").comment
    comment.refresh_from_db()
    assert comment.category == "complaint" and comment.action == "follow_up"
    case = cases.case_of(comment)
    assert case is not None and case.owner == owner
    assert [r.rule for r in RuleRun.objects.order_by("id")] == [label, assign]
    services.move(by=admin, rule=assign, up=True)
    assert list(Rule.objects.values_list("name", flat=True)) == ["Klagomål till Karin", "Sophämtning är klagomål"]
    # The new order holds for the next message at once (the switched-on rules are read again).
    assert services.switched_on(organisation.pk) == [assign, label]
    services.switch(by=admin, rule=label, on=False)
    later = make_comment(make_thread(path="/sopor-2"), "Sopor överallt på gården, igen.").comment
    assert services.switched_on(organisation.pk) == [assign]
    assert not RuleRun.objects.filter(message=later, rule=label).exists()


def test_a_changed_rule_is_off_until_previewed_again():
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    rule = services.save_rule(by=admin, organisation=make_organisation(), name="Länkar",
                              conditions={"has_link": True}, actions=["hold"])
    services.preview(by=admin, rule=rule)
    services.switch(by=admin, rule=rule, on=True)
    rule = services.save_rule(by=admin, organisation=rule.organisation, name="Länkar", rule=rule,
                              conditions={"has_link": True, "first_time_writer": True}, actions=["hold"])
    assert not rule.enabled and rule.previewed_at is None
    with pytest.raises(ServiceError) as refused:
        services.switch(by=admin, rule=rule, on=True)
    assert refused.value.code == "not_previewed"


def test_first_time_writers_with_a_link_are_held():
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    rule = services.save_rule(by=admin, organisation=make_organisation(), name="Nya med länkar",
                              conditions={"has_link": True, "first_time_writer": True}, actions=["hold"])
    services.preview(by=admin, rule=rule)
    services.switch(by=admin, rule=rule, on=True)
    thread = make_thread()
    make_comment(thread, "Bra skrivet om vägarbetet.", author="Lena", email="lena@example.se")
    known = make_comment(thread, "Mer här: https://sundby.se/vagar", author="Lena", email="lena@example.se").comment
    new = make_comment(thread, "Läs mer på www.example.com/erbjudande", author="Nils", email="nils@example.se").comment
    assert known.status == Status.PUBLISHED and new.status == Status.WITHHELD


@pytest.mark.parametrize("form, field", [
    ({"name": "", "category": ["spam"], "actions": ["hold"]}, "name"),
    ({"name": "Inget villkor", "actions": ["hold"]}, "conditions"),
    ({"name": "Ingen åtgärd", "category": ["spam"]}, "actions"),
    ({"name": "Båda", "category": ["spam"], "actions": ["hold", "hide"]}, "actions"),
    ({"name": "Utan person", "category": ["complaint"], "actions": ["assign"]}, "assign_to"),
    ({"name": "Utan kategori", "category": ["complaint"], "actions": ["label"]}, "label"),
])
def test_a_rule_that_cannot_work_is_refused_with_what_is_wrong(form, field):
    admin = make_user("ulla", "admin", real_name="Ulla Berg")
    conditions_given = {k: v for k, v in form.items() if k not in ("name", "actions")}
    with pytest.raises(ServiceError) as refused:
        services.save_rule(by=admin, organisation=make_organisation(), name=form["name"],
                           conditions=conditions_given, actions=form.get("actions", []))
    assert refused.value.field == field
    assert not Rule.objects.exists()


def test_the_rule_editor_shows_errors_in_swedish(client):
    client.force_login(make_user("ulla", "admin", real_name="Ulla Berg"))
    page = client.post("/rules/new/", {"name": "Inget villkor", "actions": ["hold"]}, HTTP_ACCEPT_LANGUAGE="sv")
    assert page.status_code == 200 and "Välj minst ett villkor" in page.content.decode()


def test_only_administrators_compose_rules(client):
    communicator = make_staff("karin")
    with pytest.raises(NotAllowed):
        services.save_rule(by=communicator, organisation=make_organisation(), name="X",
                           conditions={"category": ["spam"]}, actions=["hide"])
    client.force_login(communicator)
    assert client.get("/rules/").status_code == 403


def test_conditions_are_checked_as_data():
    with pytest.raises(conditions.BadConditions):
        conditions.validate({"category": ["boring"]})
    with pytest.raises(conditions.BadConditions):
        conditions.validate({"toxicity_at_least": 1.5})
    with pytest.raises(conditions.BadConditions):
        conditions.validate({"colour": "red"})
    facts = conditions.Facts(category="spam", action="no_reply", toxicity=0.1, urgency="low", language="sv",
                             source="widget", text="Köp nu på www.example.com", needs_review=False,
                             reported=False, first_time_writer=True)
    assert conditions.matches({"category": ["spam", "troll"], "has_link": True}, facts)
    assert not conditions.matches({"category": ["spam"], "toxicity_at_least": 0.5}, facts)
    assert conditions.matches({"keywords": ["köp"]}, facts)
