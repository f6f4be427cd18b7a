"""The communicator's inbox: every incoming message, in queues by what rule 5 asks."""

from __future__ import annotations

from django import forms
from django.contrib import messages as notices
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from omdome.triage.categories import CATEGORIES
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.inbox import queues, services
from omdome.web.inbox.models import Correction
from omdome.web.messages import labels
from omdome.web.messages.models import Message, Source

PAGE_SIZE = 50
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

    def apply(self, messages):  # type: ignore[no-untyped-def]
        if not self.is_valid():
            return messages
        data = self.cleaned_data
        for field in ("source", "category", "urgency"):
            if data.get(field):
                messages = messages.filter(**{field: data[field]})
        if data.get("language"):
            messages = messages.filter(triage__language=data["language"])
        return messages


@role_required(Role.COMMUNICATOR)
def inbox(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for(request.user)
    slug = request.GET.get("queue", "review")
    queue = queues.BY_SLUG.get(slug, queues.BY_SLUG["review"])
    filters = Filters(request.GET or None)
    messages = filters.apply(queues.incoming(organisation))
    listed = (queues.ordered(queues.in_queue(messages, queue.slug)).select_related("comment", "handling")
              .annotate(relabelled=Exists(Correction.objects.filter(message=OuterRef("pk")))))
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("queue", None)
    context = {
        "queues": [(q, n) for q, n in zip(queues.QUEUES, queues.counts(messages).values(), strict=True)],
        "queue": queue, "page": page, "filters": filters, "query": query.urlencode(),
        "categories": [(c, labels.CATEGORY[c]) for c in CATEGORIES],
        "corrections": services.corrections_count(organisation),
    }
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
