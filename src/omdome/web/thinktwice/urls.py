from django.urls import path

from omdome.web.thinktwice import views

app_name = "thinktwice"

urlpatterns = [
    path("", views.check, name="check"),
    path("meaning/", views.meaning, name="meaning"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.revoke, name="revoke"),
]
