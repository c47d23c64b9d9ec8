"""Admin for centres (the coordinator creates and onboards centres here)."""

from django.contrib import admin

from .models import AuditEntry, Centre, Invitation, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "country", "kind", "status", "is_active"]
    list_filter = ["kind", "status", "is_active"]
    search_fields = ["name", "short_name", "host_organisation"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        from network.status_history import status_changed_by

        # A status changed here enters the centre's public history under her name.
        with status_changed_by(request.user):
            super().save_model(request, obj, form, change)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "centre",
        "role",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    list_filter = ["centre", "role"]
    exclude = ["token_hash"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "centre", "actor", "action", "target"]
    list_filter = ["centre", "action"]
    readonly_fields = ["created_at", "centre", "actor", "action", "target", "data"]
