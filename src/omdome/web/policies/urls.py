from django.urls import path

from omdome.web.policies import views

app_name = "policies"

urlpatterns = [
    path("", views.current, name="current"),
    path("acknowledge/", views.acknowledge, name="acknowledge"),
    path("versions/", views.versions, name="versions"),
    path("new/", views.new_from_template, name="new"),
    path("import/", views.import_policy, name="import"),
    path("versions/<int:number>/", views.detail, name="detail"),
    path("versions/<int:number>/edit/", views.edit, name="edit"),
    path("versions/<int:number>/approve/", views.approve, name="approve"),
    path("versions/<int:number>/<str:what>.toml", views.export, name="export"),
    path("acknowledgements/", views.acknowledgements, name="acknowledgements"),
]
