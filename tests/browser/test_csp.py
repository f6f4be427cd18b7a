"""Every HTML page runs under a Content-Security-Policy, and nothing on the pages breaks it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from browser.test_organisation import log_in
from omdome.web.policies import services as policies
from web.factories import make_comment, make_thread, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COLLECT = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
           "e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));")


def test_no_page_breaks_the_content_security_policy_and_the_api_docs_load_only_our_files(browser, live_server,
                                                                                         settings):
    base = live_server.url
    comment = make_comment(make_thread(), "Tack för informationen!").comment
    user = make_user("anna", "admin", real_name="Anna Berg")
    get_user_model().objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    draft = policies.start_from_template(organisation=user.staff_profile.organisation, actor=user, language="sv",
                                         sector="public")
    policies.acknowledge(user=user, version=policies.approve(version=draft, actor=user))
    context = browser.new_context(locale="sv-SE")
    context.add_init_script(COLLECT)
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((base, "data:")) else None)
    log_in(page, base, "anna")
    paths = ["/", "/think-twice/", "/policy/", "/people/", "/audit/", "/staff/", f"/staff/threads/{comment.thread_id}/",
             "/admin/", "/admin/comments/comment/", f"/admin/comments/comment/{comment.pk}/change/", "/api/docs",
             "/demo/vagarbete/", "/analysis-keys/", "/comment-systems/", "/channels/"]
    seen = {}
    for path in paths:
        settings.DEBUG = path.startswith("/demo/")  # the demo host page exists in development mode only
        response = page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        assert response.status < 400, path
        assert "default-src 'self'" in (response.headers.get("content-security-policy") or ""), path
        seen[path] = page.evaluate("window.__csp")
    context.close()
    assert all(not v for v in seen.values()), {p: v for p, v in seen.items() if v}
    assert foreign == []
