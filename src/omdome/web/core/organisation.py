"""Which organisation the app serves. One installation serves one organisation; the model allows
more, and every site, profile and policy names its own."""

from __future__ import annotations

from omdome.web.core.models import Organisation


def current_organisation() -> Organisation | None:
    return Organisation.objects.order_by("pk").first()


# The placeholder ``make run`` creates for its demo site, before anyone has named the organisation.
DEMO_NAME = "Omdöme (demo)"


def organisation_or_default(name: str = "", *, sector: str | None = None,
                            language: str | None = None) -> Organisation:
    """The organisation of that name; else the installation's own, named ``name`` if it was only
    the demo placeholder; else a new one. ``sector`` and ``language``, when given, are set on it.

    One installation serves one organisation: the first administrator names the demo
    placeholder rather than starting a second organisation beside it.
    """
    organisation = Organisation.objects.filter(name=name).first() if name else None
    if organisation is None:
        existing = current_organisation()
        if existing is not None and (not name or existing.name == DEMO_NAME):
            organisation = existing
            if name:
                organisation.name = name
                organisation.data_controller = name if existing.data_controller == DEMO_NAME else \
                    existing.data_controller
        else:
            organisation = Organisation(name=name or "Organisation", data_controller=name)
    if sector:
        organisation.sector = sector
    if language:
        organisation.language = language
    organisation.save()
    return organisation


def organisation_for(user) -> Organisation | None:  # type: ignore[no-untyped-def]
    """The organisation a signed-in user works for (their profile's), else the installation's."""
    profile = getattr(user, "staff_profile", None) if getattr(user, "is_authenticated", False) else None
    if profile is not None and profile.organisation_id is not None:
        return profile.organisation
    return current_organisation()
