"""Single sign-on through the organisation's OpenID Connect provider (Entra ID, Keycloak, Google …).

Switched on by OMDOME_OIDC_CLIENT_ID and the provider's endpoints in the environment (see
settings). A person signing in for the first time becomes an employee of the organisation,
matched by e-mail address when an account exists already.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from omdome.web.core import audit
from omdome.web.core.organisation import current_organisation
from omdome.web.core.roles import Role


class OmdomeOIDCBackend(OIDCAuthenticationBackend):
    def create_user(self, claims):  # type: ignore[no-untyped-def]
        from omdome.web.people.models import StaffProfile

        user = super().create_user(claims)
        user.first_name = (claims.get("given_name") or "")[:150]
        user.last_name = (claims.get("family_name") or "")[:150]
        user.save(update_fields=["first_name", "last_name"])
        user.groups.add(Group.objects.get_or_create(name=Role.EMPLOYEE.value)[0])
        organisation = current_organisation()
        StaffProfile.objects.get_or_create(user=user, defaults={
            "organisation": organisation, "real_name": claims.get("name") or user.get_full_name(),
            "employer": organisation.name if organisation else "", "work_email": user.email})
        audit.record("people.created_by_sso", target=user, email=user.email)
        return user
