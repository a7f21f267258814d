"""Admin of the calendar: sessions with their registrations; editing a session raises its revision."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .booking import seats_left
from .choices import Access, Topic, parse_list
from .models import CalendarSession, CheckIn, HeadCount, Registration


class SessionForm(forms.ModelForm):
    topic_list = forms.MultipleChoiceField(label=_("Topics"), choices=Topic.choices, required=False,
                                           widget=forms.CheckboxSelectMultiple)
    access_list = forms.MultipleChoiceField(label=_("Access needs met"), choices=Access.choices, required=False,
                                            widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = CalendarSession
        fields = ["title", "description", "kind", "district", "facilitation_point", "place", "starts_at", "ends_at",
                  "capacity", "what_to_bring", "webinar_url", "cancelled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["topic_list"] = parse_list(self.instance.topics, Topic)
        self.initial["access_list"] = parse_list(self.instance.access, Access)

    def save(self, commit=True):
        self.instance.topics = ",".join(self.cleaned_data["topic_list"])
        self.instance.access = ",".join(self.cleaned_data["access_list"])
        return super().save(commit)


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "guest_name", "status", "seat_number", "created_at", "reminded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CalendarSession)
class CalendarSessionAdmin(admin.ModelAdmin):
    form = SessionForm
    list_display = ["title", "starts_at", "kind", "district", "capacity", "seats", "cancelled", "sequence"]
    list_filter = ["kind", "cancelled", "district"]
    search_fields = ["title", "place", "district"]
    date_hierarchy = "starts_at"
    readonly_fields = ["uuid", "sequence"]
    inlines = [RegistrationInline]

    @admin.display(description=_("seats left"))
    def seats(self, obj):
        return seats_left(obj)


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ["session", "user", "checked_in_at"]
    raw_id_fields = ["user"]


admin.site.register(HeadCount)
