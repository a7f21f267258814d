"""URLs of fd_classroom, mounted by the plugin framework under /fd/classroom/."""

from django.urls import path

from .views import pupil, teacher

app_name = "fd_classroom"

urlpatterns = [
    path("join/", pupil.join, name="join"),
    path("c/<str:code>/", pupil.pupil_page, name="pupil"),
    path("c/<str:code>/poll.json", pupil.poll, name="poll"),
    path("c/<str:code>/answer", pupil.answer, name="answer"),
    path("lead/<str:public_id>/", teacher.lead, name="lead"),
    path("lead/<str:public_id>/status.json", teacher.lead_status, name="lead-status"),
    path("lead/<str:public_id>/act", teacher.act, name="act"),
    path("lead/<str:public_id>/summary/", teacher.summary, name="summary"),
    path("lead/<str:public_id>/guide/", teacher.guide, name="guide"),
    path("lead/<str:public_id>/delete", teacher.delete, name="delete"),
    path("deleted/", teacher.deleted, name="deleted"),
]
