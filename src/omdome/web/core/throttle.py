"""Login throttling: after too many failed logins for one user name or from one address, wait.

Failures are counted in the database (the same atomic counters as the public rate limits),
so every web worker sees the same count.
"""

from __future__ import annotations

import contextlib

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext as _

from omdome.web.core import ratelimit
from omdome.web.core.clientip import client_ip, rate_key
from omdome.web.core.errors import ServiceError


def _keys(request, username: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    keys = [("login_user", username.strip().lower())]
    if request is not None and (ip := client_ip(request)):
        keys.append(("login_ip", rate_key(ip)))
    return keys


class ThrottledLoginForm(AuthenticationForm):
    """Refuses to check a password while the user name or the address is throttled."""

    def clean(self):  # type: ignore[no-untyped-def]
        username = self.cleaned_data.get("username") or ""
        keys = _keys(self.request, username)
        for scope, key in keys:
            if ratelimit.count(scope, key) >= ratelimit.limit_of(scope)[0]:
                raise forms.ValidationError(_("Too many failed logins. Wait a while and try again."),
                                            code="throttled")
        try:
            return super().clean()
        except forms.ValidationError:
            for scope, key in keys:
                with contextlib.suppress(ServiceError):  # the next attempt is refused above
                    ratelimit.hit(scope, key)
            raise
