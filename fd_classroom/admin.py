"""Django admin: schools and approved teachers (each importable from a CSV file), class tours."""

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .csv_import import BadRows, import_schools, import_teachers
from .models import ClassSession, School, TeacherRole


class CsvForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


class CsvImportMixin:
    """An "Import from CSV" page on the change list; bad rows are listed and nothing is written."""

    change_list_template = "admin/fd_classroom/change_list_import.html"
    import_help = ""

    def import_rows(self, data):
        raise NotImplementedError

    def get_urls(self):
        name = f"{self.model._meta.app_label}_{self.model._meta.model_name}_import"
        return [path("import/", self.admin_site.admin_view(self.import_view), name=name), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = CsvForm(request.POST or None, request.FILES or None)
        status = 200
        if request.method == "POST" and form.is_valid():
            try:
                done = self.import_rows(form.cleaned_data["file"].read(2_000_000))
            except BadRows as error:
                for message in error.errors[:50]:
                    messages.error(request, message)
                status = 400
            else:
                messages.success(request, done)
                return redirect(f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_changelist")
        elif request.method == "POST":
            status = 400
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.model._meta,
                   "title": _("Import from CSV"), "help": self.import_help}
        return render(request, "admin/fd_classroom/import.html", context, status=status)


@admin.register(School)
class SchoolAdmin(CsvImportMixin, admin.ModelAdmin):
    list_display = ("name", "code", "district", "active")
    list_filter = ("active", "district")
    search_fields = ("name", "code")
    import_help = _("Columns: name (required), code, district. A school already known is updated.")

    def import_rows(self, data):
        created, updated = import_schools(data)
        return _("%(created)d schools added, %(updated)d updated.") % {"created": created, "updated": updated}


@admin.register(TeacherRole)
class TeacherRoleAdmin(CsvImportMixin, admin.ModelAdmin):
    list_display = ("user", "school", "approved", "granted_at")
    list_filter = ("approved", "school")
    search_fields = ("user__username", "user__email")
    raw_id_fields = ("user",)
    actions = ("approve", "revoke")
    import_help = _("Columns: username or email (the account must exist), school (optional, a school's name).")

    def import_rows(self, data):
        granted, already = import_teachers(data)
        return _("%(granted)d teachers approved, %(already)d already were.") % {"granted": granted, "already": already}

    @admin.action(description=_("Approve the selected teachers"))
    def approve(self, request, queryset):
        self.message_user(request, _("%d teachers approved.") % queryset.update(approved=True), messages.SUCCESS)

    @admin.action(description=_("Withdraw the approval of the selected teachers"))
    def revoke(self, request, queryset):
        self.message_user(request, _("%d approvals withdrawn.") % queryset.update(approved=False), messages.SUCCESS)


@admin.register(ClassSession)
class ClassSessionAdmin(admin.ModelAdmin):
    list_display = ("code", "course_key", "school", "status", "created", "delete_after")
    list_filter = ("status",)
    readonly_fields = [field.name for field in ClassSession._meta.fields]

    def has_add_permission(self, request):
        return False
