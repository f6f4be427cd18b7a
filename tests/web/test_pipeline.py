"""The moderation pipeline and the comment services, on the real database and the shipped model."""

from __future__ import annotations

from unittest import mock

import pytest

from omdome.web.comments import services
from omdome.web.comments.errors import CommentRejected, ThinkTwice
from omdome.web.comments.models import Comment, ModerationEvent, Status
from omdome.web.core.errors import ServiceError
from web.factories import make_comment, make_site, make_thread

pytestmark = pytest.mark.django_db

HATEFUL = "Du är en jävla idiot och borde skämmas, ditt äckel"
THREAT = "Jag vet var du bor, akta dig"


def test_a_friendly_comment_is_published_with_its_triage_and_logged():
    thread = make_thread()
    posted = make_comment(thread, "Tack för att ni informerar i god tid!")
    c = posted.comment
    assert c.status == Status.PUBLISHED
    assert c.category == "praise" and c.action == "acknowledge"
    assert c.triage["language"] == "sv"
    assert c.html == "<p>Tack för att ni informerar i god tid!</p>"
    assert list(c.events.values_list("action", "to_status")) == [("created", "published")]
    assert posted.edit_token.startswith(f"{c.pk}:")


def test_a_complaint_is_published_and_marked_for_follow_up():
    c = make_comment(make_thread(), "Tredje veckan utan sophämtning. Ingen svarar när jag ringer.").comment
    assert (c.status, c.category, c.action) == (Status.PUBLISHED, "complaint", "follow_up")


def test_when_the_text_looks_hateful_then_the_writer_is_asked_to_think_twice_and_nothing_is_stored():
    thread = make_thread()
    with pytest.raises(ThinkTwice) as raised:
        make_comment(thread, HATEFUL)
    assert raised.value.status == 409 and raised.value.code == "think_twice"
    assert not Comment.objects.exists()


def test_when_a_hateful_comment_is_sent_anyway_then_it_is_withheld():
    c = make_comment(make_thread(), HATEFUL, confirmed=True).comment
    assert c.status == Status.WITHHELD and c.category == "hateful" and not c.possibly_unlawful
    assert "triage:hateful:hide" in c.events.get().reason


def test_a_threat_is_withheld_and_flagged_as_possibly_unlawful():
    c = make_comment(make_thread(), THREAT, confirmed=True).comment
    assert c.status == Status.WITHHELD and c.possibly_unlawful


def test_spam_is_withheld_without_the_think_twice_prompt():
    c = make_comment(make_thread(), "Tjäna 5000 kr om dagen hemifrån!!! Klicka här: http://snabba-pengar.example").comment
    assert c.category == "spam" and c.status == Status.WITHHELD


def test_obfuscated_abuse_is_caught_before_it_is_published():
    with pytest.raises(ThinkTwice):
        make_comment(make_thread(), "din j ä v l a h0ra")


@pytest.mark.parametrize("text", ["Grymt bra jobbat med nya cykelbanan!", "Sjukt snabbt svar från kundtjänst, tack!"])
def test_ordinary_strong_words_in_praise_are_published(text):
    c = make_comment(make_thread(), text).comment
    assert c.status == Status.PUBLISHED and c.category != "hateful"


def test_a_comment_in_another_language_is_normal_input():
    c = make_comment(make_thread(), "Merci beaucoup pour ces informations très utiles.").comment
    assert c.status == Status.PUBLISHED and c.triage["language"] == "und" and c.needs_review


def test_pre_moderation_holds_every_comment():
    thread = make_thread(make_site(premoderation=True))
    assert make_comment(thread).comment.status == Status.PENDING


def test_first_time_commenters_are_held_until_one_of_their_comments_is_published():
    thread = make_thread(make_site(premoderate_first_time=True))
    first = make_comment(thread, email="lena@example.se").comment
    assert first.status == Status.PENDING
    services.moderate(comment=first, actor=None, to_status=Status.PUBLISHED, reason="ok")
    assert make_comment(thread, "En fråga till: när öppnar gatan?", email="LENA@example.se").comment.status \
        == Status.PUBLISHED


def test_a_closed_thread_takes_no_comments():
    with pytest.raises(CommentRejected) as raised:
        make_comment(make_thread(closed=True))
    assert (raised.value.code, raised.value.status) == ("thread_closed", 403)


@pytest.mark.parametrize(("fields", "field"), [
    ({"text": "   "}, "text"),
    ({"text": "x" * 5001}, "text"),
    ({"author": ""}, "author"),
    ({"author": "n" * 81}, "author"),
    ({"email": "inte-en-adress"}, "email"),
    ({"text": "hej\x00då"}, "text"),
    ({"parent": 999_999}, "parent"),
])
def test_bad_input_is_rejected_with_the_field_named(fields, field):
    values = {"text": "Hej!", "author": "Lena"} | fields
    with pytest.raises(CommentRejected) as raised:
        make_comment(make_thread(), **values)
    assert raised.value.field == field and raised.value.status == 400
    assert not Comment.objects.exists()


def test_the_honeypot_rejects_without_saying_why():
    with pytest.raises(CommentRejected) as raised:
        make_comment(make_thread(), honeypot="http://spam.example")
    assert raised.value.field is None


def test_a_reply_to_a_comment_of_another_thread_is_refused():
    site = make_site()
    other = make_comment(make_thread(site, "/a")).comment
    with pytest.raises(CommentRejected):
        make_comment(make_thread(site, "/b"), parent=other.pk)


def test_rate_limit_per_ip(settings):
    settings.OMDOME_RATE_LIMITS = {"read": (100, 60), "ip": (2, 60), "thread": (100, 60)}
    thread = make_thread()
    make_comment(thread, ip="192.0.2.7")
    make_comment(thread, "Och en sak till.", ip="192.0.2.7")
    with pytest.raises(ServiceError) as raised:
        make_comment(thread, "En tredje.", ip="192.0.2.7")
    assert raised.value.status == 429 and 0 < raised.value.extra["retry_after"] <= 60
    make_comment(thread, "Från en annan dator.", ip="192.0.2.8")


def test_the_writer_edits_within_ten_minutes_and_the_text_is_triaged_again():
    posted = make_comment(make_thread(), "Hur gör jag för att söka bygglov?")
    c = services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token,
                              text="Tack, nu hittade jag blanketten! Bra service.")
    assert c.category == "praise" and c.edited is not None and c.status == Status.PUBLISHED
    assert "edited_by_author" in c.events.values_list("action", flat=True)


def test_an_edit_that_turns_hateful_is_asked_to_think_twice_then_withheld():
    posted = make_comment(make_thread())
    with pytest.raises(ThinkTwice):
        services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token, text=HATEFUL)
    c = services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token, text=HATEFUL, confirmed=True)
    assert c.status == Status.WITHHELD


def test_an_edit_cannot_publish_a_comment_held_for_review():
    thread = make_thread(make_site(premoderation=True))
    posted = make_comment(thread)
    c = services.edit_comment(comment_id=posted.comment.pk, token=posted.edit_token, text="Ändrad text, vänlig.")
    assert c.status == Status.PENDING


def test_edit_tokens_expire_and_belong_to_one_comment():
    thread = make_thread()
    first, second = make_comment(thread), make_comment(thread, "En annan kommentar.")
    with pytest.raises(CommentRejected) as raised:
        services.edit_comment(comment_id=second.comment.pk, token=first.edit_token, text="kapad")
    assert raised.value.code == "bad_token"
    with mock.patch("django.core.signing.time.time", return_value=__import__("time").time() + 11 * 60), \
            pytest.raises(CommentRejected) as raised:
        services.edit_comment(comment_id=first.comment.pk, token=first.edit_token, text="för sent")
    assert raised.value.code == "edit_expired"


def test_deleting_hides_the_comment_and_keeps_it():
    posted = make_comment(make_thread())
    services.delete_by_author(comment_id=posted.comment.pk, token=posted.edit_token)
    c = Comment.objects.get(pk=posted.comment.pk)
    assert c.status == Status.DELETED and c.text == "Tack för informationen!"
    assert ModerationEvent.objects.filter(comment=c, action="deleted_by_author").exists()
    with pytest.raises(CommentRejected):
        services.delete_by_author(comment_id=c.pk, token=posted.edit_token)


def test_moderators_cannot_set_a_status_only_authors_may_set():
    c = make_comment(make_thread()).comment
    with pytest.raises(ValueError):
        services.moderate(comment=c, actor=None, to_status=Status.DELETED)


def test_an_implicit_threat_gets_the_think_twice_prompt_and_is_then_withheld():
    """No threat word, but the model is sure enough: the writer is asked, and a moderator looks."""
    text = "Kommer förbi ert kontor med ett basebollträ på måndag, får se om ni skrattar då"
    thread = make_thread()
    with pytest.raises(ThinkTwice):
        make_comment(thread, text)
    c = make_comment(thread, text, confirmed=True).comment
    assert c.category == "hateful" and c.status == Status.WITHHELD


def test_a_comment_with_a_personnummer_asks_first_then_is_held_for_review():
    thread = make_thread()
    text = "Min mamma har personnummer 19811218-9876 och fick ingen hemtjänst i går."
    with pytest.raises(ThinkTwice) as raised:
        make_comment(thread, text)
    assert raised.value.code == "personal_data" and raised.value.extra["kinds"] == ["personnummer"]
    comment = make_comment(thread, text, confirmed=True).comment
    assert comment.status in ("pending", "withheld") and "19811218-9876" in comment.text  # not shown
    assert "personal_data.held" in comment.events.get().reason


def test_a_site_that_masks_publishes_the_comment_without_the_data():
    thread = make_thread(site=make_site(personal_data="mask"))
    comment = make_comment(thread, "Ring mig på 070-123 45 67 om bygglovet, tack.", confirmed=True).comment
    assert comment.status == "published" and "070-123 45 67" not in comment.text + comment.html
    assert "[telefon]" in comment.text


def test_the_organisations_own_contact_details_are_not_personal_data():
    from omdome.web.policies import services as policies
    from web.factories import make_user

    admin = make_user("ulla", "admin")
    organisation = make_site().organisation
    draft = policies.start_from_template(organisation=organisation, actor=admin, language="sv", sector="public")
    policies.approve(version=policies.revise(version=draft, actor=admin, changes={
        "contact": {"phones": ["0570-123 00"], "emails": ["kontakt@sundby.se"]}}), actor=admin)
    thread = make_thread(site=organisation.sites.get())
    comment = make_comment(thread, "Jag ringde 0570-123 00 och mejlade kontakt@sundby.se men fick inget svar.").comment
    assert "personal data" not in comment.events.get().reason  # no prompt, nothing held for it


def test_a_question_linking_to_the_organisations_own_site_is_not_spam():
    from omdome.web.comments import pipeline

    site = make_site()
    site.organisation.domains = "sundby.se"
    site.organisation.save()
    assert pipeline.own_domains(site) == ("sundby.se", "www.sundby.se")
    comment = make_comment(make_thread(site=site), "Läs på sundby.se/bibliotek om öppettiderna, står allt där").comment
    assert comment.category != "spam" and comment.status == "published"
