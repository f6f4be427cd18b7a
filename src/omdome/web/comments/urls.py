from django.urls import path

from omdome.web.comments import feeds, views

app_name = "comments"

urlpatterns = [
    path("demo/<slug:slug>/", views.demo_page, name="demo_page"),
    path("staff/", views.thread_list, name="thread_list"),
    path("staff/threads/<int:thread_id>/", views.staff_thread, name="staff_thread"),
    path("feeds/threads/<int:thread_id>.atom", feeds.ThreadFeed(), name="thread_feed"),
    path("feeds/sites/<int:site_id>.atom", feeds.SiteFeed(), name="site_feed"),
]
