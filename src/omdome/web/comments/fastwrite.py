"""Readers' comments written past Django's request machinery: the widget's POST, the busiest write.

Every comment a reader sends runs the same service as the API view (``api.write_comment``): the
pipeline, the one write transaction, the same answer. What the lane leaves out is the request
machinery around it, which for this request does nothing but add headers: the middleware chain
and django-ninja's parsing and response validation took about a fifth of the CPU of a POST.

So, as the read cache does (``fastread``), the lane learns the headers Django's own answer to a
written comment had, and answers later ones itself: with those headers, the reader's language as
LocaleMiddleware would choose it, and CORS decided as the middleware would. Whatever it does not
take — before Django has answered once, a body that is not a plain JSON comment, a host Django
would refuse, a plain-HTTP request Django would redirect — goes to Django untouched, which answers
as it always does. Errors the service raises get the API's own error answer; anything unexpected
gets Django's own 500.
"""

from __future__ import annotations

import io

from omdome.web.comments.fastread import OWN_HEADERS, LearnsHeaders

PATH = "/api/comments"


class CommentWriteLane(LearnsHeaders):
    """Readers' comments, with the headers of Django's last answer to a written comment."""

    learns_from = "201 "
    own_headers = OWN_HEADERS | {"content-type", "retry-after"}

    def __call__(self, environ, start_response):  # type: ignore[no-untyped-def]
        if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != PATH:
            return self.application(environ, start_response)
        if self.headers is None:
            return self.application(environ, self._learning(start_response))
        body = _plain_json_body(environ)
        if body is None:
            return self.application(environ, start_response)
        answer = self._write(environ, body)
        if answer is None:  # Django reads the body as if nobody had
            environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
            return self.application(environ, start_response)
        status, headers, content = answer
        start_response(status, headers)
        return [content]

    def _write(self, environ, body: bytes) -> tuple[str, list[tuple[str, str]], bytes] | None:  # type: ignore[no-untyped-def]
        from django.conf import settings
        from django.core import signals
        from django.core.exceptions import DisallowedHost
        from django.core.handlers.exception import response_for_exception
        from django.core.handlers.wsgi import WSGIRequest
        from django.utils import translation
        from pydantic import ValidationError

        from omdome.web.api import api
        from omdome.web.comments.api import CommentIn, write_comment
        from omdome.web.comments.cors import allowed_origin
        from omdome.web.core.errors import ServiceError

        request = WSGIRequest(environ)
        try:
            request.get_host()
        except DisallowedHost:
            return None
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return None
        try:
            data = CommentIn.model_validate_json(body)
        except ValidationError:
            return None  # Django says what is wrong, in the API's own words
        signals.request_started.send(sender=self.__class__, environ=environ)  # the connection's age checks
        try:
            language = translation.get_language_from_request(request)
            with translation.override(language):
                try:
                    response = api.create_response(
                        request, write_comment(request, data, request.headers.get("Idempotency-Key", "")),
                        status=201)
                except ServiceError as error:
                    response = api.on_exception(request, error)
                language = translation.get_language()
        except Exception as error:  # noqa: BLE001 — Django's own 500, logged as Django logs it
            response, language = response_for_exception(request, error), None
        finally:
            signals.request_finished.send(sender=self.__class__)
        headers = [*self.headers, *response.items(), ("Content-Length", str(len(response.content)))]
        if language:
            headers.append(("Content-Language", language))
        origin = request.headers.get("Origin")
        if origin and allowed_origin(origin):
            headers.append(("Access-Control-Allow-Origin", origin))
        return f"{response.status_code} {response.reason_phrase}", headers, response.content


def _plain_json_body(environ) -> bytes | None:  # type: ignore[no-untyped-def]
    """The body of a POST the lane may take: JSON, no query, a stated length within Django's limit."""
    from django.conf import settings

    if environ.get("QUERY_STRING") or environ.get("CONTENT_TYPE", "").split(";")[0].strip() != "application/json":
        return None
    try:
        length = int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if not 0 < length <= (limit if limit is not None else length):
        return None
    stream, parts, left = environ["wsgi.input"], [], length
    while left > 0:
        part = stream.read(left)
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)
