"""Which site a page belongs to, and the thread of a page (created on first use)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from omdome.web.comments.errors import CommentRejected
from omdome.web.comments.models import Site, Thread
from omdome.web.comments.threadkey import BadThreadURL, is_local_origin, normalize_origin, normalize_thread_url
from omdome.web.core.memo import Memo
from omdome.web.core.models import Organisation
from omdome.web.core.organisation import DEMO_NAME, current_organisation

DEMO_SITE_NAME = "Demo (localhost)"


_sites: Memo[dict[str, Site]] = Memo(seconds=10)


def sites_by_origin() -> dict[str, Site]:
    """Every registered origin and its site (with its organisation), read at most every few seconds."""
    def read() -> dict[str, Site]:
        found: dict[str, Site] = {}
        for site in Site.objects.select_related("organisation").order_by("pk"):
            for origin in site.origin_list:
                found.setdefault(origin, site)
        return found

    return _sites.get("all", read)


def site_by_id(site_id: int) -> Site | None:
    return next((site for site in sites_by_origin().values() if site.pk == site_id), None)


def forget_sites(**kwargs) -> None:  # type: ignore[no-untyped-def]
    """A site changed in this process: read them again (other processes do within seconds)."""
    _sites.forget()


def site_for_origin(origin: str) -> Site | None:
    """The registered site that allows ``origin``; in development, local pages get the demo site."""
    origin = normalize_origin(origin)
    site = sites_by_origin().get(origin)
    if site is not None:
        return site
    if settings.DEBUG and is_local_origin(origin):
        return demo_site()
    return None


def demo_site() -> Site:
    site = Site.objects.filter(name=DEMO_SITE_NAME).first()
    if site is None:
        organisation = current_organisation() or Organisation.objects.create(
            name=DEMO_NAME, sector="public", data_controller=DEMO_NAME)
        site, _created = Site.objects.get_or_create(
            name=DEMO_SITE_NAME,
            defaults={"organisation": organisation,
                      "origins": "http://localhost\nhttp://127.0.0.1\nhttp://localhost:8000\nhttp://127.0.0.1:8000",
                      "operator": "Omdöme (demo)", "retention_days": 30},
        )
    return site


def thread_url_or_error(url: str) -> str:
    try:
        return normalize_thread_url(url)
    except BadThreadURL as error:
        raise CommentRejected("invalid", _("The page address is not valid: %(error)s") % {"error": error},
                              field="thread") from None


def find_thread(url: str) -> Thread | None:
    return Thread.objects.select_related("site").filter(url=thread_url_or_error(url)).first()


def origin_allowed(site: Site, origin: str) -> bool:
    origin = normalize_origin(origin)
    return origin in site.origin_list or (settings.DEBUG and is_local_origin(origin))
