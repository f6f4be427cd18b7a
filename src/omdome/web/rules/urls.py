from django.urls import path

from omdome.web.rules import views

app_name = "rules"

urlpatterns = [
    path("", views.rule_list, name="list"),
    path("new/", views.edit, name="new"),
    path("<int:rule_id>/", views.detail, name="detail"),
    path("<int:rule_id>/edit/", views.edit, name="edit"),
    path("<int:rule_id>/switch/", views.switch, name="switch"),
    path("<int:rule_id>/move/", views.move, name="move"),
]
