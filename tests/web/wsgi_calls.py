"""Call a WSGI application as gunicorn would, and collect its answer."""

from __future__ import annotations

from wsgiref.util import setup_testing_defaults


def call(app, environ: dict) -> tuple[str, dict, bytes]:  # type: ignore[no-untyped-def]
    """The status, headers and body ``app`` answers ``environ`` with (filled in as a server would)."""
    setup_testing_defaults(environ)
    answer: dict = {}
    body = b"".join(app(environ, lambda status, headers, exc_info=None: answer.update(status=status,
                                                                                     headers=dict(headers))))
    return answer["status"], answer["headers"], body
