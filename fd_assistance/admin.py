"""Django admin for help desks, opening hours, closures and bookings."""

from django.contrib import admin

from .models import Booking, Closure, HelpDesk, OpeningHours


@admin.register(HelpDesk)
class HelpDeskAdmin(admin.ModelAdmin):
    list_display = ("point", "slot_minutes")
    filter_horizontal = ("facilitators",)
    raw_id_fields = ("point",)


@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ("point", "weekday", "start", "end")
    list_filter = ("weekday", "point")


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ("point", "first_day", "last_day", "reason")
    list_filter = ("point",)
    date_hierarchy = "first_day"


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ("start", "point", "topic", "status", "person", "created_at")
    list_filter = ("status", "topic", "point")
    # No date_hierarchy on ``start``: on MySQL/MariaDB it needs the server's time zone tables.
    ordering = ("-start",)
    raw_id_fields = ("user",)
    readonly_fields = ("cancel_token", "created_at", "marked_by", "guest_erased_at")
    search_fields = ("first_name", "phone", "email")

    @admin.display(description="person")
    def person(self, booking):
        return booking.person_name
