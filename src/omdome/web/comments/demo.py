"""A demo site with a few threads, so the widget can be tried at once under ``make run``."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from omdome.web.comments import followup, services
from omdome.web.comments.models import Thread
from omdome.web.comments.sites import demo_site

DEMO_BASE = "http://127.0.0.1:8000/demo/"

PAGES = {
    "vagarbete": ("Vägarbete på Storgatan i vecka 12", [
        ("Lena", "Bra att ni informerar i god tid! Tack.", None),
        ("Per", "Hur kommer bussarna att gå under vägarbetet?", None),
        ("Jonas", "Tredje gången i år som gatan grävs upp. Ingen verkar planera något här.", None),
    ]),
    "skolmat": ("Ny meny i skolrestaurangerna", [
        ("Sara", "Mina barn älskar den nya vegetariska lasagnen!", None),
        ("Ahmed", "Serveras det fortfarande laktosfri mjölk?", None),
    ]),
    "biblioteket": ("Biblioteket får längre öppettider", [
        ("Maja", "Äntligen söndagsöppet, det har vi väntat på.", None),
    ]),
}


def demo_staff():  # type: ignore[no-untyped-def]
    from omdome.web.people.models import StaffProfile

    user, created = get_user_model().objects.get_or_create(username="demo-karin",
                                                           defaults={"first_name": "Karin", "last_name": "Ek"})
    if created:
        from django.contrib.auth.models import Group

        from omdome.web.core.roles import Role

        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=Role.COMMUNICATOR.value)[0])
        StaffProfile.objects.create(user=user, organisation=demo_site().organisation, real_name="Karin Ek",
                                    role="Kommunikatör", employer="Sundby kommun (demo)",
                                    expertise="trafik, vägarbeten")
    return user


@transaction.atomic
def load_demo() -> int:
    """Create the demo threads with their comments once; a second call changes nothing."""
    site = demo_site()
    for slug, (title, comments) in PAGES.items():
        thread, created = Thread.objects.get_or_create(url=f"{DEMO_BASE}{slug}/",
                                                       defaults={"site": site, "title": title})
        if not created:
            continue
        for author, text, parent in comments:
            services.post_comment(thread=thread, text=text, author=author, parent=parent, confirmed=True)
        if slug == "vagarbete":
            question = thread.comments.get(author="Per")
            services.post_staff_reply(
                user=demo_staff(), thread=thread, parent=question.pk,
                text="Hej Per! Bussarna kör en omväg via Kyrkvägen, och hållplatsen Storgatan flyttas "
                     "50 meter. Tidtabellen är densamma. /Karin, kommunikatör")
    followup.drain_all()  # the demo complaint's case is there at once, worker or not
    return len(PAGES)


def is_demo_enabled() -> bool:
    return bool(settings.DEBUG)
