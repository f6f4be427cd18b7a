"""Why a comment was not accepted: a code for programs, a message for people."""

from __future__ import annotations

from omdome.web.core.errors import ServiceError


class CommentRejected(ServiceError):
    """Raised by the pipeline and the services; the API turns it into a JSON error."""


class ThinkTwice(CommentRejected):
    """The text looks hateful: the writer is asked to rephrase; sending it anyway holds it."""

    status = 409
