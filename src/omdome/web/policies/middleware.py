"""Until an employee has acknowledged the current policy, pages send them to read it first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

# Pages that must work before the policy is acknowledged (or are no pages at all).
OPEN_PREFIXES = ("/policy/", "/logout/", "/login/", "/static/", "/api/", "/i18n/", "/password/", "/admin/",
                 "/widget.", "/healthz", "/feeds/", "/demo/", "/favicon.ico")


class AcknowledgementMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (request.method == "GET" and request.user.is_authenticated
                and not request.path.startswith(OPEN_PREFIXES)):
            from omdome.web.policies.services import needs_acknowledgement

            if needs_acknowledgement(request.user) is not None:
                return redirect(f"{reverse('policies:acknowledge')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
