"""The administrator's rules: list, compose, preview, switch on or off, reorder."""

from __future__ import annotations

from django.contrib import messages as notices
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from omdome.web.cases.services import communicators
from omdome.web.core.errors import ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.rules import services
from omdome.web.rules.forms import RuleForm, describe
from omdome.web.rules.models import Rule, RuleAction


def _rules(request: HttpRequest):  # type: ignore[no-untyped-def]
    return Rule.objects.filter(organisation=organisation_for(request.user))


@role_required(Role.ADMIN)
def rule_list(request: HttpRequest) -> HttpResponse:
    rules = list(_rules(request).select_related("assign_to").annotate(applied=Count("runs")))
    for rule in rules:
        rule.described = describe(rule.conditions)
        rule.action_labels = [RuleAction(a).label for a in rule.actions]
    return render(request, "rules/rule_list.html", {"rules": rules})


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, rule_id: int | None = None) -> HttpResponse:
    rule = get_object_or_404(_rules(request), pk=rule_id) if rule_id else None
    people = communicators().order_by("first_name", "last_name", "username")
    form = RuleForm(request.POST or None, communicators=people,
                    initial=RuleForm.initial_for(rule) if rule else None)
    if request.method == "POST" and form.is_valid():
        try:
            rule = services.save_rule(by=request.user, organisation=organisation_for(request.user), rule=rule,
                                      name=form.cleaned_data["name"], conditions=form.conditions(),
                                      actions=form.cleaned_data["actions"],
                                      assign_to=form.cleaned_data["assign_to"], label=form.cleaned_data["label"])
        except ServiceError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            notices.success(request, _("Saved. Preview the rule, then switch it on."))
            return redirect("rules:detail", rule_id=rule.pk)
    return render(request, "rules/rule_form.html", {"form": form, "rule": rule})


@role_required(Role.ADMIN)
def detail(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = get_object_or_404(_rules(request).select_related("assign_to"), pk=rule_id)
    context = {"rule": rule, "described": describe(rule.conditions),
               "action_labels": [RuleAction(a).label for a in rule.actions],
               "runs": rule.runs.select_related("message").order_by("-at", "-id")[:50]}
    if request.GET.get("preview"):
        context["preview"] = services.preview(by=request.user, rule=rule)
    return render(request, "rules/rule_detail.html", context)


@role_required(Role.ADMIN)
@require_POST
def switch(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = get_object_or_404(_rules(request), pk=rule_id)
    on = request.POST.get("on") == "1"
    try:
        services.switch(by=request.user, rule=rule, on=on)
    except ServiceError as error:
        notices.error(request, str(error.message))
    else:
        notices.success(request, _("The rule is on: it runs on every new message.") if on else
                        _("The rule is off."))
    return redirect("rules:detail", rule_id=rule.pk)


@role_required(Role.ADMIN)
@require_POST
def move(request: HttpRequest, rule_id: int) -> HttpResponse:
    services.move(by=request.user, rule=get_object_or_404(_rules(request), pk=rule_id),
                  up=request.POST.get("up") == "1")
    return redirect("rules:list")
