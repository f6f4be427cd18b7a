"""People: the staff list and CSV import (admins), one's own profile (everyone)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from omdome.web.core.errors import ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import ROLE_LABELS, Role, role_required, roles_of
from omdome.web.people import services
from omdome.web.people.forms import ImportForm, ProfileForm, RolesForm


@role_required(Role.ADMIN)
def people_list(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for(request.user)
    users = (get_user_model().objects.filter(staff_profile__organisation=organisation)
             .select_related("staff_profile").prefetch_related("groups").order_by("last_name", "first_name"))
    rows = [(u, [str(ROLE_LABELS[r]) for r in Role if r in roles_of(u)]) for u in users]
    return render(request, "people/list.html", {"rows": rows, "organisation": organisation})


@role_required(Role.ADMIN)
def import_people(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["upload"]
        try:
            if upload.size > 2_000_000:
                raise ServiceError("invalid", _("The file is larger than 2 MB."))
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ServiceError("invalid", _("The file is not UTF-8 text.")) from None
            result = services.import_people(organisation=organisation_for(request.user), actor=request.user,
                                            text=text, login_url=request.build_absolute_uri("/"))
        except ServiceError as error:
            problems = error.extra.get("problems") or [error.message]
        else:
            messages.success(request, _("%(new)d people were added and invited, %(old)d were updated.")
                             % {"new": len(result.created), "old": len(result.updated)})
            return redirect("people:list")
    return render(request, "people/import.html", {"form": form, "problems": problems})


@role_required(Role.ADMIN)
def person(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(get_user_model(), pk=user_id, staff_profile__organisation=organisation_for(request.user))
    form = RolesForm(request.POST or None, initial={"roles": [r.value for r in roles_of(user)
                                                              if user.groups.filter(name=r.value).exists()]})
    if request.method == "POST" and form.is_valid():
        services.set_role(actor=request.user, user=user, roles=form.cleaned_data["roles"])
        messages.success(request, _("The roles are saved."))
        return redirect("people:list")
    return render(request, "people/person.html", {"person": user, "form": form})


@role_required(Role.EMPLOYEE)
def me(request: HttpRequest) -> HttpResponse:
    profile = getattr(request.user, "staff_profile", None)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.update_own_profile(user=request.user, **{k: form.cleaned_data[k] for k in form.Meta.fields})
        messages.success(request, _("Your profile is saved."))
        return redirect("people:me")
    return render(request, "people/me.html", {"form": form})
