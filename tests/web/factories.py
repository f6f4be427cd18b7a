"""Small factories: each test makes the rows it needs."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from omdome.web.comments import followup, services
from omdome.web.comments.models import Site, Thread
from omdome.web.core.models import Organisation
from omdome.web.people.models import StaffProfile

HOST = "https://www.sundby.se"


def make_organisation(**overrides) -> Organisation:
    values = {"name": "Sundby kommun", "sector": "public", "data_controller": "Sundby kommun",
              "privacy_contact": "dataskydd@sundby.se", "domains": "sundby.se", "customer_word": "invånare",
              "company_word": "kommun", "contact_email": "kontakt@sundby.se", "contact_phone": "0570-123 00"}
    values.update(overrides)
    organisation, _created = Organisation.objects.get_or_create(name=values.pop("name"), defaults=values)
    return organisation


def make_site(organisation: Organisation | None = None, **overrides) -> Site:
    values = {"name": "Sundby kommun", "origins": f"{HOST}\nhttps://sundby.se", "operator": "Sundby kommun",
              "house_rules_url": f"{HOST}/regler"}
    values.update(overrides)
    return Site.objects.create(organisation=organisation or make_organisation(), **values)


def make_thread(site: Site | None = None, path: str = "/nyheter/vagarbete", **overrides) -> Thread:
    """A thread that exists already (pages normally get theirs with the first comment)."""
    site = site or make_site()
    return Thread.objects.create(site=site, url=f"{site.origin_list[0]}{path}", title="Vägarbete", **overrides)


def make_comment(thread: Thread, text: str = "Tack för informationen!", author: str = "Lena", **kwargs):
    """A reader's comment, posted and followed up (its audit entry, its case), as the worker does a
    moment after it is stored."""
    posted = services.post_comment(thread=thread, text=text, author=author, **kwargs)
    followup.drain_all()
    return posted


PASSWORD = "ett-langt-losenord-42"


def make_user(username: str, *roles: str, real_name: str = "Karin Ek", role: str = "Kommunikatör",
              employer: str = "Sundby kommun", permissions=(), **profile):
    """A user in the role groups ``roles`` (admin, communicator, employee, registrar) with a staff profile."""
    first, _sep, last = real_name.partition(" ")
    user = get_user_model().objects.create_user(username, password=PASSWORD, first_name=first, last_name=last,
                                                email=f"{username}@sundby.se")
    for name in roles or ("employee",):
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    if permissions:
        user.user_permissions.add(*Permission.objects.filter(content_type__app_label="comments",
                                                             codename__in=permissions))
    StaffProfile.objects.create(user=user, organisation=make_organisation(name=employer), real_name=real_name,
                                role=role, employer=employer, **profile)
    return user


def make_staff(username: str = "karin", *, roles=("communicator",), **kwargs):
    """A communicator: may read threads, moderate and reply as verified staff."""
    return make_user(username, *roles, **kwargs)


def held_on_a_borderline_score(comment):
    """Store what the fast path says when it holds a harmless comment as borderline hateful.

    Which harmless texts the fast model gets wrong changes with every retraining; the rules
    about what may then happen to the comment should not depend on finding one.
    """
    from omdome.web.comments.models import Comment, Status

    fast = {**comment.triage, "category": "hateful", "confidence": 0.45, "moderation": "hide",
            "reasons": ["model: hateful (0.45)"]}
    Comment.objects.filter(pk=comment.pk).update(status=Status.WITHHELD, category="hateful", confidence=0.45,
                                                 triage=fast)
    comment.refresh_from_db()
    return comment


# Comments a moderator would publish; some with rough words, some with no clear category.
_CANDIDATES = ("Okej, så biblioteket stänger tidigare på fredagar nu?",
               "Vet nån varför biblioteket stänger tidigare nu?", "ok biblioteket fredagar tidigare",
               "Biblioteket ja.", "Intressant att biblioteket stänger tidigare.",
               "Typiskt er att stänga biblioteket igen, jäklar vad trött man blir.",
               "Ni är inte kloka som stänger biblioteket.", "Skit samma, biblioteket är ändå tomt.",
               "Haha biblioteket stänger, vilket skämt", "Biblioteket nu igen.", "biblioteket ok",
               "Biblioteket och sånt.")


def _fast_results() -> list[tuple[str, object]]:
    from omdome.triage.classifier import Triager

    return list(zip(_CANDIDATES, Triager(fast=True).triage_many([(None, t) for t in _CANDIDATES]), strict=True))


def due_texts() -> list[str]:
    """Comments the fast path publishes but the fuller model is asked about (it could withhold them).

    Which texts those are changes with every retraining (as for ``held_on_a_borderline_score``);
    the rules for such a comment should not depend on one text.
    """
    from omdome.web.comments.rescoring import worth_rescoring

    found = [text for text, result in _fast_results() if result.moderation == "keep" and worth_rescoring(result)]
    assert found, "the fast path is sure every candidate is harmless now: add a rougher one"
    return found


def asked_only_about_threats(comment):
    """Mark a published comment as the fast path marks a harmless one it gives some chance of being a
    threat: due for a re-score that asks only that. Which texts those are changes with every
    retraining (as for ``held_on_a_borderline_score``)."""
    from omdome.web.comments.models import Comment
    from omdome.web.comments.rescoring import PURPOSE_THREAT

    triage = {**comment.triage, "rescore_for": PURPOSE_THREAT}
    Comment.objects.filter(pk=comment.pk).update(triage=triage, rescore_due=True)
    comment.refresh_from_db()
    return comment


def hesitant_text() -> str:
    """A harmless comment the fast path hesitates over (a question or a complaint?) and keeps its label for."""
    from omdome.web.comments.rescoring import worth_rescoring

    found = [text for text, result in _fast_results()
             if result.confidence < 0.6 and result.moderation == "keep" and not worth_rescoring(result)]
    assert found, "the fast path is sure of every harmless candidate now: add an ambiguous one"
    return found[0]
