"""The policy in the browser: read and acknowledge it; make, adapt and approve versions (admins)."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from omdome.web.core.errors import ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.policies import services
from omdome.web.policies.forms import ImportForm, PolicyEditForm, TemplateForm
from omdome.web.policies.models import PolicyVersion


def _organisation(request: HttpRequest):  # type: ignore[no-untyped-def]
    organisation = organisation_for(request.user)
    if organisation is None:
        raise ServiceError("no_organisation", _("No organisation is set up yet. An administrator creates it first."),
                           status=404)
    return organisation


def _version(request: HttpRequest, number: int) -> PolicyVersion:
    return get_object_or_404(PolicyVersion, organisation=_organisation(request), number=number)


@login_required
def current(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    version = services.current_version(organisation)
    context = {"organisation": organisation, "version": version,
               "policy": services.policy_of(version) if version else None,
               "pending": services.needs_acknowledgement(request.user)}
    return render(request, "policies/current.html", context)


@login_required
def acknowledge(request: HttpRequest) -> HttpResponse:
    version = services.needs_acknowledgement(request.user)
    next_url = request.POST.get("next") or request.GET.get("next") or reverse("core:home")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = reverse("core:home")
    if version is None:
        return redirect(next_url)
    if request.method == "POST":
        services.acknowledge(user=request.user, version=version)
        messages.success(request, _("Thank you. You have acknowledged version %(n)d of the policy.")
                         % {"n": version.number})
        return redirect(next_url)
    earlier = services.last_acknowledged(request.user)
    changes = services.diff(earlier, version) if earlier else None
    return render(request, "policies/acknowledge.html", {
        "version": version, "policy": services.policy_of(version), "earlier": earlier, "changes": changes,
        "next": next_url})


@role_required(Role.ADMIN)
def versions(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    return render(request, "policies/versions.html", {
        "organisation": organisation, "versions": PolicyVersion.objects.filter(organisation=organisation)
        .select_related("approved_by", "created_by"), "current": services.current_version(organisation)})


@role_required(Role.ADMIN)
def new_from_template(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    form = TemplateForm(request.POST or None, initial={"language": organisation.language,
                                                      "sector": organisation.sector,
                                                      "customer_word": organisation.customer_word,
                                                      "company_word": organisation.company_word})
    if request.method == "POST" and form.is_valid():
        try:
            version = services.start_from_template(organisation=organisation, actor=request.user,
                                                   **form.cleaned_data)
        except ServiceError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("A draft was made from the template. Adapt it, then approve it."))
            return redirect("policies:edit", number=version.number)
    return render(request, "policies/new.html", {"form": form, "organisation": organisation})


@role_required(Role.ADMIN)
def import_policy(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            version = services.import_toml(organisation=organisation, actor=request.user,
                                           text=form.cleaned_data["toml"],
                                           facts_text=form.cleaned_data["facts_toml"])
        except services.PolicyInvalid as error:
            problems = error.problems
        else:
            messages.success(request, _("The file was imported as a draft."))
            return redirect("policies:detail", number=version.number)
    return render(request, "policies/import.html", {"form": form, "problems": problems})


@role_required(Role.ADMIN)
def detail(request: HttpRequest, number: int) -> HttpResponse:
    version = _version(request, number)
    previous = services.previous_published(version)
    return render(request, "policies/detail.html", {
        "version": version, "policy": services.policy_of(version), "previous": previous,
        "changes": services.diff(previous, version) if previous else None})


@role_required(Role.ADMIN)
def edit(request: HttpRequest, number: int) -> HttpResponse:
    version = _version(request, number)
    policy = services.policy_of(version)
    facts = services.parse_facts(version.facts_toml)
    form = PolicyEditForm(request.POST or None, initial=PolicyEditForm.initial_for(policy, facts))
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.revise(version=version, actor=request.user, changes=form.changes(policy),
                                    facts=form.cleaned_data["facts"], note=form.cleaned_data["note"])
        except services.PolicyInvalid as error:
            problems = error.problems
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("policies:detail", number=saved.number)
    return render(request, "policies/edit.html", {"version": version, "form": form, "problems": problems})


@role_required(Role.ADMIN)
@require_POST
def approve(request: HttpRequest, number: int) -> HttpResponse:
    try:
        version = services.approve(version=_version(request, number), actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("policies:detail", number=number)
    messages.success(request, _("Version %(n)d is approved and is now the organisation's policy.")
                     % {"n": version.number})
    return redirect("policies:detail", number=version.number)


@role_required(Role.ADMIN)
def export(request: HttpRequest, number: int, what: str) -> HttpResponse:
    version = _version(request, number)
    text = {"policy": version.toml, "facts": version.facts_toml}.get(what)
    if text is None:
        raise Http404
    response = HttpResponse(text, content_type="application/toml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{what}-v{version.number}.toml"'
    return response


@role_required(Role.ADMIN)
def acknowledgements(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    if request.method == "POST":
        sent = services.send_reminders(organisation=organisation, actor=request.user,
                                       login_url=request.build_absolute_uri(reverse("policies:acknowledge")))
        messages.success(request, ngettext("%(n)d reminder was sent.", "%(n)d reminders were sent.", sent)
                         % {"n": sent})
        return redirect("policies:acknowledgements")
    report = services.acknowledgement_report(organisation)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="acknowledgements.csv"'
        writer = csv.writer(response)
        writer.writerow([_("name"), _("user name"), _("e-mail"), _("acknowledged")])
        for user, when in report.acknowledged:
            writer.writerow([user.get_full_name(), user.get_username(), user.email, when.isoformat()])
        for user in report.missing:
            writer.writerow([user.get_full_name(), user.get_username(), user.email, ""])
        return response
    return render(request, "policies/acknowledgements.html", {"report": report, "organisation": organisation})
