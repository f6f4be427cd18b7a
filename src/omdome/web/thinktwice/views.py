"""The think-twice page: paste a draft, see each finding in the text; the check runs as you type."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omdome.web.core.errors import ServiceError
from omdome.web.core.roles import Role, role_required
from omdome.web.thinktwice import services
from omdome.web.thinktwice.forms import DraftForm, TokenForm
from omdome.web.thinktwice.models import ApiToken


def _result(request: HttpRequest, form: DraftForm, *, meaning: bool, second: bool = False) -> dict[str, object]:
    if not form.is_valid() or not form.cleaned_data["text"].strip():
        return {"review": None, "error": form.errors.get("text")}
    text, account = form.cleaned_data["text"], form.cleaned_data["account"]
    try:
        # The second answer counts only what the first (the rules') did not.
        counted = services.rules_review(user=request.user, text=text, account=account) if second else None
        review = services.check_draft(user=request.user, text=text, account=account, meaning=meaning,
                                      counted=counted)
    except ServiceError as error:
        return {"review": None, "error": [error.message]}
    findings = list(review.findings)
    segments = [(s.text, s.finding, findings[s.finding] if s.finding is not None else None)
                for s in services.highlight(text, review)]
    # The quick answer asks for the second one, with the model of meaning, as soon as it is shown.
    reading = not meaning and services.meaning_available()
    return {"review": review, "findings": findings, "segments": segments, "reading": reading}


@role_required(Role.EMPLOYEE)
def check(request: HttpRequest) -> HttpResponse:
    """The whole page (GET, or POST without JavaScript: rules and model at once) or, for htmx, only
    the rules' result, which then asks for the model's reading (``meaning``)."""
    form = DraftForm(request.POST or None)
    htmx = bool(request.headers.get("HX-Request"))
    context = {"form": form, **(_result(request, form, meaning=not htmx) if request.method == "POST"
                                else {"review": None})}
    template = "thinktwice/_result.html" if htmx else "thinktwice/check.html"
    return render(request, template, context)


@role_required(Role.EMPLOYEE)
@require_POST
def meaning(request: HttpRequest) -> HttpResponse:
    """The result again, read with the model of meaning too (htmx, after the rules' quick answer)."""
    form = DraftForm(request.POST)
    return render(request, "thinktwice/_result.html", {"form": form, **_result(request, form, meaning=True,
                                                                                second=True)})


@role_required(Role.EMPLOYEE)
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = services.create_token(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    return render(request, "thinktwice/tokens.html", {
        "form": form, "secret": secret, "tokens": ApiToken.objects.filter(user=request.user)})


@role_required(Role.EMPLOYEE)
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = services.revoke_token(user=request.user, token_id=token_id)
    messages.success(request, _("The token “%(name)s” no longer works.") % {"name": token.name})
    return redirect("thinktwice:tokens")
