"""Admin of buyers' plans, interests and initiatives (the coordinator's)."""

from django.contrib import admin

from .models import JointInitiative, PlanInterest, ProcurementPlan


@admin.register(ProcurementPlan)
class ProcurementPlanAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "country",
        "sector",
        "status",
        "created_at",
    ]
    list_filter = ["status", "sector", "visibility", "joint_procurement"]
    search_fields = ["title", "organisation", "owner__email"]
    raw_id_fields = ["owner"]


@admin.register(PlanInterest)
class PlanInterestAdmin(admin.ModelAdmin):
    list_display = ["plan", "user", "organisation", "country", "created_at"]
    raw_id_fields = ["plan", "user"]


@admin.register(JointInitiative)
class JointInitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "centre", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["created_by"]
    filter_horizontal = ["plans"]
