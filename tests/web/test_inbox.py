"""The communicator's inbox: queues by rule 5, filters, re-labels that are counted, messages handled."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from omdome.web.comments.models import ModerationEvent
from omdome.web.core.errors import NotAllowed, ServiceError
from omdome.web.core.models import AuditEntry
from omdome.web.inbox import queues, services
from omdome.web.inbox.models import Correction
from omdome.web.messages.models import Message
from web.factories import make_comment, make_organisation, make_site, make_staff, make_thread, make_user

pytestmark = pytest.mark.django_db

PRAISE = "Tack för att ni lagade gatlyktan så snabbt, riktigt bra jobbat!"
QUESTION = "Hur ansöker jag om plats i förskolan till hösten?"
COMPLAINT = "Soporna har inte hämtats på tre veckor och ingen svarar i telefon. Det är inte okej."


@pytest.fixture
def posted():  # type: ignore[no-untyped-def]
    thread = make_thread()
    return {text: make_comment(thread, text).comment for text in (PRAISE, QUESTION, COMPLAINT)}


def test_every_message_is_in_the_queue_of_the_action_rule_5_prescribes(posted):
    assert {queues.queue_of(c) for c in posted.values()} == {"amplify", "answer", "follow_up"}
    all_messages = queues.incoming(make_organisation())
    assert queues.queue_of(posted[COMPLAINT]) == "follow_up"
    assert list(queues.in_queue(all_messages, "follow_up")) == [posted[COMPLAINT].message_ptr]
    assert sum(queues.counts(all_messages).values()) == 3


def test_the_inbox_page_shows_category_action_reasons_and_the_suggested_reply_in_swedish(client, posted):
    client.force_login(make_staff())
    page = client.get("/inbox/?queue=answer", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert QUESTION in page and PRAISE not in page
    assert "fråga" in page and "svara" in page  # the category and its action, in the UI's language
    assert "Varför:" in page and "Föreslaget svar" in page
    assert 'Följ upp <span class="count">(1)</span>' in page and 'Förstärk <span class="count">(1)</span>' in page


def test_urgent_messages_come_first_then_the_newest():
    thread = make_thread()
    first = make_comment(thread, QUESTION).comment
    second = make_comment(thread, PRAISE).comment
    Message.objects.filter(pk=first.pk).update(urgency="high")
    listed = [m.pk for m in queues.ordered(queues.incoming(make_organisation()))]
    assert listed == [first.pk, second.pk]


def test_filters_narrow_the_list(client, posted):
    client.force_login(make_staff())
    page = client.get("/inbox/?queue=follow_up&category=praise").content.decode()
    assert COMPLAINT not in page and "(0)" in page
    page = client.get("/inbox/?queue=follow_up&language=sv").content.decode()
    assert COMPLAINT in page


def test_a_relabel_moves_the_message_is_counted_and_audited(client, posted):
    user = make_staff()
    message = posted[COMPLAINT]
    correction = services.relabel(user=user, message=message, category="question")
    message.refresh_from_db()
    assert (message.category, message.action) == ("question", "answer")
    assert (correction.before, correction.after, correction.by) == ("complaint", "question", user)
    assert queues.queue_of(message) == "answer"
    assert AuditEntry.objects.filter(action="message.relabelled", target_id=str(message.pk)).exists()
    assert services.relabel(user=user, message=message, category="question") is None  # nothing changed
    client.force_login(user)
    assert "1 rättelse" in client.get("/inbox/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()


def test_a_relabel_through_the_page_goes_back_to_the_queue(client, posted):
    client.force_login(make_staff())
    response = client.post(f"/inbox/{posted[PRAISE].pk}/relabel/",
                           {"category": "neutral", "next": "/inbox/?queue=amplify"})
    assert response.status_code == 302 and response["Location"] == "/inbox/?queue=amplify"
    assert Correction.objects.get().after == "neutral"
    # A redirect elsewhere is refused: back to the inbox instead.
    response = client.post(f"/inbox/{posted[PRAISE].pk}/done/", {"next": "https://evil.example/"})
    assert response["Location"] == "/inbox/"


def test_an_unknown_category_is_refused(posted):
    with pytest.raises(ServiceError):
        services.relabel(user=make_staff(), message=posted[PRAISE], category="angry")
    assert not Correction.objects.exists()


def test_done_leaves_the_open_queues_and_reopen_brings_it_back(posted):
    user = make_staff()
    message = posted[PRAISE]
    services.mark_done(user=user, message=message)
    message.refresh_from_db()
    assert queues.queue_of(message) == "done"
    services.reopen(user=user, message=message)
    message.refresh_from_db()
    assert queues.queue_of(message) == "amplify"
    assert [e.action for e in AuditEntry.objects.filter(target_id=str(message.pk)).order_by("seq")][-2:] == \
        ["message.handled", "message.reopened"]


def test_an_employee_can_neither_open_the_inbox_nor_relabel(client, posted):
    employee = make_user("emma", "employee")
    client.force_login(employee)
    assert client.get("/inbox/").status_code == 403
    assert client.post(f"/inbox/{posted[PRAISE].pk}/relabel/", {"category": "spam"}).status_code == 403
    with pytest.raises(NotAllowed):
        services.relabel(user=employee, message=posted[PRAISE], category="spam")
    assert not Correction.objects.exists()


def test_hiding_needs_a_house_rule_reason_is_logged_and_publishing_brings_it_back(client, posted):
    from omdome.web.comments.models import Comment, ModerationEvent

    client.force_login(make_staff())
    comment = posted[PRAISE]
    url = f"/inbox/{comment.pk}/moderate/"
    client.post(url, {"to_status": "hidden", "revision": comment.revision})
    assert Comment.objects.get(pk=comment.pk).status == "published"  # no reason, nothing hidden
    client.post(url, {"to_status": "hidden", "reason": "spam", "revision": comment.revision})
    assert Comment.objects.get(pk=comment.pk).status == "hidden"
    event = ModerationEvent.objects.filter(comment=comment, action="moderated_hidden").get()
    assert event.reason == "skräppost eller reklam" and event.actor is not None  # in the language the moderator saw
    page = client.get("/inbox/?queue=amplify", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Publicera" in page  # a hidden comment is kept, and can be shown again
    client.post(url, {"to_status": "published", "revision": comment.revision})
    assert Comment.objects.get(pk=comment.pk).status == "published"


def test_a_decision_on_a_comment_edited_since_it_was_read_is_refused(client):
    from omdome.web.comments import services as comment_services
    from omdome.web.comments.models import Comment

    posted = make_comment(make_thread(), QUESTION)
    read = posted.comment.revision
    comment_services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token,
                                  text="Köp billiga klockor på https://klockor.example nu!")
    client.force_login(make_staff())
    response = client.post(f"/inbox/{posted.comment.pk}/moderate/",
                           {"to_status": "published", "revision": read}, follow=True)
    assert Comment.objects.get(pk=posted.comment.pk).revision != read
    assert "ändrade" in response.content.decode() or "changed" in response.content.decode()


def test_the_counts_agree_with_the_lists_in_every_queue():
    from omdome.web.messages import reports

    user = make_staff()
    thread = make_thread()
    posted = [make_comment(thread, text, author=f"Skribent {i}").comment
              for i, text in enumerate([PRAISE, QUESTION, COMPLAINT, PRAISE + " Igen.", QUESTION + " Snälla?"])]
    services.mark_done(user=user, message=posted[0])
    reports.report(message=posted[0], reason="spam")  # reported after it was done: back to review
    reports.report(message=posted[1], reason="hate")
    Message.objects.filter(pk=posted[2].pk).update(needs_review=True)
    Message.objects.filter(pk=posted[3].pk).update(action="")  # not triaged
    everything = queues.incoming(make_organisation())
    counted = queues.counts(everything)
    assert counted == {q.slug: queues.in_queue(everything, q.slug).count() for q in queues.QUEUES}
    assert counted["review"] == 3 and counted["other"] == 1 and sum(counted.values()) == 5
    assert {queues.queue_of(Message.objects.get(pk=c.pk)) for c in posted} == {"review", "other", "answer"}


def test_a_question_is_routed_to_the_colleague_whose_expertise_fits(client, django_capture_on_commit_callbacks):
    from django.core import mail

    user = make_staff()
    expert = make_user("olle", "employee", real_name="Olle Berg", role="Förskolechef", expertise="förskola, skola")
    make_user("nils", "employee", real_name="Nils Ek", role="Trafikplanerare", expertise="parkering, trafik")
    question = make_comment(make_thread(), QUESTION).comment
    client.force_login(user)
    page = client.get("/inbox/?queue=answer", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert f'<option value="{expert.pk}" selected>Olle Berg (förskola, skola) – föreslagen</option>' in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/inbox/{question.pk}/assign/",
                               {"assign_to": expert.pk, "next": "/inbox/?queue=answer"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.assigned_to == expert
    assert [m.to for m in mail.outbox] == [["olle@sundby.se"]] and QUESTION in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="message.assigned", target_id=str(question.pk)).exists()
    client.force_login(expert)
    assert client.get("/inbox/").status_code == 403  # an employee answers from the e-mail, not the inbox
    client.force_login(user)
    mine = client.get("/inbox/?queue=answer&assigned=nobody", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert QUESTION not in mine
    assert "Skickad till Olle Berg" in client.get("/inbox/?queue=answer", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    from django.contrib.auth import get_user_model

    without_profile = get_user_model().objects.create_user("extern", email="extern@example.se")
    with pytest.raises(ServiceError) as refused:
        services.assign(user=user, message=question, to=without_profile)
    assert refused.value.code == "bad_assignee"


def test_every_communicator_is_told_at_once_of_a_possible_threat(django_capture_on_commit_callbacks):
    from django.core import mail

    make_staff()
    make_staff("olle", real_name="Olle Ek")
    make_user("erik", "employee")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        threat = make_comment(make_thread(), "Jag vet var du bor, akta dig", confirmed=True).comment
        make_comment(make_thread(path="/annat"), PRAISE)
    assert threat.possibly_unlawful
    assert len(mail.outbox) == 1 and set(mail.outbox[0].to) == {"karin@sundby.se", "olle@sundby.se"}
    assert mail.outbox[0].subject.startswith("Möjligen olagligt") and f"#message-{threat.pk}" in mail.outbox[0].body


def test_filters_by_thread_date_and_status_and_the_order_chosen(client, posted):
    client.force_login(make_staff())
    other = make_comment(make_thread(path="/nyheter/badet"), QUESTION + " Gäller det badet också?").comment
    thread = posted[QUESTION].thread_id
    page = client.get(f"/inbox/?queue=answer&thread={thread}", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert QUESTION in page and "Gäller det badet" not in page and "Visa alla trådar" in page
    Message.objects.filter(pk=other.pk).update(created=timezone.now() - timedelta(days=40))
    today = timezone.localdate().isoformat()
    page = client.get(f"/inbox/?queue=answer&since={today}").content.decode()
    assert "Gäller det badet" not in page and QUESTION in page
    page = client.get(f"/inbox/?queue=answer&until={(timezone.localdate() - timedelta(days=30)).isoformat()}")
    assert "Gäller det badet" in page.content.decode()
    assert f'name="ids" value="{posted[QUESTION].pk}"' not in page.content.decode()
    Message.objects.filter(pk=posted[QUESTION].pk).update(status="hidden")
    page = client.get("/inbox/?queue=answer&status=hidden").content.decode()
    assert f'id="message-{posted[QUESTION].pk}"' in page and f'id="message-{other.pk}"' not in page
    Message.objects.filter(pk=posted[QUESTION].pk).update(status="published")
    newest = client.get("/inbox/?queue=answer&sort=newest").content.decode()
    oldest = client.get("/inbox/?queue=answer&sort=oldest").content.decode()
    assert newest.index(f"message-{posted[QUESTION].pk}\"") < newest.index(f"message-{other.pk}\"")
    assert oldest.index(f"message-{other.pk}\"") < oldest.index(f"message-{posted[QUESTION].pk}\"")
    assert client.get("/inbox/?since=not-a-date&thread=x&sort=sideways&site=y").status_code == 200  # ignored
    elsewhere = make_site(name="Biblioteket", origins="https://bibliotek.sundby.se")
    far = make_comment(make_thread(site=elsewhere, path="/boken"), QUESTION + " Och på biblioteket?").comment
    page = client.get(f"/inbox/?queue=answer&site={elsewhere.pk}", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert f'id="message-{far.pk}"' in page and f'id="message-{other.pk}"' not in page and "Webbplats" in page


def test_bulk_actions_decide_each_ticked_message_as_if_alone(client, posted):
    user = make_staff()
    client.force_login(user)
    ids = [posted[PRAISE].pk, posted[QUESTION].pk]
    response = client.post("/inbox/bulk/", {"ids": ids, "action": "done", "next": "/inbox/?queue=done"})
    assert response.status_code == 302 and response["Location"] == "/inbox/?queue=done"
    assert set(Message.objects.filter(handled=True).values_list("pk", flat=True)) == set(ids)
    assert AuditEntry.objects.filter(action="message.handled").count() == 2
    client.post("/inbox/bulk/", {"ids": ids, "action": "relabel", "category": "neutral"})
    assert Correction.objects.filter(after="neutral").count() == 2
    page = client.post("/inbox/bulk/", {"ids": ids, "action": "hide", "reason": "spam"}, follow=True,
                       HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "2 meddelanden ändrade" in page
    assert set(Message.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"hidden"}
    assert ModerationEvent.objects.filter(action="moderated_hidden", reason="skräppost eller reklam").count() == 2


def test_bulk_actions_refuse_what_they_cannot_do_and_say_why(client, posted):
    user = make_staff()
    client.force_login(user)
    email = Message.objects.create(author="Ola", text=COMPLAINT, source="email", organisation=make_organisation(),
                                   category="complaint", action="follow_up")
    page = client.post("/inbox/bulk/", {"ids": [email.pk], "action": "hide"}, follow=True,
                       HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Välj varför" in page and Message.objects.get(pk=email.pk).status == "published"
    page = client.post("/inbox/bulk/", {"ids": [email.pk, posted[PRAISE].pk], "action": "hide", "reason": "spam"},
                       follow=True, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "1 meddelande ändrat" in page and "1 gick inte" in page
    assert "Kryssa" in client.post("/inbox/bulk/", {"action": "done"}, follow=True,
                                   HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    with pytest.raises(ServiceError) as refused:
        services.apply_to_many(user=user, organisation=make_organisation(), ids=list(range(1, 200)), action="done")
    assert refused.value.code == "too_many"
    with pytest.raises(ServiceError):
        services.apply_to_many(user=user, organisation=make_organisation(), ids=[email.pk], action="delete")
    client.force_login(make_user("erik", "employee"))
    assert client.post("/inbox/bulk/", {"ids": [email.pk], "action": "done"}).status_code == 403
    assert not Message.objects.get(pk=email.pk).handled


def test_the_bulk_category_is_chosen_never_assumed(client, posted):
    """Ticked messages are relabelled only to a category the communicator picked: the list starts empty."""
    client.force_login(make_staff())
    page = client.get("/inbox/?queue=amplify", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    select = page.split('id="bulk-category"', 1)[1].split("</select>", 1)[0]
    assert select.split("<option", 2)[1].startswith(' value="">')  # the first option chooses nothing
    before = Message.objects.get(pk=posted[PRAISE].pk).category
    page = client.post("/inbox/bulk/", {"ids": [posted[PRAISE].pk], "action": "relabel", "category": ""},
                       follow=True, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Välj en kategori." in page
    assert Message.objects.get(pk=posted[PRAISE].pk).category == before and not Correction.objects.exists()


def test_new_messages_arrive_in_the_open_list_without_a_reload(client, posted):
    client.force_login(make_staff())
    page = client.get("/inbox/?queue=answer").content.decode()
    after = int(page.split('data-after="', 1)[1].split('"', 1)[0])
    assert after == max(c.pk for c in posted.values())
    assert client.get(f"/inbox/arrived/?queue=answer&after={after}").json()["count"] == 0
    thread = posted[QUESTION].thread
    late = make_comment(thread, "När öppnar biblioteket igen efter renoveringen?").comment
    make_comment(thread, PRAISE + " Igen!")  # another queue: not in this list
    answer = client.get(f"/inbox/arrived/?queue=answer&after={after}", HTTP_ACCEPT_LANGUAGE="sv").json()
    assert answer["count"] == 1 and answer["newest"] == late.pk
    assert f'id="message-{late.pk}"' in answer["html"] and "biblioteket" in answer["html"]
    assert answer["announce"] == "1 nytt meddelande överst i listan."
    assert client.get("/inbox/arrived/?queue=answer&after=x").status_code == 400


def test_the_inbox_opens_on_the_first_queue_with_work_in_it(client, posted):
    client.force_login(make_staff())
    page = client.get("/inbox/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "<h2>Följ upp</h2>" in page and COMPLAINT in page  # "needs review" is empty
    assert "<h2>Behöver granskas</h2>" in client.get("/inbox/?queue=review", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
