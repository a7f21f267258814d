"""URLs of the sandbox; the plugin apps' URLs are added the way the LMS adds them."""
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve
from edx_django_utils.plugins import get_plugin_url_patterns

from . import resources, views

app_name = "sandbox"

COURSE = r"(?P<course_id>course-v1:[^/]+)"
BLOCK = r"(?P<usage_id>block-v1:[^/]+)"

sandbox_patterns = [
    path("", views.course_list, name="course_list"),
    re_path(rf"^courses/{COURSE}/$", views.course_outline, name="course_outline"),
    re_path(rf"^courses/{COURSE}/enroll/$", views.enroll, name="enroll"),
    re_path(rf"^courses/{COURSE}/unit/{BLOCK}/$", views.unit, name="unit"),
    re_path(rf"^courses/{COURSE}/jump_to/{BLOCK}/?$", views.jump_to, name="jump_to"),
    re_path(rf"^courses/{COURSE}/studio/{BLOCK}/$", views.studio, name="studio"),
    re_path(rf"^assets/{COURSE}/(?P<path>.+)$", views.course_asset, name="course_asset"),
    re_path(r"^xblock/(?P<usage_id>[^/]+)/(?P<handler>[^/]+)/(?P<suffix>.*)$", views.xblock_handler,
            name="xblock_handler"),
    re_path(r"^xblock-noauth/(?P<usage_id>[^/]+)/(?P<handler>[^/]+)/(?P<suffix>.*)$", views.xblock_handler,
            {"authenticated": False}, name="xblock_handler_noauth"),
    path("register/", views.register, name="register"),
]

urlpatterns = [
    path("", include((sandbox_patterns, "sandbox"))),
    path("login/", auth_views.LoginView.as_view(template_name="sandbox/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    re_path(r"^resource/(?P<block_type>[^/]+)/(?P<resource>.*)$", resources.block_resource, name="package_resource"),
    path("admin/", admin.site.urls),
    # Uploaded files (badge images); in the LMS the operator's storage serves them.
    re_path(r"^media/(?P<path>.+)$", serve, {"document_root": settings.MEDIA_ROOT}),
]

urlpatterns += get_plugin_url_patterns("lms.djangoapp")
