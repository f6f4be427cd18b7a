"""Start page, login and logout, the audit log: thin views over the core services."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from omdome.web.core import audit
from omdome.web.core.models import AuditEntry
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.core.throttle import ThrottledLoginForm


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"organisation": organisation_for(request.user)})


class LoginView(auth_views.LoginView):
    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):  # type: ignore[no-untyped-def]
        from django.conf import settings

        return {**super().get_context_data(**kwargs), "sso": settings.OMDOME_OIDC_ENABLED}


@role_required(Role.ADMIN, Role.REGISTRAR)
def audit_log(request: HttpRequest) -> HttpResponse:
    page = Paginator(AuditEntry.objects.select_related("actor"), 100).get_page(request.GET.get("page"))
    checked = audit.verify() if request.GET.get("verify") else None
    return render(request, "core/audit.html", {"page": page, "verification": checked})
