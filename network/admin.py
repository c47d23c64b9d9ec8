"""Admin for the project's identity (the coordinator also edits it in the console)."""

from django.contrib import admin

from .models import Partner, ProjectIdentity


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = [
        "organisation",
        "short_name",
        "country",
        "role",
        "order",
        "is_active",
    ]
    list_editable = ["order", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["organisation", "short_name"]


@admin.register(ProjectIdentity)
class ProjectIdentityAdmin(admin.ModelAdmin):
    list_display = ["name", "start_year", "end_year", "funding_programme"]

    def has_add_permission(self, request):
        # One row only; it exists from the migration on.
        return not ProjectIdentity.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
