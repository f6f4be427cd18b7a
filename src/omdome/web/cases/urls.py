from django.urls import path

from omdome.web.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/note/", views.add_note, name="note"),
    path("<int:case_id>/status/", views.set_status, name="status"),
    path("<int:case_id>/assign/", views.assign, name="assign"),
    path("open/<int:message_id>/", views.open_from_message, name="open"),
]
