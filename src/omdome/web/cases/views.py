"""Follow-up cases: the list, one case, and what a communicator does with it."""

from __future__ import annotations

from django.contrib import messages as notices
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from omdome.web.cases import services
from omdome.web.cases.models import Case, CaseStatus, EventKind
from omdome.web.core.errors import ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.messages.models import Message

PAGE_SIZE = 50
SHOWS = (("open", gettext_lazy("Open")), ("overdue", gettext_lazy("Overdue")), ("mine", gettext_lazy("Mine")),
         ("unassigned", gettext_lazy("Unassigned")), ("closed", gettext_lazy("Closed")))


def _conditions(user, now) -> dict[str, Q]:  # type: ignore[no-untyped-def]
    active = Q(status__in=services.ACTIVE)
    return {"open": active, "overdue": Q(status=CaseStatus.OPEN, due_at__lt=now),
            "mine": active & Q(owner=user), "unassigned": active & Q(owner__isnull=True),
            "closed": Q(status=CaseStatus.CLOSED)}


@role_required(Role.COMMUNICATOR)
def case_list(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for(request.user)
    now = timezone.now()
    conditions = _conditions(request.user, now)
    show = request.GET.get("show", "open")
    show = show if show in conditions else "open"
    cases = Case.objects.filter(organisation=organisation)
    counts = cases.aggregate(**{key: Count("pk", filter=condition) for key, condition in conditions.items()})
    listed = cases.filter(conditions[show]).select_related("owner").annotate(message_count=Count("messages"))
    listed = listed.order_by("-closed_at", "-id") if show == "closed" else listed.order_by("due_at", "id")
    context = {"shows": [(key, label, counts[key]) for key, label in SHOWS], "show": show,
               "page": Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page")), "now": now}
    return render(request, "cases/case_list.html", context)


def _case(request: HttpRequest, case_id: int) -> Case:
    return get_object_or_404(Case.objects.select_related("owner", "opened_by"), pk=case_id,
                             organisation=organisation_for(request.user))


@role_required(Role.COMMUNICATOR)
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    context = {
        "case": case, "now": timezone.now(),
        "case_messages": case.messages.select_related("comment").order_by("created", "id"),
        "events": case.events.select_related("by", "message").all(),
        "followed_up": services.followed_up(case), "overdue": case.status == CaseStatus.OPEN
        and case.due_at < timezone.now(),
        "owners": services.communicators().order_by("first_name", "last_name", "username"),
        "note_kinds": [(EventKind.CONTACT, EventKind.CONTACT.label), (EventKind.NOTE, EventKind.NOTE.label)],
        "statuses": CaseStatus,
    }
    return render(request, "cases/case_detail.html", context)


def _refused(request: HttpRequest, error: ServiceError) -> None:
    notices.error(request, str(error.message))


@role_required(Role.COMMUNICATOR)
@require_POST
def add_note(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    try:
        services.add_note(case=case, by=request.user, kind=request.POST.get("kind", ""),
                          text=request.POST.get("text", ""))
    except ServiceError as error:
        _refused(request, error)
    else:
        notices.success(request, _("Noted."))
    return redirect("cases:detail", case_id=case.pk)


@role_required(Role.COMMUNICATOR)
@require_POST
def set_status(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    try:
        case = services.set_status(case=case, by=request.user, status=request.POST.get("status", ""))
    except ServiceError as error:
        _refused(request, error)
    else:
        notices.success(request, _("Status: %(status)s.") % {"status": case.get_status_display()})
    return redirect("cases:detail", case_id=case.pk)


@role_required(Role.COMMUNICATOR)
@require_POST
def assign(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    chosen = request.POST.get("owner", "")
    owner = None
    if chosen:
        owner = get_user_model().objects.filter(pk=chosen if chosen.isdigit() else None, is_active=True).first()
        if owner is None:
            notices.error(request, _("Choose a communicator from the list."))
            return redirect("cases:detail", case_id=case.pk)
    try:
        services.assign(case=case, by=request.user, owner=owner)
    except ServiceError as error:
        _refused(request, error)
    else:
        notices.success(request, _("Assigned.") if owner else _("Nobody owns the case now."))
    return redirect("cases:detail", case_id=case.pk)


@role_required(Role.COMMUNICATOR)
@require_POST
def open_from_message(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(Message, pk=message_id)
    case = services.open_case(message=message, by=request.user)
    notices.success(request, _("Case #%(id)d is open.") % {"id": case.pk})
    return redirect("cases:detail", case_id=case.pk)
