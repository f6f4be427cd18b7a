"""Every page and endpoint checks the role on the server: a role × URL × method matrix."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from omdome.web.analysis import services as analysis
from omdome.web.cases import services as cases
from omdome.web.channels import services as channels
from omdome.web.channels.connectors.base import Item
from omdome.web.integrations import services as integrations
from omdome.web.policies import services as policies
from omdome.web.rules import services as rules
from web.factories import make_comment, make_organisation, make_thread, make_user

pytestmark = pytest.mark.django_db
ROLES = ("anonymous", "employee", "communicator", "registrar", "admin")


def _everyone_but_anonymous(code: int = 200) -> dict[str, int]:
    return {"anonymous": 302, "employee": code, "communicator": code, "registrar": code, "admin": code}


def _only(*roles: str, ok: int = 200) -> dict[str, int]:
    """Only ``roles`` (and an administrator, who holds every role)."""
    allowed = {*roles, "admin"}
    return {role: 302 if role == "anonymous" else ok if role in allowed else 403 for role in ROLES}


# (method, URL name, URL kwargs, data, expected status per role)
MATRIX = [
    ("GET", "core:home", {}, None, _everyone_but_anonymous()),
    ("GET", "core:audit", {}, None, _only("admin", "registrar")),
    ("GET", "policies:current", {}, None, _everyone_but_anonymous()),
    ("GET", "policies:acknowledge", {}, None, _everyone_but_anonymous(302)),
    ("GET", "policies:versions", {}, None, _only("admin")),
    ("GET", "policies:new", {}, None, _only("admin")),
    ("POST", "policies:new", {}, {"language": "sv", "sector": "public"}, _only("admin", ok=302)),
    ("GET", "policies:import", {}, None, _only("admin")),
    ("GET", "policies:detail", {"number": 1}, None, _only("admin")),
    ("GET", "policies:edit", {"number": 1}, None, _only("admin")),
    ("POST", "policies:approve", {"number": 1}, {}, _only("admin", ok=302)),
    ("GET", "policies:export", {"number": 1, "what": "policy"}, None, _only("admin")),
    ("GET", "policies:acknowledgements", {}, None, _only("admin")),
    ("GET", "thinktwice:check", {}, None, _everyone_but_anonymous()),
    ("POST", "thinktwice:check", {}, {"text": "Hej!", "account": "personal"}, _everyone_but_anonymous()),
    ("POST", "thinktwice:meaning", {}, {"text": "Hej!", "account": "personal"}, _everyone_but_anonymous()),
    ("GET", "thinktwice:tokens", {}, None, _everyone_but_anonymous()),
    ("POST", "thinktwice:revoke", {"token_id": 999}, {}, {**_everyone_but_anonymous(404)}),
    ("GET", "people:list", {}, None, _only("admin")),
    ("GET", "people:import", {}, None, _only("admin")),
    ("GET", "people:person", {"user_id": "employee"}, None, _only("admin")),
    ("POST", "people:person", {"user_id": "employee"}, {"roles": ["employee"]}, _only("admin", ok=302)),
    ("GET", "people:me", {}, None, _everyone_but_anonymous()),
    ("GET", "comments:thread_list", {}, None, _only("communicator", "registrar")),
    ("GET", "comments:staff_thread", {"thread_id": "thread"}, None, _only("communicator", "registrar")),
    ("POST", "comments:staff_thread", {"thread_id": "thread"}, {"text": "Hej! /Karin"},
     _only("communicator", ok=302)),
    ("GET", "inbox:inbox", {}, None, _only("communicator")),
    ("POST", "inbox:relabel", {"message_id": "message"}, {"category": "question"}, _only("communicator", ok=302)),
    ("POST", "inbox:done", {"message_id": "message"}, {}, _only("communicator", ok=302)),
    ("POST", "inbox:reopen", {"message_id": "message"}, {}, _only("communicator", ok=302)),
    ("POST", "inbox:moderate", {"message_id": "message"}, {"to_status": "hidden", "reason": "spam"},
     _only("communicator", ok=302)),
    ("POST", "inbox:assign", {"message_id": "message"}, {"assign_to": ""}, _only("communicator", ok=302)),
    ("GET", "inbox:arrived", {}, None, _only("communicator", ok=400)),  # 400: no "after" given
    ("POST", "inbox:bulk", {}, {"action": "done"}, _only("communicator", ok=302)),
    ("GET", "inbox:notifications", {}, None, _only("communicator")),
    ("GET", "inbox:corrections", {}, None, _only("admin")),
    ("POST", "inbox:notifications", {}, {"threat": "on"}, _only("communicator", ok=302)),
    ("GET", "cases:list", {}, None, _only("communicator")),
    ("GET", "cases:detail", {"case_id": "case"}, None, _only("communicator")),
    ("POST", "cases:note", {"case_id": "case"}, {"kind": "note", "text": "Ringer i morgon."},
     _only("communicator", ok=302)),
    ("POST", "cases:status", {"case_id": "case"}, {"status": "waiting"}, _only("communicator", ok=302)),
    ("POST", "cases:assign", {"case_id": "case"}, {"owner": ""}, _only("communicator", ok=302)),
    ("POST", "cases:open", {"message_id": "message"}, {}, _only("communicator", ok=302)),
    ("GET", "rules:list", {}, None, _only("admin")),
    ("GET", "rules:new", {}, None, _only("admin")),
    ("POST", "rules:new", {}, {"name": "Spam", "category": ["spam"], "actions": ["hide"]}, _only("admin", ok=302)),
    ("GET", "rules:detail", {"rule_id": "rule"}, None, _only("admin")),
    ("GET", "rules:edit", {"rule_id": "rule"}, None, _only("admin")),
    ("POST", "rules:switch", {"rule_id": "rule"}, {"on": "0"}, _only("admin", ok=302)),
    ("POST", "rules:move", {"rule_id": "rule"}, {"up": "1"}, _only("admin", ok=302)),
    ("GET", "reports:dashboard", {}, None, _only("communicator")),
    ("GET", "reports:csv", {"name": "cases"}, None, _only("communicator")),
    ("GET", "analysis:keys", {}, None, _only("admin")),
    ("POST", "analysis:keys", {}, {"name": "Coral", "per_minute": "60"}, _only("admin")),
    ("POST", "analysis:revoke", {"key_id": "key"}, None, _only("admin", ok=302)),
    ("GET", "integrations:list", {}, None, _only("admin")),
    ("POST", "integrations:list", {}, {"kind": "webhook", "name": "Forumet"}, _only("admin")),
    ("POST", "integrations:disconnect", {"integration_id": "integration"}, None, _only("admin", ok=302)),
    ("GET", "channels:list", {}, None, _only("admin")),
    ("POST", "channels:test", {"channel_id": "channel"}, None, _only("admin", ok=302)),
    ("POST", "channels:sync", {"channel_id": "channel"}, None, _only("admin", ok=302)),
    ("POST", "channels:switch", {"channel_id": "channel"}, {"on": "1"}, _only("admin", ok=302)),
    ("GET", "channels:reply", {"message_id": "channel_message"}, None, _only("communicator")),
    ("POST", "channels:hide", {"message_id": "channel_message"}, {"hidden": "1"}, _only("communicator", ok=302)),
]
# Pages anyone may open: logging in, resetting a password, the widget and its public API, feeds.
PUBLIC = {"core:login", "core:logout", "core:password_reset", "core:password_reset_done",
          "core:password_reset_confirm", "core:password_reset_complete", "comments:demo_page",
          "comments:thread_feed", "comments:site_feed", "healthz", "widget_js", "widget_css", "set_language",
          # Perspective's addresses, for client systems with a key of their own (tests/web/test_analysis.py).
          "perspective_analyze", "perspective_suggest",
          # Doors for other comment systems, each request signed (tests/web/test_integrations.py).
          "hook_coral", "hook_in",
          # Where platforms push, each request signed (tests/web/test_channels.py).
          "channel_push"}


def _names(resolver: URLResolver | None = None, prefix: str = "") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in ("admin", "api"):
                continue  # the admin checks its own permissions; the API is tested in its own tests
            names |= _names(entry, f"{prefix}{entry.namespace}:" if entry.namespace else prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(prefix + entry.name)
    return names


def test_every_named_page_is_in_the_matrix_or_known_to_be_public():
    assert _names() - {name for _m, name, *_rest in MATRIX} - PUBLIC == set()


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    organisation = make_organisation()
    users = {role: make_user(role, role, real_name=f"{role.title()} Testsson") for role in ROLES[1:]}
    policies.start_from_template(organisation=organisation, actor=users["admin"], language="sv", sector="public")
    # Names in the matrix's URL arguments stand for the rows made here (ids differ between databases).
    thread = make_thread()
    message = make_comment(thread, "Hur söker jag bygglov för en altan?").comment
    ids = {"thread": thread.pk, "employee": users["employee"].pk, "message": message.pk,
           "case": cases.open_case(message=message, by=users["admin"]).pk,
           "rule": rules.save_rule(by=users["admin"], organisation=organisation, name="Länkar",
                                   conditions={"has_link": True}, actions=["hold"]).pk,
           "key": analysis.issue_key(by=users["admin"], organisation=organisation, name="Coral")[0].pk,
           "integration": integrations.connect(by=users["admin"], organisation=organisation, kind="webhook",
                                               name="Forumet")[0].pk}
    channel = channels.add_channel(by=users["admin"], organisation=organisation, platform="mastodon", name="M",
                                   values={"instance": "https://127.0.0.1:9", "access_token": "t"})
    ids["channel"] = channel.pk
    ids["channel_message"] = channels.receive_push(channel, [Item("1", "Tack för en fin dag!", "Lena")]) and \
        channel.items.get().message_id
    return users, ids


@pytest.mark.parametrize(("method", "name", "kwargs", "data", "expected"), MATRIX,
                         ids=[f"{m} {n}" for m, n, *_rest in MATRIX])
@pytest.mark.slow
def test_each_role_gets_what_the_matrix_says(client, world, method, name, kwargs, data, expected):
    from django.urls import reverse

    users, ids = world
    url = reverse(name, kwargs={key: ids.get(value, value) if isinstance(value, str) else value
                                for key, value in kwargs.items()})
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(users[role])
        response = client.get(url) if method == "GET" else client.post(url, data or {})
        status = response.status_code
        if status == 302 and expected[role] == 302 and role == "anonymous":
            assert response["Location"].startswith("/login/"), (role, url)
        assert status == expected[role], f"{method} {url} as {role}: {status}, expected {expected[role]}"
