"""Django admin for targets, facilitation points, sessions and assistance logs."""

import uuid

from django.contrib import admin

from . import ingest
from .activities import record_session
from .models import AssistanceLog, FacilitationPoint, Milestone, Target, TrainingSession


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 1


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = (
        "title_it",
        "metric",
        "scope_type",
        "scope_value",
        "period_start",
        "deadline",
        "goal",
        "is_public",
    )
    list_filter = ("metric", "scope_type", "is_public")
    inlines = [MilestoneInline]


@admin.register(FacilitationPoint)
class FacilitationPointAdmin(admin.ModelAdmin):
    list_display = ("name", "district", "organisation", "weekly_hours", "active")
    list_filter = ("district", "active")


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = ("date", "title", "kind", "partner", "district", "facilitation_point", "head_count")
    list_filter = ("kind", "partner", "district")

    def save_model(self, request, obj, form, change):
        before = TrainingSession.objects.filter(pk=obj.pk).values_list("head_count", flat=True).first() or 0
        super().save_model(request, obj, form, change)
        record_session(obj)
        if obj.head_count != before:
            ingest.save_events([ingest.head_count_event(obj, obj.head_count - before, uuid.uuid4().hex)])


@admin.register(AssistanceLog)
class AssistanceLogAdmin(admin.ModelAdmin):
    list_display = ("date", "facilitation_point", "hours", "people")
    list_filter = ("facilitation_point",)
    readonly_fields = ("facilitation_point", "date", "hours", "people")

    def has_add_permission(self, request):
        return False
