"""Admin pages for the sandbox's LMS-like records."""
from django.contrib import admin

from .models import Course, CourseAccessRole, CourseEnrollment, CourseGrade, TrackingLogEntry

admin.site.register(Course)
admin.site.register(CourseEnrollment, list_display=("user", "course", "mode", "is_active", "created"))
admin.site.register(CourseAccessRole, list_display=("user", "course_key", "role"))
admin.site.register(CourseGrade, list_display=("user", "course", "percent", "passed"))
admin.site.register(TrackingLogEntry, list_display=("name", "user_id", "usage_key", "time"))
