"""Errors in the shape the caller reads: a page for people, the API's JSON for programs."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from omdome.web.core.errors import ServiceError


class ServiceErrorMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ServiceError) or request.path.startswith("/api/"):
            return None
        return render(request, "core/error.html", {"error": exception}, status=exception.status)


class ApiMethodNotAllowedMiddleware:
    """The API framework answers an unsupported method with a bare HTML 405; the API's callers read
    every error as ``{"code", "message"}``."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (response.status_code == 405 and request.path.startswith("/api/")
                and not response.get("Content-Type", "").startswith("application/json")):
            allowed = response.get("Allow", "")
            response = JsonResponse({"code": "method_not_allowed", "message": _(
                "This address does not take %(method)s requests; it takes %(allowed)s.")
                % {"method": request.method, "allowed": allowed or "-"}}, status=405)
            if allowed:
                response["Allow"] = allowed
        return response
