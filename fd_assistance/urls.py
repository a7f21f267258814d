"""URLs of fd_assistance, mounted by the plugin framework under /fd/assistance/."""

from django.urls import path

from .views import agenda, public

app_name = "fd_assistance"

urlpatterns = [
    path("", public.points, name="points"),
    path("point/<int:point_id>/", public.point, name="point"),
    path("point/<int:point_id>/book/", public.book, name="book"),
    path("booking/<str:token>/", public.booking, name="booking"),
    path("booking/<str:token>/cancel/", public.cancel, name="cancel"),
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/booking/<int:booking_id>/", agenda.mark, name="mark"),
]
