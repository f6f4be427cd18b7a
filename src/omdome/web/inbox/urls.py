from django.urls import path

from omdome.web.inbox import views

app_name = "inbox"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("arrived/", views.arrived, name="arrived"),
    path("bulk/", views.bulk, name="bulk"),
    path("notifications/", views.notifications, name="notifications"),
    path("corrections.jsonl", views.corrections_download, name="corrections"),
    path("<int:message_id>/relabel/", views.relabel, name="relabel"),
    path("<int:message_id>/done/", views.done, name="done"),
    path("<int:message_id>/reopen/", views.reopen, name="reopen"),
    path("<int:message_id>/moderate/", views.moderate, name="moderate"),
    path("<int:message_id>/assign/", views.assign, name="assign"),
]
