"""The one error type services raise: a stable code for programs, a message for people.

The API and the HTML views each map it to a response in one place (``omdome.web.api`` and
``ServiceErrorMiddleware``), so a service never needs to know who called it.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A request a service refuses: what is wrong, where (``field``), and the HTTP status."""

    status = 400

    def __init__(self, code: str, message: str, *, field: str | None = None, status: int | None = None,
                 **extra: object):
        super().__init__(message)
        self.code, self.message, self.field, self.extra = code, message, field, extra
        if status is not None:
            self.status = status

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"code": self.code, "message": str(self.message)}
        if self.field:
            data["field"] = self.field
        return {**data, **self.extra}


class NotAllowed(ServiceError):
    """The user's role does not allow this."""

    status = 403


class NotFound(ServiceError):
    status = 404
