"""CORS for the widget: the API answers browsers only on the pages of registered sites."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from omdome.web.comments.sites import sites_by_origin
from omdome.web.comments.threadkey import is_local_origin, normalize_origin

PUBLIC_PREFIXES = ("/api/comments", "/widget.")
ALLOWED_HEADERS = "Content-Type, X-Omdome-Edit-Token, Idempotency-Key"
ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS"


def allowed_origin(origin: str) -> bool:
    from django.conf import settings

    origin = normalize_origin(origin)
    if settings.DEBUG and is_local_origin(origin):
        return True
    return origin in sites_by_origin()


class SiteCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        origin = request.headers.get("Origin")
        public = request.path.startswith(PUBLIC_PREFIXES)
        if public and origin and request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
            if allowed_origin(origin):
                response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
                response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
                response["Access-Control-Max-Age"] = "600"
                response["Access-Control-Allow-Origin"] = origin
            patch_vary_headers(response, ["Origin"])
            return response
        response = self.get_response(request)
        if public:
            patch_vary_headers(response, ["Origin"])
            if origin and allowed_origin(origin):
                response["Access-Control-Allow-Origin"] = origin
        return response
