from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from omdome.web.analysis import views as analysis_views
from omdome.web.api import api
from omdome.web.channels import views as channel_views
from omdome.web.comments import views as comment_views
from omdome.web.integrations import views as integration_views

admin.site.site_header = admin.site.site_title = "Omdöme"
admin.site.index_title = _("Comments, sites and staff")

urlpatterns = [
    path("healthz", comment_views.healthz, name="healthz"),
    path("widget.js", comment_views.widget_file, {"name": "widget.js"}, name="widget_js"),
    path("widget.css", comment_views.widget_file, {"name": "widget.css"}, name="widget_css"),
    path("api/", api.urls),
    # Perspective's own addresses, so that a client built for it needs only a new host.
    path("v1alpha1/comments:analyze", analysis_views.analyze, name="perspective_analyze"),
    path("v1alpha1/comments:suggestscore", analysis_views.suggest_score, name="perspective_suggest"),
    path("analysis-keys/", include("omdome.web.analysis.urls")),
    path("hooks/coral/<str:token>/", integration_views.coral, name="hook_coral"),
    path("hooks/in/<str:token>/", integration_views.webhook, name="hook_in"),
    path("comment-systems/", include("omdome.web.integrations.urls")),
    path("channels/push/<str:token>/", channel_views.push, name="channel_push"),
    path("channels/", include("omdome.web.channels.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    *([path("oidc/", include("mozilla_django_oidc.urls"))] if settings.OMDOME_OIDC_ENABLED else []),
    path("policy/", include("omdome.web.policies.urls")),
    path("think-twice/", include("omdome.web.thinktwice.urls")),
    path("people/", include("omdome.web.people.urls")),
    path("inbox/", include("omdome.web.inbox.urls")),
    path("cases/", include("omdome.web.cases.urls")),
    path("rules/", include("omdome.web.rules.urls")),
    path("dashboard/", include("omdome.web.reports.urls")),
    path("", include("omdome.web.core.urls")),
    path("", include("omdome.web.comments.urls")),
]
