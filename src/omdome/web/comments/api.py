"""The public comment API used by the widget (django-ninja; OpenAPI at /api/openapi.json)."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Header, Query, Router, Schema, Status
from ninja import Path as PathParam

from omdome.web.comments import reading, services
from omdome.web.comments.listing import MAX_PAGE_SIZE, PAGE_SIZE, comment_data
from omdome.web.comments.models import Comment
from omdome.web.comments.tokens import edit_window
from omdome.web.core import ratelimit
from omdome.web.core.clientip import client_ip, rate_key
from omdome.web.messages import reports

router = Router(tags=["comments"])
MAX_ID = 2**63 - 1  # the largest id a database column holds


class StaffOut(Schema):
    name: str
    role: str
    organisation: str


class CommentOut(Schema):
    id: int
    parent: int | None
    author: str
    html: str = Field(description="Sanitised HTML of the text")
    created: str
    edited: str | None
    deleted: bool = Field(description="Not shown, kept as a placeholder because replies hang under it")
    removed_by: str | None = Field(None, description='"author" or "moderation" for a placeholder')
    staff: StaffOut | None = Field(description="Set on a verified staff reply")
    replies: list[CommentOut]


CommentOut.model_rebuild()


class ThreadOut(Schema):
    url: str
    title: str
    closed: bool


class PrivacyOut(Schema):
    controller: str
    contact: str
    retention_days: int
    url: str | None


class SiteOut(Schema):
    name: str
    house_rules_url: str | None
    operator: str
    operator_url: str | None
    privacy: PrivacyOut


class ThreadComments(Schema):
    thread: ThreadOut
    count: int = Field(description="Published comments in the whole thread")
    comments: list[CommentOut] = Field(description="This page's top-level comments, each with all its replies")
    more: int = Field(0, description="Top-level comments after this page")
    next_offset: int | None = Field(None, description="The offset of the next page, if there is one")
    site: SiteOut | None


class CommentIn(Schema):
    thread: str = Field(max_length=1000, description="URL of the page")
    title: str | None = Field(None, max_length=300)
    text: str = Field(max_length=20000)
    author: str = Field(max_length=200)
    email: str | None = Field(None, max_length=254)
    parent: int | None = Field(None, ge=1, le=MAX_ID)
    website: str = Field("", max_length=200, description="Honeypot: leave empty")
    confirmed: bool = Field(False, description="Send although the think-twice prompt was shown")


class Posted(Schema):
    id: int
    status: str
    comment: CommentOut
    edit_token: str
    edit_until: str
    edit_seconds: int = Field(description="How long the token is valid from now (clocks differ; count from this)")


class EditIn(Schema):
    text: str = Field(max_length=20000)
    confirmed: bool = False


class Changed(Schema):
    id: int
    status: str
    comment: CommentOut | None = None


class Problem(Schema):
    code: str
    message: str
    field: str | None = None


@router.get("/comments", response={200: ThreadComments, 400: Problem, 429: Problem},
            summary="The published comments of a page, a page of conversations at a time")
def list_comments(request: HttpRequest, thread: str, offset: int = Query(0, ge=0, le=10**7),
                  limit: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
                  order: Literal["oldest", "newest"] = "oldest"):
    if ip := client_ip(request):
        ratelimit.hit("read", rate_key(ip), _("Too many requests in a short time. Try again in a minute."))
    return HttpResponse(reading.thread_json(thread, offset=offset, limit=limit, newest_first=order == "newest"),
                        content_type="application/json")


@router.post("/comments", response={201: Posted, 400: Problem, 403: Problem, 409: Problem, 429: Problem},
             summary="Write a comment")
def post_comment(request: HttpRequest, data: CommentIn,
                 idempotency_key: str = Header("", alias="Idempotency-Key",
                                               description="The same key for a retry of the same comment: "
                                                           "the comment is stored once")):
    return Status(201, write_comment(request, data, idempotency_key))


def write_comment(request: HttpRequest, data: CommentIn, idempotency_key: str) -> dict[str, object]:
    """Store a reader's comment and say what became of it, in the shape of ``Posted``.

    The view above calls this, and so does the write lane in front of Django (comments.fastwrite).
    """
    posted = services.post_comment(thread_url=data.thread, title=data.title or "",
                                   origin=request.headers.get("Origin"), text=data.text, author=data.author,
                                   email=data.email or "", parent=data.parent, honeypot=data.website,
                                   confirmed=data.confirmed, ip=client_ip(request), idempotency_key=idempotency_key)
    comment = posted.comment
    until = comment.created + edit_window()
    return {"id": comment.pk, "status": comment.status, "comment": comment_data(comment, own=True),
            "edit_token": posted.edit_token, "edit_until": until.isoformat(),
            "edit_seconds": max(0, round((until - timezone.now()).total_seconds()))}


@router.patch("/comments/{comment_id}", response={200: Changed, 400: Problem, 403: Problem, 404: Problem,
                                                  409: Problem, 429: Problem}, summary="Edit your own comment")
def edit_comment(request: HttpRequest, data: EditIn, comment_id: int = PathParam(..., ge=1, le=MAX_ID)):
    comment = services.edit_comment(comment_id=comment_id, token=request.headers.get("X-Omdome-Edit-Token", ""),
                                    text=data.text, confirmed=data.confirmed, ip=client_ip(request),
                                    origin=request.headers.get("Origin"))
    return {"id": comment.pk, "status": comment.status, "comment": comment_data(comment, own=True)}


class ReportIn(Schema):
    reason: str = Field(max_length=20, description="illegal, hate, personal_data, false, spam or other")
    explanation: str = Field("", max_length=5000, description="What is wrong with the comment (optional)")
    email: str = Field("", max_length=254, description="To be told the decision (optional, never shown)")


class ReportOut(Schema):
    id: int = Field(description="The report's number, for the reporter's reference")
    message: str = Field(description="The acknowledgement to show the reporter")


@router.post("/comments/{comment_id}/report", response={201: ReportOut, 400: Problem, 404: Problem, 429: Problem},
             summary="Report a comment to the moderators (notice and action)")
def report_comment(request: HttpRequest, data: ReportIn, comment_id: int = PathParam(..., ge=1, le=MAX_ID)):
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is None:
        return Status(404, {"code": "not_found", "message": _("There is no such comment to report.")})
    ip = client_ip(request)
    stored = reports.report(message=comment, reason=data.reason, explanation=data.explanation, email=data.email,
                            ip=ip, rate_key=rate_key(ip) if ip else None)
    return Status(201, {"id": stored.pk, "message": _(
        "Thank you. Your report (number %(id)d) has been received, and a moderator will look at the comment."
        "%(mail)s") % {"id": stored.pk, "mail": _(" You will get an e-mail with the decision.") if stored.email
                       else ""}})


class Source(Schema):
    id: int
    text: str


@router.get("/comments/{comment_id}/source", response={200: Source, 403: Problem, 404: Problem},
            summary="The text of your own comment, as you wrote it (for editing)")
def comment_source(request: HttpRequest, comment_id: int = PathParam(..., ge=1, le=MAX_ID)):
    comment = services.own_comment(comment_id=comment_id, token=request.headers.get("X-Omdome-Edit-Token", ""))
    return {"id": comment.pk, "text": comment.text}


@router.delete("/comments/{comment_id}", response={200: Changed, 403: Problem, 404: Problem},
               summary="Remove your own comment")
def delete_comment(request: HttpRequest, comment_id: int = PathParam(..., ge=1, le=MAX_ID)):
    comment = services.delete_by_author(comment_id=comment_id,
                                        token=request.headers.get("X-Omdome-Edit-Token", ""))
    return {"id": comment.pk, "status": comment.status}
