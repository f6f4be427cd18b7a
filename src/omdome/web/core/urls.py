from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from omdome.web.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="core:login"), name="logout"),
    path("password/reset/", auth_views.PasswordResetView.as_view(
        template_name="core/password_reset.html", email_template_name="core/password_reset_email.txt",
        subject_template_name="core/password_reset_subject.txt",
        success_url=reverse_lazy("core:password_reset_done")), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(
        template_name="core/password_reset_done.html"), name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="core/password_reset_confirm.html", success_url=reverse_lazy("core:password_reset_complete")),
        name="password_reset_confirm"),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(
        template_name="core/password_reset_complete.html"), name="password_reset_complete"),
    path("audit/", views.audit_log, name="audit"),
]
