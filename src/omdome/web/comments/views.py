"""HTML views: the widget files, staff replies and the feeds. Thin: parse, call a service, render."""

from __future__ import annotations

import functools
import gzip
import hashlib
from pathlib import Path

import rcssmin
import rjsmin
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from omdome.review.draft import DraftError
from omdome.web.comments import services
from omdome.web.comments.errors import CommentRejected
from omdome.web.comments.forms import StaffReplyForm
from omdome.web.comments.models import Thread
from omdome.web.core.roles import Role, require_role, role_required

STATIC = Path(__file__).parent / "static" / "omdome"
WIDGET_FILES = {"widget.js": "text/javascript; charset=utf-8", "widget.css": "text/css; charset=utf-8"}


@functools.cache
def _widget_bytes(name: str) -> tuple[bytes, bytes, str]:
    """The file as served: minified, and gzipped once for every reader (plain, gzip, ETag)."""
    text = (STATIC / name).read_text(encoding="utf-8")
    plain = (rjsmin.jsmin(text) if name.endswith(".js") else rcssmin.cssmin(text)).encode("utf-8")
    return plain, gzip.compress(plain, 9, mtime=0), '"' + hashlib.sha256(plain).hexdigest()[:20] + '"'


def widget_file(request: HttpRequest, name: str) -> HttpResponse:
    """The widget's script or style sheet, minified; gzipped for every browser that takes it (a host
    page loads it on every view)."""
    if name not in WIDGET_FILES:
        raise Http404
    plain, packed, etag = _widget_bytes(name)
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    elif "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(packed, content_type=WIDGET_FILES[name])
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(plain, content_type=WIDGET_FILES[name])
    response["ETag"] = etag
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = "public, max-age=300"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def healthz(request: HttpRequest) -> HttpResponse:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok\n", content_type="text/plain")


@role_required(Role.COMMUNICATOR, Role.REGISTRAR)
def thread_list(request: HttpRequest) -> HttpResponse:
    threads = Thread.objects.select_related("site").order_by("-created")
    page = Paginator(threads, 100).get_page(request.GET.get("page"))
    return render(request, "comments/thread_list.html", {"threads": page, "page": page})


@role_required(Role.COMMUNICATOR, Role.REGISTRAR)
@require_http_methods(["GET", "POST"])
def staff_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    """A thread as staff see it, with the form for a verified reply (rule 1)."""
    thread = get_object_or_404(Thread.objects.select_related("site"), pk=thread_id)
    form = StaffReplyForm(request.POST or None, thread=thread, initial=_reply_initial(request, thread))
    review, advice = None, []
    if request.method == "POST":
        require_role(request.user, Role.COMMUNICATOR)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_staff_reply(user=request.user, thread=thread, text=form.cleaned_data["text"],
                                      parent=form.cleaned_data["parent"],
                                      override_reason=form.cleaned_data["override_reason"],
                                      confirmed=form.confirmed)
        except services.DraftBlocked as blocked:
            review = blocked.review
            form.ask_for_reason()
        except services.ReplyNeedsConfirmation as second_look:
            review, advice = second_look.review, second_look.advice
            form.ask_for_confirmation()
        except (CommentRejected, DraftError) as error:
            form.add_error("text", str(getattr(error, "message", error)))
        else:
            messages.success(request, _("Your reply is published."))
            if (case := request.GET.get("case", "")).isdigit():  # replying from a follow-up case: back to it
                return redirect("cases:detail", case_id=int(case))
            return redirect("comments:staff_thread", thread_id=thread.pk)
    profile = getattr(request.user, "staff_profile", None)
    context = {"thread": thread, "comments": thread.comments.select_related("parent").order_by("created", "id"),
               "form": form, "review": review, "advice": advice, "profile": profile,
               "can_reply": bool(profile and profile.can_reply_publicly
                                 and request.user.has_perm("comments.reply_as_staff"))}
    return render(request, "comments/staff_thread.html", context)


def _reply_initial(request: HttpRequest, thread: Thread) -> dict[str, object]:
    """``?parent=12``: the reply answers comment 12; ``&suggested=1`` starts from triage's suggested reply."""
    parent = request.GET.get("parent", "")
    if not parent.isdigit():
        return {}
    initial: dict[str, object] = {"parent": int(parent)}
    if request.GET.get("suggested"):
        comment = thread.comments.filter(pk=int(parent)).only("triage").first()
        if comment is not None and comment.triage.get("suggested_reply"):
            initial["text"] = comment.triage["suggested_reply"]
    return initial


def demo_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A host page that embeds the widget (development mode only)."""
    from omdome.web.comments.demo import DEMO_BASE, PAGES, is_demo_enabled

    if not is_demo_enabled() or slug not in PAGES:
        raise Http404
    return render(request, "comments/demo_page.html", {"title": PAGES[slug][0], "thread_url": f"{DEMO_BASE}{slug}/"})
