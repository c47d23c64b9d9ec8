"""Admin for the coordinator: subscribers, issues, deliveries, the suppression list."""

from django.contrib import admin

from .models import BounceEvent, Delivery, Issue, Subscriber, Suppression


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "status",
        "wants_newsletter",
        "digest_frequency",
        "language",
        "confirmed_at",
    ]
    list_filter = ["status", "wants_newsletter", "digest_frequency", "language"]
    search_fields = ["email", "name"]
    readonly_fields = [
        "consent_at",
        "consent_ip",
        "consent_user_agent",
        "consent_version",
        "consent_hash",
        "confirmed_at",
        "unsubscribed_at",
        "last_digest_at",
        "bounce_score",
    ]
    raw_id_fields = ["user"]
    filter_horizontal = ["centres"]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "scheduled_at", "sent_at", "recipient_count"]
    list_filter = ["status"]
    search_fields = ["subject"]
    readonly_fields = [
        "status",
        "sending_started_at",
        "queued_at",
        "heartbeat_at",
        "sent_at",
        "recipient_count",
    ]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read-only: rows change only through the sending tasks."""

    list_display = ["pk", "issue", "digest", "subscriber", "status", "attempts"]
    list_filter = ["status"]
    list_select_related = ["issue", "digest", "subscriber"]
    search_fields = ["subscriber__email"]
    show_full_result_count = False

    readonly_fields = [f.name for f in Delivery._meta.fields]


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ["email", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]


@admin.register(BounceEvent)
class BounceEventAdmin(admin.ModelAdmin):
    list_display = ["email", "kind", "source", "created_at"]
    list_filter = ["kind", "source"]
    search_fields = ["email"]
