"""Thread reads served from the cache before Django's request machinery: the busiest request of all.

A widget on a busy page asks for the same thread again and again. When this process already has
the page for the thread's current revision (``reading``), the answer is those bytes with the
headers Django's own answer had, the reader's address counted against the read limit and CORS
decided as the middleware would. Anything else — no page in the cache yet, a parameter that is
not plain, a refused origin, the read limit passed — goes to Django as usual, which answers
and fills the cache.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from django.core import signals
from django.db import DatabaseError

PATH = "/api/comments"
# Per-request headers, never copied from one answer to another.
OWN_HEADERS = {"content-length", "content-language", "access-control-allow-origin", "date", "set-cookie"}


class LearnsHeaders:
    """WSGI middleware around Django's application that answers some requests itself, with the
    headers Django's own last answer of status ``learns_from`` had, less the per-request ones."""

    learns_from = "200 "
    own_headers = OWN_HEADERS

    def __init__(self, application):  # type: ignore[no-untyped-def]
        self.application = application
        self.headers: list[tuple[str, str]] | None = None

    def _learning(self, start_response):  # type: ignore[no-untyped-def]
        def learn(status, headers, exc_info=None):  # type: ignore[no-untyped-def]
            if status.startswith(self.learns_from) and exc_info is None:
                self.headers = [(k, v) for k, v in headers if k.lower() not in self.own_headers]
            return start_response(status, headers, exc_info)

        return learn


class ThreadReadCache(LearnsHeaders):
    """Thread reads, with the headers of Django's last thread read."""

    def __call__(self, environ, start_response):  # type: ignore[no-untyped-def]
        if environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") == PATH and self.headers is not None:
            answer = self._from_cache(environ)
            if answer is not None:
                start_response("200 OK", answer[0])
                return [answer[1]]
        if environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") == PATH:
            return self.application(environ, self._learning(start_response))
        return self.application(environ, start_response)

    def _from_cache(self, environ) -> tuple[list[tuple[str, str]], bytes] | None:  # type: ignore[no-untyped-def]
        from omdome.web.comments.cors import allowed_origin
        from omdome.web.comments.listing import MAX_PAGE_SIZE, PAGE_SIZE
        from omdome.web.comments.reading import cached_json
        from omdome.web.comments.threadkey import BadThreadURL, normalize_thread_url
        from omdome.web.core import ratelimit
        from omdome.web.core.clientip import client_ip, rate_key
        from omdome.web.core.errors import ServiceError

        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if set(query) - {"thread", "offset", "limit", "order"} or any(len(v) != 1 for v in query.values()):
            return None
        try:
            url = normalize_thread_url(query["thread"][0])
            offset = int(query.get("offset", ["0"])[0])
            limit = int(query.get("limit", [str(PAGE_SIZE)])[0])
        except (KeyError, ValueError, BadThreadURL):
            return None
        order = query.get("order", ["oldest"])[0]
        if not (0 <= offset <= 10**7 and 1 <= limit <= MAX_PAGE_SIZE and order in ("oldest", "newest")):
            return None
        origin = environ.get("HTTP_ORIGIN")
        if origin and not allowed_origin(origin):
            return None
        signals.request_started.send(sender=self.__class__, environ=environ)  # the connection's age checks
        try:
            body = cached_json(url, offset=offset, limit=limit, newest_first=order == "newest")
            if body is None:
                return None
            if ip := client_ip(_Request(environ)):
                try:
                    ratelimit.hit("read", rate_key(ip))
                except ServiceError:
                    return None  # Django counts it once more and answers 429 in the reader's language
        except DatabaseError:
            return None
        finally:
            signals.request_finished.send(sender=self.__class__)
        headers = [*self.headers, ("Content-Length", str(len(body)))]
        if origin:
            headers.append(("Access-Control-Allow-Origin", origin))
        return headers, body


class _Request:
    """What ``client_ip`` reads of a request."""

    def __init__(self, environ):  # type: ignore[no-untyped-def]
        self.META = environ
