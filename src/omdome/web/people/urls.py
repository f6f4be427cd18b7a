from django.urls import path

from omdome.web.people import views

app_name = "people"

urlpatterns = [
    path("", views.people_list, name="list"),
    path("import/", views.import_people, name="import"),
    path("<int:user_id>/", views.person, name="person"),
    path("me/", views.me, name="me"),
]
