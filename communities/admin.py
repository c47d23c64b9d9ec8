"""Admin of communities and task-force applications (the coordinator's view).
Moderation happens on the communities' own pages, where it is logged."""

from django.contrib import admin

from .models import Community, TaskForceApplication


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "centre", "visibility", "sector", "language"]
    list_filter = ["visibility", "centre"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TaskForceApplication)
class TaskForceApplicationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "organisation_type", "country", "status"]
    list_filter = ["status", "organisation_type", "projects"]
    search_fields = ["organisation", "email", "contact_name"]
    readonly_fields = ["confirmed_at", "decided_at", "decided_by", "user"]
    filter_horizontal = ["projects"]
