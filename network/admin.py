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
    """One row (a database constraint keeps it so); deleted, it comes back with
    the project's public facts the next time a page asks for it."""

    list_display = ["name", "start_year", "end_year", "funding_programme"]
