"""Admin of cross-border cooperation (the coordinator's view of the data)."""

from django.contrib import admin

from . import plan_admin  # noqa: F401
from .models import Challenge

# Open market consultations


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "centre", "status", "deadline"]
    list_filter = ["status", "sector", "centre"]
    search_fields = ["title", "organisation"]
    raw_id_fields = ["buyer", "case_study"]
    readonly_fields = ["summary_html", "published_at", "submitted_at"]
