"""Admin for issuers (key rotation), badge classes with their rules (bulk award), and awards."""
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import awarding
from .credentials import keys
from .models import Award, BadgeClass, BadgeRule, Issuer, SigningKey


class SigningKeyInline(admin.TabularInline):
    model = SigningKey
    fields = ("key_id", "public_key_multibase", "created", "retired_at", "compromised_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ("name_it", "domain", "url")
    inlines = [SigningKeyInline]
    actions = ["rotate_key", "rotate_compromised_key"]

    @admin.action(description=_("Rotate the signing key (old key stays valid)"))
    def rotate_key(self, request, queryset):
        for issuer in queryset:
            key = keys.rotate(issuer)
            self.message_user(request, _("New key %(key)s.") % {"key": key.verification_method})

    @admin.action(description=_("Replace a compromised key (credentials it signed stop verifying)"))
    def rotate_compromised_key(self, request, queryset):
        for issuer in queryset:
            key = keys.rotate(issuer, compromised=True)
            self.message_user(request, _("New key %(key)s.") % {"key": key.verification_method}, messages.WARNING)


class BadgeRuleInline(admin.StackedInline):
    model = BadgeRule
    extra = 0


@admin.register(BadgeClass)
class BadgeClassAdmin(admin.ModelAdmin):
    list_display = ("slug", "name_it", "name_en", "course_key", "rule_operator", "active", "bulk_link")
    list_filter = ("active",)
    search_fields = ("slug", "name_it", "name_en")
    inlines = [BadgeRuleInline]

    @admin.display(description=_("bulk award"))
    def bulk_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("fd_badges:bulk_award", kwargs={"slug": obj.slug}),
                           _("Award from CSV"))


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ("uuid", "badge_class", "user", "awarded_at", "source", "signed_at", "revoked_at")
    list_filter = ("badge_class", "source")
    search_fields = ("user__username", "user__email", "uuid")
    readonly_fields = ("uuid", "user", "badge_class", "awarded_at", "expires_at", "source", "awarded_by",
                       "evidence", "credential", "signed_at", "notified_at", "revoked_at", "revocation_reason")
    fields = readonly_fields + ("narrative",)
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Revoke the selected badges"))
    def revoke(self, request, queryset):
        for award in queryset.select_related("badge_class__issuer", "user"):
            awarding.revoke(award, str(_("Revoked by staff")), by=request.user)
        self.message_user(request, _("Revoked."))
