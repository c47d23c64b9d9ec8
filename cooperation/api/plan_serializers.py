"""API representations of buyers' plans (read-only)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from knowledge.api.serializers import (
    CountryCodeField,
    QueryParamsSerializer,
    SectorField,
    enum_field,
)

from .. import cpv
from ..models import BudgetRange, ProcurementPlan

PlanStatusField = enum_field(ProcurementPlan.Status, "PlanStatusEnum")
PlanVisibilityField = enum_field(ProcurementPlan.Visibility, "PlanVisibilityEnum")
BudgetRangeField = enum_field(BudgetRange, "BudgetRangeEnum")


class CpvGroupSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The group's three digits.")
    label = serializers.CharField()


class PlanSerializer(serializers.ModelSerializer):
    country = CountryCodeField(read_only=True)
    sector = SectorField(read_only=True)
    budget_range = BudgetRangeField(read_only=True)
    visibility = PlanVisibilityField(read_only=True)
    status = PlanStatusField(read_only=True)
    cpv_codes = serializers.ListField(child=serializers.CharField(), read_only=True)
    cpv_groups = serializers.SerializerMethodField()
    start_month = serializers.DateField(
        read_only=True, help_text="The first day of the month it starts."
    )
    end_month = serializers.DateField(
        read_only=True, help_text="The first day of the month it ends."
    )
    url = serializers.SerializerMethodField(help_text="The plan's page.")

    class Meta:
        model = ProcurementPlan
        fields = [
            "id",
            "title",
            "description",
            "organisation",
            "country",
            "sector",
            "cpv_codes",
            "cpv_groups",
            "start_month",
            "end_month",
            "budget_range",
            "joint_procurement",
            "visibility",
            "status",
            "created_at",
            "updated_at",
            "url",
        ]
        read_only_fields = fields

    @extend_schema_field(CpvGroupSerializer(many=True))
    def get_cpv_groups(self, obj):
        return [{"code": g, "label": cpv.group_label(g)} for g in obj.cpv_groups]

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class PlanListQuerySerializer(QueryParamsSerializer):
    """The list's filters; a value that is not one of the choices is a 400."""

    sector = SectorField(required=False)
    country = CountryCodeField(required=False)
    cpv_division = serializers.ChoiceField(
        choices=cpv.division_codes(),
        required=False,
        help_text="The two digits of a CPV division.",
    )
    joint_procurement = serializers.BooleanField(
        required=False, help_text="Only plans open to joint procurement (true)."
    )
    page = serializers.IntegerField(
        required=False, min_value=1, help_text="Page number (20 per page)."
    )
