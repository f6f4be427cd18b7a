"""Which organisation the app serves. One installation serves one organisation; the model allows
more, and every site, profile and policy names its own."""

from __future__ import annotations

from omdome.web.core.models import Organisation


def current_organisation() -> Organisation | None:
    return Organisation.objects.order_by("pk").first()


def organisation_or_default(name: str = "") -> Organisation:
    """The organisation of that name, else the first one, else a new one named ``name``."""
    if name:
        found = Organisation.objects.filter(name=name).first()
        if found is not None:
            return found
    existing = current_organisation()
    if existing is not None and not name:
        return existing
    organisation, _created = Organisation.objects.get_or_create(name=name or "Organisation")
    return organisation


def organisation_for(user) -> Organisation | None:  # type: ignore[no-untyped-def]
    """The organisation a signed-in user works for (their profile's), else the installation's."""
    profile = getattr(user, "staff_profile", None) if getattr(user, "is_authenticated", False) else None
    if profile is not None and profile.organisation_id is not None:
        return profile.organisation
    return current_organisation()
