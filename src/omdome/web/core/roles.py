"""The four roles, as Django groups, and the checks every view and endpoint makes on the server.

A role is a group of permissions; a superuser counts as every role. Views ask for a role with
``role_required``; services check the permission they need themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omdome.web.core.errors import NotAllowed


class Role(StrEnum):
    ADMIN = "admin"
    COMMUNICATOR = "communicator"
    EMPLOYEE = "employee"
    REGISTRAR = "registrar"


ROLE_LABELS = {
    Role.ADMIN: gettext_lazy("administrator"),
    Role.COMMUNICATOR: gettext_lazy("communicator"),
    Role.EMPLOYEE: gettext_lazy("employee"),
    Role.REGISTRAR: gettext_lazy("registrar"),
}

# What each role may do, as "app_label.codename". Every role is an employee too.
ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.EMPLOYEE: (),
    Role.COMMUNICATOR: ("comments.view_comment", "comments.change_comment", "comments.reply_as_staff",
                        "comments.view_thread", "comments.change_thread", "comments.view_moderationevent"),
    Role.REGISTRAR: ("comments.view_comment", "comments.view_thread", "core.view_auditentry",
                     "comments.view_contact_details"),
    Role.ADMIN: ("core.view_organisation", "core.change_organisation", "core.view_auditentry",
                 "policies.view_policyversion", "policies.add_policyversion", "policies.change_policyversion",
                 "policies.approve_policyversion", "policies.view_acknowledgement",
                 "comments.view_site", "comments.change_site", "comments.add_site",
                 "people.view_staffprofile", "people.change_staffprofile", "people.add_staffprofile",
                 "cases.view_servicelevel", "cases.change_servicelevel", "cases.add_servicelevel"),
}


def roles_of(user) -> set[Role]:  # type: ignore[no-untyped-def]
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return set(Role)
    cached = getattr(user, "_omdome_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = {r for r in Role if r.value in names}
        if cached:
            cached.add(Role.EMPLOYEE)
        user._omdome_roles = cached
    return cached


def has_role(user, *roles: Role) -> bool:  # type: ignore[no-untyped-def]
    """Whether the user holds one of ``roles`` (an admin holds every role)."""
    held = roles_of(user)
    return Role.ADMIN in held or any(r in held for r in roles)


def require_role(user, *roles: Role) -> None:  # type: ignore[no-untyped-def]
    if not has_role(user, *roles):
        raise NotAllowed("forbidden", _("Your role does not allow this."))


def role_required(*roles: Role) -> Callable:
    """A view decorator: log in first, then hold one of ``roles`` (403 otherwise)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):  # type: ignore[no-untyped-def]
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require_role(request.user, *roles)
            return view(request, *args, **kwargs)

        wrapped.required_roles = roles  # type: ignore[attr-defined]
        return wrapped

    return decorator
