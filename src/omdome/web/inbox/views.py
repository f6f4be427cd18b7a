"""The communicator's inbox: every incoming message, in queues by what rule 5 asks."""

from __future__ import annotations

from django import forms
from django.contrib import messages as notices
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from omdome.triage.categories import CATEGORIES
from omdome.web.cases.models import Case
from omdome.web.comments.models import Comment
from omdome.web.comments.services import ChangedSinceRead
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.inbox import queues, services
from omdome.web.inbox.models import Correction
from omdome.web.messages import labels
from omdome.web.messages.models import Message, Report, Source, Status

PAGE_SIZE = 25
# Why a moderator hides a comment: the house rules' usual grounds. The chosen words go to the log.
HIDE_REASONS = (("hate", gettext_lazy("hate or threats")), ("harassment", gettext_lazy("harassment")),
                ("spam", gettext_lazy("spam or advertising")),
                ("personal_data", gettext_lazy("someone's personal data")),
                ("off_topic", gettext_lazy("off topic")), ("other", gettext_lazy("another house rule")))
LANGUAGES = (("sv", gettext_lazy("Swedish")), ("en", gettext_lazy("English")), ("nb", gettext_lazy("Norwegian")),
             ("da", gettext_lazy("Danish")))


class Filters(forms.Form):
    """The list's filters; anything not given (or not valid) filters nothing."""

    source = forms.ChoiceField(label=gettext_lazy("Source"), required=False,
                               choices=[("", gettext_lazy("all"))] + list(Source.choices))
    category = forms.ChoiceField(label=gettext_lazy("Category"), required=False,
                                 choices=[("", gettext_lazy("all"))] + [(c, labels.CATEGORY[c]) for c in CATEGORIES])
    urgency = forms.ChoiceField(label=gettext_lazy("Urgency"), required=False,
                                choices=[("", gettext_lazy("all")), ("high", gettext_lazy("urgent")),
                                         ("normal", gettext_lazy("normal")), ("low", gettext_lazy("low"))])
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False,
                                 choices=[("", gettext_lazy("all")), *LANGUAGES])
    assigned = forms.ChoiceField(label=gettext_lazy("Assigned"), required=False,
                                 choices=[("", gettext_lazy("all")), ("me", gettext_lazy("to me")),
                                          ("nobody", gettext_lazy("to nobody"))])

    def __init__(self, *args, user=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.user = user

    def apply(self, messages):  # type: ignore[no-untyped-def]
        if not self.is_valid():
            return messages
        data = self.cleaned_data
        for field in ("source", "category", "urgency"):
            if data.get(field):
                messages = messages.filter(**{field: data[field]})
        if data.get("language"):
            messages = messages.filter(language=data["language"])
        if data.get("assigned") == "me":
            messages = messages.filter(assigned_to=self.user)
        elif data.get("assigned") == "nobody":
            messages = messages.filter(assigned_to__isnull=True)
        return messages


@role_required(Role.COMMUNICATOR)
def inbox(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for(request.user)
    slug = request.GET.get("queue", "review")
    queue = queues.BY_SLUG.get(slug, queues.BY_SLUG["review"])
    filters = Filters(request.GET or None, user=request.user)
    messages = filters.apply(queues.incoming(organisation))
    # The page's ids first, ordered and cut from the queue index alone; only those 25 rows are read whole.
    ordered_ids = queues.ordered(queues.in_queue(messages, queue.slug)).values_list("pk", flat=True)
    counted = queues.counts(messages)
    people = list(services.staff_who_answer(organisation))
    paginator = Paginator(ordered_ids, PAGE_SIZE)
    paginator.count = counted[queue.slug]  # known already: no second pass over the messages
    page = paginator.get_page(request.GET.get("page"))
    rows = (Message.objects.filter(pk__in=list(page.object_list))
            .select_related("comment", "assigned_to__staff_profile")
            .annotate(relabelled=Exists(Correction.objects.filter(message=OuterRef("pk"))))
            .prefetch_related(Prefetch("cases", Case.objects.order_by("-opened_at"), to_attr="case_list"),
                              Prefetch("reports", Report.objects.filter(decided_at__isnull=True),
                                       to_attr="open_reports")).in_bulk())
    page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("queue", None)
    context = {
        "queues": [(q, counted[q.slug]) for q in queues.QUEUES],
        "queue": queue, "page": page, "filters": filters, "query": query.urlencode(),
        "categories": [(c, labels.CATEGORY[c]) for c in CATEGORIES],
        "corrections": services.corrections_count(organisation),
        "hide_reasons": HIDE_REASONS, "people": people,
    }
    for message in page:  # the colleague whose expertise fits, for questions not yet routed
        message.suggested = (services.suggest_expert(message, people)
                             if message.action == "answer" and message.assigned_to_id is None else None)
    return render(request, "inbox/inbox.html", context)


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return redirect(target)
    return redirect("inbox:inbox")


@role_required(Role.COMMUNICATOR)
@require_POST
def relabel(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(Message, pk=message_id)
    if services.relabel(user=request.user, message=message, category=request.POST.get("category", "")):
        notices.success(request, _("Category changed. The correction is counted."))
    return _back(request)


@role_required(Role.COMMUNICATOR)
@require_POST
def done(request: HttpRequest, message_id: int) -> HttpResponse:
    services.mark_done(user=request.user, message=get_object_or_404(Message, pk=message_id))
    notices.success(request, _("Marked as done."))
    return _back(request)


@role_required(Role.COMMUNICATOR)
@require_POST
def reopen(request: HttpRequest, message_id: int) -> HttpResponse:
    services.reopen(user=request.user, message=get_object_or_404(Message, pk=message_id))
    notices.success(request, _("Back in its queue."))
    return _back(request)


@role_required(Role.COMMUNICATOR)
@require_POST
def moderate(request: HttpRequest, message_id: int) -> HttpResponse:
    """Publish or hide a comment on the organisation's own site; hidden is never deleted, and the
    decision applies only to the version the communicator read."""
    comment = get_object_or_404(Comment, pk=message_id)
    to_status = request.POST.get("to_status", "")
    reasons = dict(HIDE_REASONS)
    reason = request.POST.get("reason", "")
    if to_status not in (Status.PUBLISHED, Status.HIDDEN) or (to_status == Status.HIDDEN and reason not in reasons):
        notices.error(request, _("Choose why the comment is hidden."))
        return _back(request)
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = None
    try:
        services.moderate(user=request.user, comment=comment, to_status=to_status,
                          reason=str(reasons.get(reason, "")), revision=revision)
    except ChangedSinceRead as changed:
        notices.error(request, str(changed.message))
    except ValueError as refused:
        notices.error(request, str(refused))
    else:
        notices.success(request, _("Hidden. It stays in the log and can be published again.")
                        if to_status == Status.HIDDEN else _("Published."))
    return _back(request)


@role_required(Role.COMMUNICATOR)
@require_POST
def assign(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(Message.objects.select_related("organisation"), pk=message_id)
    chosen = request.POST.get("assign_to", "")
    people = services.staff_who_answer(organisation_for(request.user))
    to = people.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    if chosen and to is None:
        notices.error(request, _("Choose a colleague from the list."))
        return _back(request)
    link = request.build_absolute_uri(reverse("inbox:inbox") + "?assigned=me&queue=" + queues.queue_of(message))
    if services.assign(user=request.user, message=message, to=to, link=link):
        notices.success(request, _("Sent to %(name)s.") % {"name": to.get_full_name() or to.get_username()}
                        if to else _("Nobody is assigned now."))
    return _back(request)
