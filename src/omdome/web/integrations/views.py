"""The doors other comment systems knock on, and the administrator's page that opens them."""

from __future__ import annotations

import json

from django.contrib import messages as notices
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from omdome.web.core import ratelimit
from omdome.web.core.clientip import client_ip, rate_key
from omdome.web.core.errors import ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.integrations import services
from omdome.web.integrations.forms import IntegrationForm
from omdome.web.integrations.models import Integration, Kind


def _problem(error: ServiceError) -> JsonResponse:
    response = JsonResponse(error.to_dict(), status=error.status)
    if "retry_after" in error.extra:
        response["Retry-After"] = str(error.extra["retry_after"])
    return response


def _checked(request: HttpRequest, token: str, kind: str) -> tuple[Integration, object]:
    """The system behind the address, its request's signature checked, and the body read as JSON."""
    ip = client_ip(request)
    integration = services.by_token(token)
    if integration is None or integration.kind != kind:
        raise ServiceError("not_found", _("There is no such comment system."), status=404)
    body = request.body
    if kind == Kind.CORAL:
        signed = services.coral_signed(integration, body, request.headers.get("X-Coral-Signature", ""))
    else:
        signed = services.webhook_signed(integration, body, request.headers.get("X-Omdome-Timestamp", ""),
                                         request.headers.get("X-Omdome-Signature", ""))
    if not signed:
        # Only refused requests count against the address (a busy Coral sends every comment from
        # one server); past the limit they are still refused, without an audit entry each.
        ratelimit.hit("attempt", f"hook:{rate_key(ip) if ip else '-'}")
        services.refuse(integration, "signature", ip)
        raise ServiceError("unsigned", _("The request's signature does not match this system's secret."),
                           status=401)
    try:
        return integration, json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ServiceError("invalid", _("The request body is not valid JSON.")) from None


@csrf_exempt
@require_POST
def coral(request: HttpRequest, token: str) -> HttpResponse:
    """Coral's external moderation phase: 200 with a decision, or 204 when there is none."""
    try:
        integration, payload = _checked(request, token, Kind.CORAL)
        answer = services.coral_decision(integration, payload)
    except ServiceError as error:
        return _problem(error)
    return JsonResponse(answer) if answer else HttpResponse(status=204)


@csrf_exempt
@require_POST
def webhook(request: HttpRequest, token: str) -> HttpResponse:
    try:
        integration, payload = _checked(request, token, Kind.WEBHOOK)
        return JsonResponse(services.receive(integration, payload))
    except ServiceError as error:
        return _problem(error)


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def integration_list(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for(request.user)
    form = IntegrationForm(request.POST or None)
    secret, made = None, None
    if request.method == "POST" and form.is_valid():
        try:
            made, secret = services.connect(by=request.user, organisation=organisation, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            form = IntegrationForm()
            if made.kind == Kind.CORAL:
                secret = None  # Coral's own secret: the administrator has it already
    systems = list(Integration.objects.filter(organisation=organisation))
    for system in systems:
        path = "coral" if system.kind == Kind.CORAL else "in"
        system.address = request.build_absolute_uri(f"/hooks/{path}/{system.token}/")
    return render(request, "integrations/list.html", {"form": form, "secret": secret, "made": made,
                                                      "systems": systems})


@role_required(Role.ADMIN)
@require_POST
def disconnect(request: HttpRequest, integration_id: int) -> HttpResponse:
    integration = services.disconnect(by=request.user, organisation=organisation_for(request.user),
                                      integration_id=integration_id)
    notices.success(request, _("“%(name)s” can no longer send comments.") % {"name": integration.name})
    return redirect("integrations:list")
