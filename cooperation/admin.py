"""Admin of cross-border cooperation (the coordinator's view of the data)."""

from django.contrib import admin

from . import plan_admin  # noqa: F401
from .models import Challenge, Profile

# Open market consultations


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "centre", "status", "deadline"]
    list_filter = ["status", "sector", "centre"]
    search_fields = ["title", "organisation"]
    raw_id_fields = ["buyer", "case_study"]
    readonly_fields = ["summary_html", "published_at", "submitted_at"]


# Profiles: the coordinator can hide (or delete) a profile that breaks the
# rules; its text is its owner's, changed only through her own form.


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "country", "visibility", "updated_at"]
    list_filter = ["visibility", "kind"]
    search_fields = ["organisation", "user__email"]
    fields = [
        "user",
        "kind",
        "organisation",
        "country",
        "website",
        "about",
        "visibility",
    ]
    readonly_fields = ["user", "kind", "organisation", "country", "website", "about"]

    def has_add_permission(self, request):
        return False
