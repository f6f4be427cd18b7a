"""The communicator's inbox: every incoming message, in queues by what rule 5 asks."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.contrib import messages as notices
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from omdome.triage.categories import CATEGORIES
from omdome.web.cases.models import Case
from omdome.web.comments.models import Comment, ModerationEvent, Site, Thread
from omdome.web.comments.services import ChangedSinceRead
from omdome.web.core import audit
from omdome.web.core.errors import ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, has_role, role_required
from omdome.web.inbox import queues, services
from omdome.web.inbox.models import Correction, Notifications
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


class DateInput(forms.DateInput):
    input_type = "date"


class Filters(forms.Form):
    """The list's filters and its order; anything not given (or not valid) filters nothing."""

    source = forms.ChoiceField(label=gettext_lazy("Source"), required=False,
                               choices=[("", gettext_lazy("all"))] + list(Source.choices))
    category = forms.ChoiceField(label=gettext_lazy("Category"), required=False,
                                 choices=[("", gettext_lazy("all"))] + [(c, labels.CATEGORY[c]) for c in CATEGORIES])
    urgency = forms.ChoiceField(label=gettext_lazy("Urgency"), required=False,
                                choices=[("", gettext_lazy("all")), ("high", gettext_lazy("urgent")),
                                         ("normal", gettext_lazy("normal")), ("low", gettext_lazy("low"))])
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False,
                                 choices=[("", gettext_lazy("all")), *LANGUAGES])
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False,
                               choices=[("", gettext_lazy("all"))]
                               + [(value, label) for value, label in Status.choices if value != Status.DELETED])
    assigned = forms.ChoiceField(label=gettext_lazy("Assigned"), required=False,
                                 choices=[("", gettext_lazy("all")), ("me", gettext_lazy("to me")),
                                          ("nobody", gettext_lazy("to nobody"))])
    since = forms.DateField(label=gettext_lazy("From"), required=False, widget=DateInput)
    until = forms.DateField(label=gettext_lazy("To"), required=False, widget=DateInput)
    sort = forms.ChoiceField(label=gettext_lazy("Order"), required=False,
                             choices=[(key, label) for key, (label, _fields) in queues.ORDERS.items()])
    site = forms.ChoiceField(label=gettext_lazy("Site"), required=False)
    thread = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, user=None, organisation=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.user = user
        sites = [(str(pk), name) for pk, name in Site.objects.filter(organisation=organisation)
                 .order_by("name").values_list("pk", "name")]
        if len(sites) > 1:  # which of the organisation's sites a comment was written on
            self.fields["site"].choices = [("", gettext_lazy("all")), *sites]
        else:
            del self.fields["site"]

    def apply(self, messages):  # type: ignore[no-untyped-def]
        if not self.is_valid():
            return messages
        data = self.cleaned_data
        for field in ("source", "category", "urgency", "language", "status"):
            if data.get(field):
                messages = messages.filter(**{field: data[field]})
        if data.get("assigned") == "me":
            messages = messages.filter(assigned_to=self.user)
        elif data.get("assigned") == "nobody":
            messages = messages.filter(assigned_to__isnull=True)
        if data.get("since"):  # whole days in the organisation's time zone
            messages = messages.filter(created__gte=_start_of(data["since"]))
        if data.get("until"):
            messages = messages.filter(created__lt=_start_of(data["until"] + timedelta(days=1)))
        if data.get("thread"):
            messages = messages.filter(comment__thread_id=data["thread"])
        if data.get("site"):
            messages = messages.filter(comment__thread__site_id=int(data["site"]))
        return messages

    @property
    def order(self) -> str:
        return (self.cleaned_data.get("sort") if self.is_valid() else "") or "urgency"

    @property
    def chosen_thread(self) -> Thread | None:
        chosen = self.cleaned_data.get("thread") if self.is_valid() else None
        return Thread.objects.filter(pk=chosen).first() if chosen else None


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _with_details(ids: list[int]) -> list[Message]:
    """The messages ``ids`` whole, in that order, with what the list shows of each."""
    rows = (Message.objects.filter(pk__in=ids)
            .select_related("comment", "assigned_to__staff_profile")
            .annotate(relabelled=Exists(Correction.objects.filter(message=OuterRef("pk"))))
            .prefetch_related(Prefetch("cases", Case.objects.order_by("-opened_at"), to_attr="case_list"),
                              Prefetch("comment__events", ModerationEvent.objects.select_related(
                                  "actor__staff_profile").order_by("created", "id"), to_attr="log"),
                              Prefetch("reports", Report.objects.filter(decided_at__isnull=True),
                                       to_attr="open_reports")).in_bulk())
    return [rows[pk] for pk in ids if pk in rows]


def _listing(request: HttpRequest):  # type: ignore[no-untyped-def]
    """What the list and its live updates share: the organisation, the queue, the filtered messages
    in it, and the context each message is drawn with."""
    organisation = organisation_for(request.user)
    queue = queues.BY_SLUG.get(request.GET.get("queue", "review"), queues.BY_SLUG["review"])
    filters = Filters(request.GET or None, user=request.user, organisation=organisation)
    messages = filters.apply(queues.incoming(organisation))
    people = list(services.staff_who_answer(organisation))
    query = request.GET.copy()
    for transient in ("page", "queue", "after"):
        query.pop(transient, None)
    here = _here(queue, query.urlencode())
    context = {"queue": queue, "filters": filters, "query": query.urlencode(), "here": here, "people": people,
               "categories": [(c, labels.CATEGORY[c]) for c in CATEGORIES], "hide_reasons": HIDE_REASONS}
    return organisation, queue, filters, messages, context


def _here(queue: queues.Queue, query: str) -> str:
    """The list's own address: where a decision taken on it returns to."""
    return f"{reverse('inbox:inbox')}?queue={queue.slug}" + (f"&{query}" if query else "")


def _suggest(page: list[Message], people: list) -> None:  # type: ignore[type-arg]
    for message in page:  # the colleague whose expertise fits, for questions not yet routed
        message.suggested = (services.suggest_expert(message, people)
                             if message.action == "answer" and message.assigned_to_id is None else None)


@role_required(Role.COMMUNICATOR)
def inbox(request: HttpRequest) -> HttpResponse:
    organisation, queue, filters, messages, context = _listing(request)
    counted = queues.counts(messages)
    if "queue" not in request.GET and not counted[queue.slug]:  # open on the first queue with work in it
        queue = next((q for q in queues.QUEUES if q.slug != "done" and counted[q.slug]), queue)
        context.update({"queue": queue, "here": _here(queue, context["query"])})
    # The page's ids first, ordered and cut from the queue index alone; only those 25 rows are read whole.
    ordered_ids = queues.ordered(queues.in_queue(messages, queue.slug), filters.order).values_list("pk", flat=True)
    paginator = Paginator(ordered_ids, PAGE_SIZE)
    paginator.count = counted[queue.slug]  # known already: no second pass over the messages
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = _with_details(list(page.object_list))
    _suggest(page.object_list, context["people"])
    newest = queues.incoming(organisation).order_by("-pk").values_list("pk", flat=True).first() or 0
    context.update({"queues": [(q, counted[q.slug]) for q in queues.QUEUES], "page": page, "newest": newest,
                    "thread": filters.chosen_thread, "corrections": services.corrections_count(organisation),
                    "may_export": has_role(request.user, Role.ADMIN),
                    "bulk_limit": services.BULK_LIMIT, "poll_seconds": settings.OMDOME_INBOX_POLL_SECONDS})
    return render(request, "inbox/inbox.html", context)


@role_required(Role.COMMUNICATOR)
def arrived(request: HttpRequest) -> HttpResponse:
    """Messages that arrived in the queue (as filtered) after the message ``after``: the list polls this
    and puts them at its top without a reload."""
    _organisation, queue, filters, messages, context = _listing(request)
    after = request.GET.get("after", "")
    if not after.isdigit():
        return JsonResponse({"error": "bad_after", "message": _("'after' must be a message number.")}, status=400)
    fresh = queues.ordered(queues.in_queue(messages.filter(pk__gt=int(after)), queue.slug), filters.order)
    ids = list(fresh.values_list("pk", flat=True)[:PAGE_SIZE])
    listed = _with_details(ids)
    _suggest(listed, context["people"])
    html = "".join(render_to_string("inbox/_message.html", {**context, "m": m}, request=request) for m in listed)
    newest = max([int(after), *(m.pk for m in listed)])
    announce = ngettext("%(n)d new message at the top of the list.", "%(n)d new messages at the top of the list.",
                        len(listed)) % {"n": len(listed)}
    return JsonResponse({"count": len(listed), "newest": newest, "html": html, "announce": announce})


@role_required(Role.COMMUNICATOR)
@require_POST
def bulk(request: HttpRequest) -> HttpResponse:
    """One action on the messages ticked in the list."""
    organisation = organisation_for(request.user)
    ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit()]
    if not ids:
        notices.error(request, _("Tick the messages to act on first."))
        return _back(request)
    action = request.POST.get("action", "")
    to = None
    if action == "assign" and (chosen := request.POST.get("assign_to", "")):
        to = services.staff_who_answer(organisation).filter(pk=int(chosen)).first() if chosen.isdigit() else None
        if to is None:
            notices.error(request, _("Choose a colleague from the list."))
            return _back(request)
    revisions = {int(key.removeprefix("revision-")): int(value) for key, value in request.POST.items()
                 if key.startswith("revision-") and key.removeprefix("revision-").isdigit() and value.isdigit()}
    reason = str(dict(HIDE_REASONS).get(request.POST.get("reason", ""), ""))
    try:
        changed, refused = services.apply_to_many(
            user=request.user, organisation=organisation, ids=ids, action=action,
            category=request.POST.get("category", ""), reason=reason, to=to, revisions=revisions,
            link=request.build_absolute_uri(reverse("inbox:inbox") + "?assigned=me"))
    except ServiceError as refusal:
        notices.error(request, str(refusal.message))
        return _back(request)
    notices.success(request, ngettext("%(n)d message changed.", "%(n)d messages changed.", changed) % {"n": changed})
    if refused:
        notices.warning(request, ngettext(
            "%(n)d could not be: only comments on your own site can be hidden or published, and only as you read them.",
            "%(n)d could not be: only comments on your own site can be hidden or published, and only as you read them.",
            refused) % {"n": refused})
    return _back(request)


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


class NotificationsForm(forms.ModelForm):
    class Meta:
        model = Notifications
        fields = ["threat", "routed", "case_assigned", "case_overdue", "digest"]


@role_required(Role.COMMUNICATOR)
def notifications(request: HttpRequest) -> HttpResponse:
    """What the signed-in person is sent by e-mail."""
    chosen, _created = Notifications.objects.get_or_create(user=request.user)
    form = NotificationsForm(request.POST or None, instance=chosen)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit.record("notifications.changed", actor=request.user, target=request.user,
                     **{field: form.cleaned_data[field] for field in form.Meta.fields})
        notices.success(request, _("Your choices are saved."))
        return redirect("inbox:notifications")
    return render(request, "inbox/notifications.html", {"form": form, "email": request.user.email})


@role_required(Role.ADMIN)
def corrections_download(request: HttpRequest) -> HttpResponse:
    """The organisation's corrections of triage as training data (JSONL) for ``omdome train``."""
    examples = services.corrections_as_training_data(user=request.user, organisation=organisation_for(request.user))
    response = HttpResponse("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples),
                            content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="corrections-{timezone.localdate()}.jsonl"'
    return response
