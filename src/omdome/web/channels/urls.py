from django.urls import path

from omdome.web.channels import views

app_name = "channels"

urlpatterns = [
    path("", views.channel_list, name="list"),
    path("<int:channel_id>/test/", views.test, name="test"),
    path("<int:channel_id>/sync/", views.sync_now, name="sync"),
    path("<int:channel_id>/switch/", views.switch, name="switch"),
    path("reply/<int:message_id>/", views.reply, name="reply"),
    path("hide/<int:message_id>/", views.hide, name="hide"),
]
