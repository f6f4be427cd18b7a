"""POST /v1alpha1/comments:analyze and :suggestscore for Perspective clients; the admin's key page."""

from __future__ import annotations

import json
import logging

from django.contrib import messages as notices
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from omdome.web.analysis import perspective, services
from omdome.web.analysis.forms import KeyForm
from omdome.web.analysis.models import AnalysisKey
from omdome.web.core.errors import ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required

log = logging.getLogger("omdome.analysis")


def _answer(data: dict[str, object], status: int = 200, retry_after: int | None = None) -> HttpResponse:
    response = HttpResponse(json.dumps(data, ensure_ascii=False), status=status,
                            content_type="application/json; charset=utf-8")
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def _refused(error: perspective.PerspectiveError, retry_after: int | None = None) -> HttpResponse:
    return _answer(error.to_dict(), error.code, retry_after)


def _client(request: HttpRequest) -> services.ActiveKey:
    """The key's client, as Google's APIs take a key: ``?key=`` or the X-Goog-Api-Key header."""
    secret = request.GET.get("key") or request.headers.get("X-Goog-Api-Key") or ""
    if not secret:
        raise perspective.PerspectiveError("The request is missing a valid API key.", error_type="",
                                           code=403, status="PERMISSION_DENIED")
    key = services.active_key(secret)
    if key is None:
        log.warning("analysis refused: unknown or revoked key %s…", secret[:8])
        raise perspective.PerspectiveError("API key not valid. Please pass a valid API key.", error_type="")
    try:
        services.check_rate(key)
    except ServiceError as error:
        raise perspective.PerspectiveError(
            f"Quota exceeded: this key may make {key.per_minute} requests per minute.", error_type="",
            code=429, status="RESOURCE_EXHAUSTED", detail={"retryAfter": error.extra.get("retry_after")}) from None
    services.usage.count(key.id)
    return key


def _body(request: HttpRequest) -> bytes:
    try:
        return request.body
    except RequestDataTooBig:
        raise perspective.PerspectiveError(
            f"Comment text too long: at most {perspective.MAX_COMMENT_BYTES} bytes of UTF-8.",
            error_type="COMMENT_TOO_LONG") from None


def _only_post(request: HttpRequest) -> None:
    if request.method != "POST":
        raise perspective.PerspectiveError("Only POST is supported here.", error_type="", code=405,
                                           status="UNIMPLEMENTED")


@csrf_exempt
def analyze(request: HttpRequest) -> HttpResponse:
    try:
        _only_post(request)
        key = _client(request)
        return _answer(services.analyze(key, perspective.parse_analyze(_body(request))))
    except perspective.PerspectiveError as error:
        return _refused(error, (error.detail or {}).get("retryAfter"))  # type: ignore[arg-type]


@csrf_exempt
def suggest_score(request: HttpRequest) -> HttpResponse:
    try:
        _only_post(request)
        key = _client(request)
        text, scores, token = perspective.parse_suggest(_body(request))
        return _answer(services.suggest(key, text, scores, token))
    except perspective.PerspectiveError as error:
        return _refused(error, (error.detail or {}).get("retryAfter"))  # type: ignore[arg-type]


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def keys(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for(request.user)
    form = KeyForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _key, secret = services.issue_key(by=request.user, organisation=organisation, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            form = KeyForm()
    services.usage.flush()  # this process's uncounted requests, so the page is up to date
    return render(request, "analysis/keys.html", {
        "form": form, "secret": secret, "keys": AnalysisKey.objects.filter(organisation=organisation),
        "endpoint": request.build_absolute_uri("/v1alpha1")})


@role_required(Role.ADMIN)
@require_POST
def revoke(request: HttpRequest, key_id: int) -> HttpResponse:
    key = services.revoke_key(by=request.user, organisation=organisation_for(request.user), key_id=key_id)
    notices.success(request, _("The key for “%(name)s” no longer works.") % {"name": key.name})
    return redirect("analysis:keys")
