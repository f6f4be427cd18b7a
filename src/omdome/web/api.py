"""The project's JSON API: each app exposes a router, added here in one visible list."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from omdome import __version__
from omdome.web.comments.api import router as comments_router
from omdome.web.core.errors import ServiceError
from omdome.web.thinktwice.api import router as thinktwice_router

api = NinjaAPI(title="Omdöme", version=__version__, urls_namespace="api",
               description="Comments with the organisation's social-media policy built in.")
api.add_router("/", comments_router)
api.add_router("/", thinktwice_router)


@api.exception_handler(ServiceError)
def rejected(request: HttpRequest, error: ServiceError):
    response = api.create_response(request, error.to_dict(), status=error.status)
    if "retry_after" in error.extra:
        response["Retry-After"] = str(error.extra["retry_after"])
    return response


# pydantic's error types, in the reader's language (its own messages are English only).
VALIDATION_MESSAGES = {
    "missing": gettext_lazy("this field is required"),
    "string_too_long": gettext_lazy("at most %(max_length)s characters"),
    "string_too_short": gettext_lazy("at least %(min_length)s characters"),
    "string_type": gettext_lazy("must be text"),
    "int_type": gettext_lazy("must be a whole number"),
    "int_parsing": gettext_lazy("must be a whole number"),
    "bool_type": gettext_lazy("must be true or false"),
    "bool_parsing": gettext_lazy("must be true or false"),
    "json_invalid": gettext_lazy("the request body is not valid JSON"),
    "model_attributes_type": gettext_lazy("the request body must be a JSON object"),
    "dict_type": gettext_lazy("the request body must be a JSON object"),
}


def validation_message(problem: dict) -> str:
    template = VALIDATION_MESSAGES.get(problem.get("type", ""))
    if template is None:
        return _("the value is not valid")
    return str(template) % {k: v for k, v in (problem.get("ctx") or {}).items()} if "%(" in str(template) \
        else str(template)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, error: ValidationError):
    first = error.errors[0] if error.errors else {}
    location = [str(part) for part in first.get("loc", ()) if part not in ("body", "data", "query")]
    field = location[0] if location else None
    text = validation_message(first)
    message = f"{field}: {text}" if field else text
    return api.create_response(request, {"code": "invalid", "field": field, "message": message}, status=400)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, error: AuthenticationError):
    return api.create_response(request, {"code": "unauthorized", "message": _(
        "Send a personal API token: Authorization: Bearer omd_… (make one on /think-twice/tokens/).")}, status=401)


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, error: RequestDataTooBig):
    return api.create_response(request, {"code": "too_large", "message": _("The request is too large.")},
                               status=413)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError):
    # Bodies that are not JSON, and the like: same error shape as everything else.
    if error.status_code == 400:  # django-ninja could not read the body
        message = str(VALIDATION_MESSAGES["json_invalid"])
        return api.create_response(request, {"code": "invalid", "message": message}, status=400)
    return api.create_response(request, {"code": "error", "message": str(error)}, status=error.status_code)
