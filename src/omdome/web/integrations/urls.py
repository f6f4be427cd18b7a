from django.urls import path

from omdome.web.integrations import views

app_name = "integrations"

urlpatterns = [
    path("", views.integration_list, name="list"),
    path("<int:integration_id>/disconnect/", views.disconnect, name="disconnect"),
]
