"""URLs of fd_badges, mounted by the plugin framework under /fd/badges/."""
from django.urls import path

from .views import admin_bulk, awards, ob2, public

app_name = "fd_badges"
urlpatterns = [
    path("mine/", awards.my_badges, name="my_badges"),
    path("classes/<slug:slug>/", public.class_page, name="class_page"),
    path("classes/<slug:slug>/image.png", public.class_image, name="class_image"),
    path("classes/<slug:slug>/image.svg", public.class_image_svg, name="class_image_svg"),
    path("awards/<uuid:uuid>/", awards.award_page, name="award_page"),
    path("awards/<uuid:uuid>/credential.<str:fmt>", awards.award_download, name="award_download"),
    path("awards/<uuid:uuid>/revoke/", awards.revoke_award, name="revoke_award"),
    path("verify/", public.verify, name="verify"),
    path("did.json", public.did_json_path_based, name="did_json_path_based"),
    path("status/<int:list_number>", public.status_list_view, name="status_list"),
    path("issuers/<int:pk>/keys/<str:key_id>", public.key_document, name="key_document"),
    path("ob2/issuers/<int:pk>", ob2.issuer, name="ob2_issuer"),
    path("ob2/classes/<slug:slug>", ob2.badge_class, name="ob2_class"),
    path("ob2/assertions/<uuid:uuid>", ob2.assertion, name="ob2_assertion"),
    path("ob2/assertions/<uuid:uuid>/badge.<str:fmt>", ob2.baked_assertion, name="ob2_baked"),
    path("staff/classes/<slug:slug>/bulk/", admin_bulk.bulk_award, name="bulk_award"),
    path("staff/bulk/<str:job>/", admin_bulk.bulk_job, name="bulk_job"),
    path("staff/bulk/<str:job>/progress", admin_bulk.bulk_progress, name="bulk_progress"),
]
