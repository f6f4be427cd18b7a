"""Why a comment was not accepted: a code for programs, a message for people."""

from __future__ import annotations


class CommentRejected(Exception):
    """Raised by the pipeline and the services; the API turns it into a JSON error."""

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


class ThinkTwice(CommentRejected):
    """The text looks hateful: the writer is asked to rephrase; sending it anyway holds it."""

    status = 409
