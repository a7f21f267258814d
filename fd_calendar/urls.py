"""URLs of fd_calendar, mounted under /fd/calendar/ by the plugin framework."""

from django.urls import path

from .views import attendance, feeds, public

app_name = "fd_calendar"

urlpatterns = [
    path("", public.calendar_list, name="list"),
    path("mine/", public.my_registrations, name="mine"),
    path("feed.ics", feeds.programme_feed, name="feed"),
    path("feed/point/<int:point_id>.ics", feeds.point_feed, name="point_feed"),
    path("feed/topic/<slug:topic>.ics", feeds.topic_feed, name="topic_feed"),
    path("cancel/<str:token>/", public.cancel_by_link, name="cancel"),
    path("session/<uuid:uuid>/", public.session_page, name="session"),
    path("session/<uuid:uuid>/register", public.register, name="register"),
    path("session/<uuid:uuid>.ics", feeds.session_ics, name="session_ics"),
    path("session/<uuid:uuid>/run/", attendance.run_session, name="run"),
    path("session/<uuid:uuid>/head-count", attendance.head_count, name="head_count"),
    path("session/<uuid:uuid>/check-in", attendance.check_in_view, name="check_in"),
]
