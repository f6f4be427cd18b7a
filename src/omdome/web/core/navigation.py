"""The main navigation: each entry names the roles that see it (the views check the same roles)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from omdome.web.core.roles import Role, has_role


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    help: str | Promise
    roles: tuple[Role, ...]


NAVIGATION: list[NavItem] = [
    NavItem("comments:thread_list", _("Comments"), _("the threads on the organisation's sites, and staff replies"),
            (Role.COMMUNICATOR, Role.REGISTRAR)),
    NavItem("core:audit", _("Audit log"), _("every decision, in a chain that cannot be changed unnoticed"),
            (Role.ADMIN, Role.REGISTRAR)),
]


def register(item: NavItem) -> None:
    """Apps add their entries from AppConfig.ready()."""
    if any(existing.url_name == item.url_name for existing in NAVIGATION):
        return
    NAVIGATION.append(item)


def nav_items(request: HttpRequest) -> dict[str, object]:
    """A context processor: the entries the current user may use."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for item in NAVIGATION:
        if not has_role(user, *item.roles):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": item.label, "help": item.help, "current": False})
    # The page belongs to the entry with the longest address it starts with (/policy/versions/
    # is "Policy versions", not "Our policy").
    matching = [i for i in items if request.path.startswith(i["url"]) and i["url"] != "/"]
    if matching:
        max(matching, key=lambda i: len(i["url"]))["current"] = True
    return {"nav_items": items}
