from django.urls import path

from omdome.web.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<slug:name>.csv", views.table_csv, name="csv"),
]
