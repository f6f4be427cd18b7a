"""The channel page for administrators, and the address platforms push to."""

from __future__ import annotations

from django.contrib import messages as notices
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from omdome.web.channels import services
from omdome.web.channels.connectors import CONNECTORS
from omdome.web.channels.forms import ChannelForm, ChannelReplyForm
from omdome.web.channels.models import Channel
from omdome.web.core import ratelimit
from omdome.web.core.clientip import client_ip, rate_key
from omdome.web.core.errors import ServiceError
from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required


@csrf_exempt
@require_http_methods(["GET", "POST"])
def push(request: HttpRequest, token: str) -> HttpResponse:
    """A platform's webhook: its subscription check (GET) or signed events (POST)."""
    channel = Channel.objects.filter(token=token, enabled=True).first()
    if channel is None or not CONNECTORS[channel.platform].capabilities.push:
        return JsonResponse({"code": "not_found", "message": _("There is no such channel.")}, status=404)
    connector = services.connector_for(channel)
    if request.method == "GET":
        challenge = connector.handshake(request.GET.dict())
        if challenge is None:
            return JsonResponse({"code": "forbidden", "message": _("The verify token does not match.")}, status=403)
        return HttpResponse(challenge, content_type="text/plain")
    body = request.body
    if not connector.verify_push(dict(request.headers), body):
        ip = client_ip(request)
        try:
            ratelimit.hit("attempt", f"push:{rate_key(ip) if ip else '-'}")
        except ServiceError as error:
            return JsonResponse(error.to_dict(), status=429)
        services.refused_push(channel, ip)
        return JsonResponse({"code": "unsigned", "message": _("The request's signature does not match.")},
                            status=401)
    try:
        items = connector.parse_push(body)
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"code": "invalid", "message": _("The request body is not what the platform sends.")},
                            status=400)
    return JsonResponse({"stored": services.receive_push(channel, items)})


def _channels(request: HttpRequest):  # type: ignore[no-untyped-def]
    return Channel.objects.filter(organisation=organisation_for(request.user))


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def channel_list(request: HttpRequest) -> HttpResponse:
    form = ChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            channel = services.add_channel(by=request.user, organisation=organisation_for(request.user),
                                           platform=form.cleaned_data["platform"], name=form.cleaned_data["name"],
                                           values=form.values())
        except ServiceError as error:
            field = f"{form.cleaned_data['platform']}__{error.field}"
            form.add_error(field if field in form.fields else None, str(error.message))
        else:
            notices.success(request, _("“%(name)s” is added. Test the connection.") % {"name": channel.name})
            return redirect("channels:list")
    channels = list(_channels(request))
    for channel in channels:
        channel.connector = CONNECTORS[channel.platform]
        channel.push_address = request.build_absolute_uri(f"/channels/push/{channel.token}/")
    return render(request, "channels/list.html", {"form": form, "channels": channels,
                                                  "connectors": list(CONNECTORS.values())})


@role_required(Role.ADMIN)
@require_POST
def test(request: HttpRequest, channel_id: int) -> HttpResponse:
    channel = get_object_or_404(_channels(request), pk=channel_id)
    try:
        account = services.test_connection(channel)
    except ServiceError as error:
        notices.error(request, _("“%(name)s” could not connect: %(error)s") % {"name": channel.name,
                                                                               "error": error.message})
    else:
        notices.success(request, _("“%(name)s” is connected as %(account)s.") % {"name": channel.name,
                                                                                  "account": account})
    return redirect("channels:list")


@role_required(Role.ADMIN)
@require_POST
def sync_now(request: HttpRequest, channel_id: int) -> HttpResponse:
    channel = get_object_or_404(_channels(request), pk=channel_id)
    result = services.sync(channel.pk)
    if result.error:
        notices.error(request, _("“%(name)s”: %(error)s") % {"name": channel.name, "error": result.error})
    else:
        notices.success(request, _("“%(name)s”: %(n)d new.") % {"name": channel.name, "n": result.stored})
    return redirect("channels:list")


@role_required(Role.COMMUNICATOR)
@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, message_id: int) -> HttpResponse:
    """Answer a message where it was written, after the same second look as on the organisation's pages."""
    from omdome.web.comments.services import DraftBlocked, ReplyNeedsConfirmation
    from omdome.web.messages.models import Message

    message = get_object_or_404(Message.objects.filter(organisation=organisation_for(request.user),
                                                       channel_item__isnull=False), pk=message_id)
    initial = {"text": message.triage.get("suggested_reply", "")} if request.GET.get("suggested") else {}
    form = ChannelReplyForm(request.POST or None, initial=initial)
    review, advice, needs_reason = None, [], False
    if request.method == "POST" and form.is_valid():
        try:
            services.reply(user=request.user, message=message, text=form.cleaned_data["text"],
                           override_reason=form.cleaned_data["override_reason"], confirmed=form.confirmed)
        except DraftBlocked as blocked:
            review, needs_reason = blocked.review, True
        except ReplyNeedsConfirmation as second_look:
            review, advice = second_look.review, second_look.advice
            form.ask_for_confirmation()
        except ServiceError as error:
            form.add_error("text", str(error.message))
        else:
            notices.success(request, _("Your reply is posted on %(platform)s.") % {
                "platform": CONNECTORS[message.channel_item.channel.platform].label})
            return redirect("inbox:inbox")
    profile = getattr(request.user, "staff_profile", None)
    return render(request, "channels/reply.html", {
        "message": message, "channel": message.channel_item.channel,
        "connector": CONNECTORS[message.channel_item.channel.platform], "form": form, "review": review,
        "advice": advice, "needs_reason": needs_reason, "profile": profile})


@role_required(Role.COMMUNICATOR)
@require_POST
def hide(request: HttpRequest, message_id: int) -> HttpResponse:
    from omdome.web.messages.models import Message

    message = get_object_or_404(Message.objects.filter(organisation=organisation_for(request.user),
                                                       channel_item__isnull=False), pk=message_id)
    hidden = request.POST.get("hidden") == "1"
    try:
        services.hide(user=request.user, message=message, hidden=hidden)
    except ServiceError as error:
        notices.error(request, str(error.message))
    else:
        notices.success(request, _("Hidden on %(platform)s.") % {"platform": CONNECTORS[message.source].label}
                        if hidden else _("Shown again on %(platform)s.") % {
                            "platform": CONNECTORS[message.source].label})
    return redirect("inbox:inbox")


@role_required(Role.ADMIN)
@require_POST
def switch(request: HttpRequest, channel_id: int) -> HttpResponse:
    channel = get_object_or_404(_channels(request), pk=channel_id)
    on = request.POST.get("on") == "1"
    services.switch(by=request.user, channel=channel, on=on)
    notices.success(request, (_("“%(name)s” is switched on.") if on else _("“%(name)s” is switched off.")) % {
        "name": channel.name})
    return redirect("channels:list")
