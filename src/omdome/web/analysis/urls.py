from django.urls import path

from omdome.web.analysis import views

app_name = "analysis"

urlpatterns = [
    path("", views.keys, name="keys"),
    path("<int:key_id>/revoke/", views.revoke, name="revoke"),
]
